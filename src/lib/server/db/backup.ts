// Backups that restore: on PostgreSQL a pg_dump custom-format archive (Debian's postgresql-client), on
// the embedded PGlite its own data-directory tarball. The file's name carries the app's version, the
// migration level and the data revision; a restore reads the level from the archive itself and refuses
// a newer one, and refuses a target that holds anything unless forced.
import { spawn } from 'node:child_process';
import { openAsBlob } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { currentDataRevision } from './revision';
import { lockDataDir, openDatabase, selectRows, type Driver } from './index';
import {
	appliedMigrationLevel,
	expectedMigrationLevel,
	isNewerThanApp,
	type MigrationLevel
} from './migration-level';

/** Where the backup comes from or goes to: DATABASE_URL, else the embedded data directory. */
export type DatabaseTarget = { url: string } | { dataDir: string };

/** What a backup holds, as its file name says it. */
export interface BackupFacts {
	driver: Driver;
	migrations: MigrationLevel;
	revision: number;
}

/** A refused restore or backup: the message says why and what to do, in Vietnamese then English. */
export class BackupError extends Error {}

const EXTENSIONS: Record<Driver, string> = { pg: '.pgdump', pglite: '.pglite.tar.gz' };

/** `gotungnha-v0.1.0-m9-r41-20261129T193200Z.pgdump`: version, migration level, data revision, UTC time. */
function backupFileName(facts: BackupFacts, appVersion: string, at = new Date()): string {
	const stamp = at
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d+Z$/, 'Z');
	return `gotungnha-v${appVersion}-m${facts.migrations.count}-r${facts.revision}-${stamp}${EXTENSIONS[facts.driver]}`;
}

/** Which driver a backup file is for, from its name. */
function driverOfFile(file: string): Driver {
	if (file.endsWith(EXTENSIONS.pg)) return 'pg';
	if (file.endsWith(EXTENSIONS.pglite)) return 'pglite';
	throw new BackupError(
		`Không nhận ra tệp sao lưu ${file} (unknown backup file: expected a name ending in .pgdump or .pglite.tar.gz)`
	);
}

/** PostgreSQL's client tools: PG_BIN when set, else the PATH. */
function clientTool(name: 'pg_dump' | 'pg_restore'): string {
	return process.env.PG_BIN ? join(process.env.PG_BIN, name) : name;
}

/** Runs a client tool; its standard output as text. A missing tool is explained, not an ENOENT. */
function run(tool: 'pg_dump' | 'pg_restore', args: string[]): Promise<string> {
	return new Promise((resolvePromise, reject) => {
		const child = spawn(clientTool(tool), args, { stdio: ['ignore', 'pipe', 'pipe'] });
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
		child.on('error', (error: NodeJS.ErrnoException) =>
			reject(
				error.code === 'ENOENT'
					? new BackupError(
							`Không tìm thấy ${tool}: hãy cài postgresql-client (${tool} not found: install Debian's postgresql-client, ` +
								`\`apt-get install postgresql-client-15\`, the server's major version or newer, or set PG_BIN to its directory)`
						)
					: error
			)
		);
		child.on('close', (code) => {
			if (code === 0) resolvePromise(Buffer.concat(out).toString('utf8'));
			else
				reject(
					new BackupError(`${tool} failed (exit ${code}): ${Buffer.concat(err).toString('utf8').trim()}`)
				);
		});
	});
}

/** The rows of one table's COPY block in pg_restore's SQL output, as column → text maps. */
function copyRows(script: string, table: string): Record<string, string>[] {
	const header = new RegExp(`^COPY (?:\\w+\\.)?${table} \\(([^)]*)\\) FROM stdin;$`, 'm').exec(script);
	if (!header) return [];
	const columns = header[1]!.split(',').map((column) => column.trim().replace(/^"|"$/g, ''));
	const body = script.slice(header.index + header[0].length + 1);
	const rows: Record<string, string>[] = [];
	for (const line of body.split('\n')) {
		if (line === '\\.') break;
		const values = line.split('\t');
		rows.push(Object.fromEntries(columns.map((column, index) => [column, values[index] ?? ''])));
	}
	return rows;
}

/** What a pg_dump archive holds, read from the archive (its migrations journal and data revision). */
async function pgArchiveFacts(file: string): Promise<BackupFacts> {
	const script = await run('pg_restore', [
		'--data-only',
		'--table=__drizzle_migrations',
		'--table=data_revision',
		'--file=-',
		file
	]);
	const migrations = copyRows(script, '__drizzle_migrations');
	const [revision] = copyRows(script, 'data_revision');
	return {
		driver: 'pg',
		migrations: {
			count: migrations.length,
			lastCreatedAt: Math.max(0, ...migrations.map((row) => Number(row.created_at)))
		},
		revision: Number(revision?.revision ?? 0)
	};
}

/** Writes `bytes` to `file` through a temporary name, so that a failed backup never leaves a file that looks whole. */
async function writeWhole(file: string, write: (partial: string) => Promise<void>): Promise<void> {
	const partial = `${file}.partial`;
	try {
		await write(partial);
		await rename(partial, file);
	} catch (error) {
		await rm(partial, { force: true });
		throw error;
	}
}

/**
 * Backs the database up into one file in `outDir`; returns its path, size and what it holds. PGlite's
 * data directory must not be open elsewhere (the server stopped): its lock refuses otherwise.
 */
export async function backupDatabase(
	target: DatabaseTarget,
	outDir: string,
	appVersion: string
): Promise<{ file: string; bytes: number; facts: BackupFacts }> {
	await mkdir(outDir, { recursive: true });
	let file: string;
	let facts: BackupFacts;
	if ('url' in target) {
		// pg_dump reads one consistent snapshot; the name comes from what the archive holds.
		const dumped = join(outDir, `gotungnha-backup-${process.pid}-${Date.now()}.pgdump`);
		await writeWhole(dumped, (partial) =>
			run('pg_dump', [
				'--format=custom',
				'--no-owner',
				'--no-acl',
				`--file=${partial}`,
				`--dbname=${target.url}`
			]).then(() => undefined)
		);
		facts = await pgArchiveFacts(dumped).catch(async (error: unknown) => {
			await rm(dumped, { force: true });
			throw error;
		});
		file = join(outDir, backupFileName(facts, appVersion));
		await rename(dumped, file);
	} else {
		const handle = await openDatabase({ dataDir: target.dataDir });
		try {
			facts = {
				driver: 'pglite',
				migrations: await appliedMigrationLevel(handle.db),
				revision: (await currentDataRevision(handle.db)).revision
			};
			file = join(outDir, backupFileName(facts, appVersion));
			const tarball = await handle.dumpDataDir!();
			await writeWhole(file, async (partial) =>
				writeFile(partial, new Uint8Array(await tarball.arrayBuffer()))
			);
		} finally {
			await handle.close();
		}
	}
	return { file, bytes: (await stat(file)).size, facts };
}

/** Tables of a PostgreSQL database beyond PostGIS's own: any one makes the database "not empty". */
async function pgTableCount(url: string): Promise<number> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		const { rows } = await client.query<{ count: number }>(
			`SELECT count(*)::int AS count FROM pg_tables
			 WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND tablename <> 'spatial_ref_sys'`
		);
		return rows[0]!.count;
	} finally {
		await client.end();
	}
}

/** Empties a PostgreSQL database for a forced restore: the app's schemas go, PostGIS with them. */
async function pgEmpty(url: string): Promise<void> {
	const handle = await openDatabase({ url });
	try {
		await selectRows(handle.db, sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
		await selectRows(handle.db, sql`DROP SCHEMA IF EXISTS public CASCADE`);
		await selectRows(handle.db, sql`CREATE SCHEMA public`);
	} finally {
		await handle.close();
	}
}

function refuseNewer(facts: BackupFacts): void {
	const expected = expectedMigrationLevel();
	if (isNewerThanApp(facts.migrations, expected)) {
		throw new BackupError(
			`Bản sao lưu mới hơn ứng dụng: ${facts.migrations.count} migration, ứng dụng có ${expected.count}; hãy cập nhật ứng dụng trước ` +
				`(the backup is from a newer migration level, ${facts.migrations.count} against this app's ${expected.count}: upgrade the app first)`
		);
	}
}

function refuseNotEmpty(where: { vi: string; en: string }): never {
	throw new BackupError(
		`${where.vi} đã có dữ liệu; thêm --force để ghi đè (${where.en} is not empty: add --force to replace everything in it)`
	);
}

/**
 * Restores a backup file into the target, which must be empty (a new database, a missing or empty data
 * directory) unless `force`, which first empties it. Refuses a backup of a newer migration level than
 * this app, before touching the target. A PostgreSQL restore is one transaction: all or nothing.
 */
export async function restoreDatabase(
	target: DatabaseTarget,
	file: string,
	{ force = false }: { force?: boolean } = {}
): Promise<BackupFacts> {
	const driver = driverOfFile(file);
	if (driver !== ('url' in target ? 'pg' : 'pglite')) {
		throw new BackupError(
			`Tệp ${file} là bản sao lưu ${driver === 'pg' ? 'PostgreSQL' : 'PGlite'}, không khớp CSDL đích ` +
				`(this is a ${driver === 'pg' ? 'PostgreSQL' : 'PGlite'} backup: restore it into the same kind of database)`
		);
	}
	if ('url' in target) {
		const facts = await pgArchiveFacts(file);
		refuseNewer(facts);
		if ((await pgTableCount(target.url)) > 0) {
			const name = new URL(target.url).pathname.slice(1);
			if (!force) refuseNotEmpty({ vi: `CSDL ${name}`, en: `The database ${name}` });
			await pgEmpty(target.url);
		}
		await run('pg_restore', [
			'--no-owner',
			'--no-acl',
			'--exit-on-error',
			'--single-transaction',
			`--dbname=${target.url}`,
			file
		]);
		return facts;
	}
	const tarball = await openAsBlob(file);
	// Read what the backup holds in memory first: a refused backup never touches the data directory.
	const probe = await openDatabase({ dataDir: 'memory://', loadDataDir: tarball });
	let facts: BackupFacts;
	try {
		facts = {
			driver: 'pglite',
			migrations: await appliedMigrationLevel(probe.db),
			revision: (await currentDataRevision(probe.db)).revision
		};
	} finally {
		await probe.close();
	}
	refuseNewer(facts);
	const dataDir = resolve(target.dataDir);
	const release = await lockDataDir(dataDir);
	try {
		const entries = await readdir(dataDir);
		if (entries.length > 0) {
			if (!force) refuseNotEmpty({ vi: `Thư mục ${dataDir}`, en: `The directory ${dataDir}` });
			await Promise.all(entries.map((entry) => rm(join(dataDir, entry), { recursive: true, force: true })));
		}
	} finally {
		await release();
	}
	const restored = await openDatabase({ dataDir, loadDataDir: tarball });
	await restored.close();
	return facts;
}
