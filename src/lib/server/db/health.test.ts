import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseState } from './health';
import type { DatabaseHandle } from './index';
import { appliedMigrationLevel, expectedMigrationLevel, isNewerThanApp } from './migration-level';
import { loadFixtureData } from './test-fixtures';
import { openTestDatabase, testDrivers } from './test-databases';

describe.each(testDrivers())('database state for /readyz on %s', (driver) => {
	let handle: DatabaseHandle;
	beforeAll(async () => {
		handle = await openTestDatabase(driver);
	}, 120_000);
	afterAll(() => handle?.close());

	it('counts the applied migrations as the journal does, and says whether the seed ran', async () => {
		const expected = expectedMigrationLevel();
		const before = await databaseState(handle.db);
		expect(before).toMatchObject({
			appliedMigrations: expected.count,
			lastMigrationAt: expected.lastCreatedAt,
			seeded: false
		});
		await loadFixtureData(handle.db);
		const after = await databaseState(handle.db);
		expect(after.seeded).toBe(true);
		expect(after.revision).toBeGreaterThan(before.revision!);
	});

	it('reads the migration level, and a database with an unknown later migration is newer than the app', async () => {
		const level = await appliedMigrationLevel(handle.db);
		expect(level).toEqual({
			count: expectedMigrationLevel().count,
			lastCreatedAt: expectedMigrationLevel().lastCreatedAt
		});
		expect(isNewerThanApp(level)).toBe(false);
		expect(isNewerThanApp({ count: level.count + 1, lastCreatedAt: level.lastCreatedAt + 1 })).toBe(true);
		expect(isNewerThanApp({ count: level.count - 1, lastCreatedAt: level.lastCreatedAt - 1 })).toBe(false);
	});

	it('reads level 0 from a database drizzle never migrated', async () => {
		await handle.db.execute(sql`ALTER SCHEMA drizzle RENAME TO drizzle_hidden`);
		try {
			expect(await appliedMigrationLevel(handle.db)).toEqual({ count: 0, lastCreatedAt: 0 });
		} finally {
			await handle.db.execute(sql`ALTER SCHEMA drizzle_hidden RENAME TO drizzle`);
		}
	});
});
