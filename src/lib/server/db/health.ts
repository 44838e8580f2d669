// What /readyz asks the database: one round trip that says whether the app can serve from it.
import { sql } from 'drizzle-orm';
import { selectRows, type Database } from './index';

export interface DatabaseState {
	appliedMigrations: number;
	lastMigrationAt: number;
	/** Whether the official communes are loaded (the first start's seed has run). */
	seeded: boolean;
	revision: number | null;
}

/** The migrations applied, whether the seed ran, and the data revision, in one query. */
export async function databaseState(db: Database): Promise<DatabaseState> {
	const [row] = await selectRows<{
		applied: number;
		last: string | null;
		seeded: boolean;
		revision: number | null;
	}>(
		db,
		sql`SELECT
			(SELECT count(*)::int FROM drizzle.__drizzle_migrations) AS applied,
			(SELECT max(created_at)::text FROM drizzle.__drizzle_migrations) AS last,
			EXISTS (SELECT 1 FROM communes) AS seeded,
			(SELECT revision FROM data_revision LIMIT 1) AS revision`
	);
	return {
		appliedMigrations: row?.applied ?? 0,
		lastMigrationAt: Number(row?.last ?? 0),
		seeded: row?.seeded ?? false,
		revision: row?.revision === null || row?.revision === undefined ? null : Number(row.revision)
	};
}
