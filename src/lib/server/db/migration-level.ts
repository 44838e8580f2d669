// How far a database's schema is: the migrations drizzle has applied to it, against the ones in drizzle/.
// Readiness, backups and restores compare the two.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { selectRows, type Database } from './index';

/** A migration level: how many migrations, and the creation time of the last (drizzle orders by it). */
export interface MigrationLevel {
	count: number;
	/** drizzle-kit's `when` of the last migration (ms since 1970); 0 for none. */
	lastCreatedAt: number;
}

/** The level this build of the app expects: drizzle/meta/_journal.json, read from the repository root. */
export function expectedMigrationLevel(): MigrationLevel & { lastTag: string } {
	const journal = JSON.parse(readFileSync(resolve('drizzle/meta/_journal.json'), 'utf8')) as {
		entries: { when: number; tag: string }[];
	};
	const last = journal.entries.at(-1);
	return { count: journal.entries.length, lastCreatedAt: last?.when ?? 0, lastTag: last?.tag ?? '' };
}

/** The level a database is at: drizzle's own journal table (`drizzle.__drizzle_migrations`); 0 when absent. */
export async function appliedMigrationLevel(db: Database): Promise<MigrationLevel> {
	const [exists] = await selectRows<{ found: boolean }>(
		db,
		sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS found`
	);
	if (!exists?.found) return { count: 0, lastCreatedAt: 0 };
	const [row] = await selectRows<{ count: number; last: string | null }>(
		db,
		sql`SELECT count(*)::int AS count, max(created_at)::text AS last FROM drizzle.__drizzle_migrations`
	);
	return { count: row?.count ?? 0, lastCreatedAt: Number(row?.last ?? 0) };
}

/** Whether a database at `level` is newer than this app (it has migrations this app does not know). */
export function isNewerThanApp(
	level: MigrationLevel,
	expected: MigrationLevel = expectedMigrationLevel()
): boolean {
	return level.lastCreatedAt > expected.lastCreatedAt || level.count > expected.count;
}
