import type { DatabaseTarget } from '../src/lib/server/db/backup';
import { openMigratedDatabase, type DatabaseHandle } from '../src/lib/server/db/index';

/** Opens the database the app would use: DATABASE_URL, else the embedded PGlite in DATA_DIR. */
export function openDatabaseFromEnvironment(): Promise<DatabaseHandle> {
	return openMigratedDatabase({
		url: process.env.DATABASE_URL || undefined,
		dataDir: process.env.DATA_DIR || undefined
	});
}

/** The same database as a backup's source or a restore's target. */
export function databaseTarget(): DatabaseTarget {
	return process.env.DATABASE_URL
		? { url: process.env.DATABASE_URL }
		: { dataDir: process.env.DATA_DIR || '.data/pglite' };
}

/** A one-line description of that database for the scripts' output, without credentials. */
export function describeDatabase(): string {
	if (process.env.DATABASE_URL) {
		const url = new URL(process.env.DATABASE_URL);
		return `PostgreSQL ${url.host}${url.pathname}`;
	}
	return `PGlite ${process.env.DATA_DIR || '.data/pglite'}`;
}
