import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import { logger } from '../log';
import * as schema from './schema';

/** The drizzle database, whichever driver is behind it: query modules take this and nothing else. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Driver = 'pglite' | 'pg';

export interface DatabaseHandle {
	db: Database;
	driver: Driver;
	close(): Promise<void>;
	/** PGlite only: its data directory as a gzipped tarball (what `npm run backup` writes). */
	dumpDataDir?(): Promise<Blob>;
}

export interface OpenOptions {
	/** A postgres:// URL selects the real PostgreSQL/PostGIS server through `pg`. */
	url?: string;
	/** Embedded PGlite data directory; 'memory://' keeps it in memory (tests). Used when `url` is absent. */
	dataDir?: string;
	/** PGlite only: start from this tarball of a data directory (`npm run restore`); the directory must be empty. */
	loadDataDir?: Blob;
}

/** Where drizzle-kit writes migrations; the app is always started from the repository root. */
const MIGRATIONS_FOLDER = resolve('drizzle');

/** The embedded database's default directory, relative to the repository root. */
const DEFAULT_DATA_DIR = '.data/pglite';

/** Opens PGlite (with PostGIS) or a pg pool, without migrating. */
export async function openDatabase(options: OpenOptions = {}): Promise<DatabaseHandle> {
	if (options.url) {
		const pool = new pg.Pool({
			connectionString: options.url,
			max: 10,
			// PostgreSQL's JIT compiles any query its planner costs high, such as the month figures' one
			// lateral probe per hamlet, and compiling took longer than running it: with JIT that query took
			// 2.7× as long on the Hanoi demo (README, scaling). A startup option, so every connection has it
			// from its first query (PgBouncer: list `options` in ignore_startup_parameters, README).
			options: '-c jit=off'
		});
		// An idle client dropped by the server (restart, admin command) must not crash the process;
		// the pool replaces it on the next query. https://node-postgres.com/apis/pool#error
		pool.on('error', (error) =>
			logger.warn({ reason: error.message }, 'PostgreSQL idle connection lost; the pool replaces it')
		);
		// A connection lost while checked out but between queries (a transaction between two statements)
		// emits 'error' with no one listening, which would end the process; its next query fails instead.
		pool.on('connect', (client) =>
			client.on('error', (error) =>
				logger.warn({ reason: error.message }, 'PostgreSQL connection lost while in use; its query fails')
			)
		);
		// Fail now, with the server's own message, rather than at the first query.
		const client = await pool.connect().catch(async (error: unknown) => {
			await pool.end();
			throw new Error(`Không kết nối được PostgreSQL (cannot connect to PostgreSQL): ${String(error)}`);
		});
		client.release();
		return { db: drizzlePg(pool, { schema }), driver: 'pg', close: () => pool.end() };
	}
	const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
	const pgliteOptions = { extensions: { postgis }, loadDataDir: options.loadDataDir };
	if (dataDir.startsWith('memory://')) {
		const client = await PGlite.create(dataDir, pgliteOptions);
		return {
			db: drizzlePglite(client, { schema }),
			driver: 'pglite',
			close: () => client.close(),
			dumpDataDir: () => client.dumpDataDir('gzip')
		};
	}
	const release = await lockDataDir(dataDir);
	try {
		const client = await PGlite.create(dataDir, pgliteOptions);
		return {
			db: drizzlePglite(client, { schema }),
			driver: 'pglite',
			async close() {
				await client.close();
				await release();
			},
			dumpDataDir: () => client.dumpDataDir('gzip')
		};
	} catch (error) {
		await release();
		throw error;
	}
}

/**
 * Takes the embedded data directory's lock (created when missing); resolves to its release. PGlite has
 * no lock of its own, and two processes on one data directory corrupt it (e.g. `npm run seed` while the
 * server runs), so the second one is refused with a message naming the directory.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
	mkdirSync(dataDir, { recursive: true });
	return lockfile.lock(dataDir, { stale: 30_000, update: 10_000 }).catch((error: unknown) => {
		throw new Error(
			`CSDL nhúng ${resolve(dataDir)} đang được một tiến trình khác sử dụng; hãy dừng tiến trình đó, hoặc chờ 30 giây nếu nó vừa bị tắt đột ngột ` +
				`(the embedded database ${resolve(dataDir)} is in use by another process: stop it, or wait 30 s after a crash): ${String(error)}`
		);
	});
}

/** The advisory lock of the app's start: any 64-bit number of our own ("gtn start"). */
const STARTUP_LOCK_KEY = 0x67746e5f7374;

/**
 * Runs `start` (migrations, first seed, first accounts) while holding a PostgreSQL advisory lock, so
 * that instances starting together on one database take turns instead of racing to create the same
 * rows. PGlite needs none: its directory lock admits one process.
 */
export async function withStartupLock<T>(url: string | undefined, start: () => Promise<T>): Promise<T> {
	if (!url) return start();
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
		return await start();
	} finally {
		// Ending the session releases the lock, whatever happened.
		await client.end().catch(() => undefined);
	}
}

/** Applies every migration in `drizzle/` not yet applied; re-running is a no-op. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
	const config = { migrationsFolder: MIGRATIONS_FOLDER };
	// Each migrator needs its own driver's database type; both share the journal table.
	if (handle.driver === 'pg') await migratePg(handle.db as Parameters<typeof migratePg>[0], config);
	else await migratePglite(handle.db as Parameters<typeof migratePglite>[0], config);
}

/** Opens and migrates: what the app, the scripts and the tests use. */
export async function openMigratedDatabase(options: OpenOptions = {}): Promise<DatabaseHandle> {
	const handle = await openDatabase(options);
	try {
		await migrateDatabase(handle);
	} catch (error) {
		await handle.close();
		throw error;
	}
	return handle;
}

/** Rows of a raw SQL query, the same on both drivers (each returns `{ rows }`). */
export async function selectRows<TRow>(db: Pick<Database, 'execute'>, query: SQL): Promise<TRow[]> {
	const result = (await db.execute(query)) as unknown as { rows: TRow[] };
	return result.rows;
}

/**
 * The rows of `query` (in no particular order) aggregated into one JSON value. PGlite hands every result row
 * across its WebAssembly boundary on its own, which costs seconds for the tens of thousands of rows the
 * dashboard reads; one value crosses once (2–3× faster there, and no slower on PostgreSQL). For integers,
 * texts and booleans only: JSON has no dates or 64-bit integers.
 */
export async function selectRowsAsJson<TRow>(db: Pick<Database, 'execute'>, query: SQL): Promise<TRow[]> {
	const [row] = await selectRows<{ rows: TRow[] }>(
		db,
		sql`SELECT coalesce(json_agg(q), '[]'::json) AS rows FROM (${query}) q`
	);
	return row!.rows;
}
