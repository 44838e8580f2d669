import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActivities } from './activities';
import { backupDatabase, restoreDatabase, type DatabaseTarget } from './backup';
import { DEMO_DATASET } from './datasets';
import { openDatabase, openMigratedDatabase, selectRows, type DatabaseHandle, type Driver } from './index';
import { expectedMigrationLevel } from './migration-level';
import { currentDataRevision } from './revision';
import { createEmptyTestDatabase, testDrivers } from './test-databases';
import { fixtureActivity, loadFixtureData, tableFingerprint, TEST_ACTOR } from './test-fixtures';

/** A database of either driver that the test can open, close and back up (PGlite: a directory). */
interface Place {
	target: DatabaseTarget;
	open(): Promise<DatabaseHandle>;
	remove(): Promise<void>;
}

async function newPlace(driver: Driver): Promise<Place> {
	if (driver === 'pg') {
		const empty = await createEmptyTestDatabase();
		return {
			target: { url: empty.url },
			open: () => openDatabase({ url: empty.url }),
			remove: () => empty.drop()
		};
	}
	const dataDir = await mkdtemp(join(tmpdir(), 'gtn-backup-'));
	return {
		target: { dataDir },
		open: () => openDatabase({ dataDir }),
		remove: () => rm(dataDir, { recursive: true, force: true })
	};
}

/** Every table's fingerprint (public and drizzle's journal), PostGIS's spatial_ref_sys aside. */
async function fingerprints(place: Place): Promise<Record<string, string>> {
	const handle = await place.open();
	try {
		const tables = await selectRows<{ name: string }>(
			handle.db,
			sql`SELECT schemaname || '.' || tablename AS name FROM pg_tables
			    WHERE schemaname IN ('public', 'drizzle') AND tablename <> 'spatial_ref_sys' ORDER BY 1`
		);
		return await tableFingerprint(
			handle,
			tables.map((table) => table.name)
		);
	} finally {
		await handle.close();
	}
}

async function write(place: Place, change: (handle: DatabaseHandle) => Promise<void>): Promise<void> {
	const handle = await place.open();
	try {
		await change(handle);
	} finally {
		await handle.close();
	}
}

describe.each(testDrivers())('backup and restore on %s', (driver) => {
	const places: Place[] = [];
	let backupDir: string;
	let source: Place;
	let saved: Record<string, string>;
	let file: string;

	const place = async () => {
		const created = await newPlace(driver);
		places.push(created);
		return created;
	};

	beforeAll(async () => {
		backupDir = await mkdtemp(join(tmpdir(), 'gtn-backups-'));
		source = await place();
		const migrated = await openMigratedDatabase(
			'url' in source.target ? source.target : { dataDir: source.target.dataDir }
		);
		await loadFixtureData(migrated.db, 20);
		await migrated.close();
		saved = await fingerprints(source);
		({ file } = await backupDatabase(source.target, backupDir, '9.9.9'));
	}, 240_000);

	afterAll(async () => {
		await Promise.all(places.map((created) => created.remove()));
		await rm(backupDir, { recursive: true, force: true });
	});

	it('names the file after the app version, the migration level and the data revision', async () => {
		const handle = await source.open();
		const { revision } = await currentDataRevision(handle.db);
		await handle.close();
		const extension = driver === 'pg' ? '\\.pgdump' : '\\.pglite\\.tar\\.gz';
		expect(basename(file)).toMatch(
			new RegExp(
				`^gotungnha-v9\\.9\\.9-m${expectedMigrationLevel().count}-r${revision}-\\d{8}T\\d{6}Z${extension}$`
			)
		);
		// Nothing half-written is left beside it.
		expect(await readdir(backupDir)).toEqual([basename(file)]);
	});

	it('restores into an empty database exactly what was backed up', async () => {
		const target = await place();
		const facts = await restoreDatabase(target.target, file);
		expect(facts.migrations.count).toBe(expectedMigrationLevel().count);
		expect(await fingerprints(target)).toEqual(saved);
	});

	it('refuses a database that holds data, and with --force replaces it by the backup', async () => {
		await write(source, async ({ db }) => {
			await loadActivities(db, TEST_ACTOR, [fixtureActivity(501), fixtureActivity(502)], DEMO_DATASET);
		});
		const changed = await fingerprints(source);
		expect(changed).not.toEqual(saved);
		await expect(restoreDatabase(source.target, file)).rejects.toThrow(/is not empty: add --force/);
		expect(await fingerprints(source)).toEqual(changed);
		await restoreDatabase(source.target, file, { force: true });
		expect(await fingerprints(source)).toEqual(saved);
	});

	it('refuses a backup of a newer migration level than the app, leaving the target untouched', async () => {
		const newer = await place();
		await restoreDatabase(newer.target, file);
		await write(newer, async ({ db }) => {
			await db.execute(
				sql`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('from-a-later-version', ${expectedMigrationLevel().lastCreatedAt + 1000})`
			);
		});
		const newerDir = await mkdtemp(join(tmpdir(), 'gtn-backups-newer-'));
		try {
			const { file: newerFile } = await backupDatabase(newer.target, newerDir, '10.0.0');
			const target = await place();
			await expect(restoreDatabase(target.target, newerFile)).rejects.toThrow(/newer migration level/);
			// The target is as it was: empty.
			if ('dataDir' in target.target) expect(await readdir(target.target.dataDir)).toEqual([]);
			else expect(Object.keys(await fingerprints(target))).toEqual([]);
		} finally {
			await rm(newerDir, { recursive: true, force: true });
		}
	});

	it("refuses another driver's backup", async () => {
		const other = driver === 'pg' ? 'x.pglite.tar.gz' : 'x.pgdump';
		await expect(restoreDatabase(source.target, join(backupDir, other))).rejects.toThrow(
			/same kind of database/
		);
	});
});
