import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openMigratedDatabase, type DatabaseHandle, type Driver } from './index';

/**
 * The drivers the database tests run on: PGlite always, and the real PostGIS when DATABASE_URL is
 * set. In CI (CI=true) a missing DATABASE_URL is an error, so PostGIS tests can never be skipped there.
 */
export function testDrivers(): Driver[] {
	if (process.env.DATABASE_URL) return ['pglite', 'pg'];
	if (process.env.CI) throw new Error('CI=true but DATABASE_URL is unset: the PostGIS tests would not run');
	return ['pglite'];
}

/** A new, empty database (not even migrated) on the DATABASE_URL server, e.g. a restore's target. */
export async function createEmptyTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
	const serverUrl = new URL(process.env.DATABASE_URL!);
	const name = `gtn_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
	const admin = new pg.Client({ connectionString: serverUrl.toString() });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name}`);
	await admin.end();
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		async drop() {
			const dropper = new pg.Client({ connectionString: serverUrl.toString() });
			await dropper.connect();
			await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await dropper.end();
		}
	};
}

/**
 * A migrated, empty database for one test file: in-memory PGlite, or a throwaway database created on
 * the DATABASE_URL server (its role needs CREATEDB and may create the postgis extension) and dropped on close.
 */
export async function openTestDatabase(driver: Driver): Promise<DatabaseHandle & { url?: string }> {
	if (driver === 'pglite') return openMigratedDatabase({ dataDir: 'memory://' });
	const empty = await createEmptyTestDatabase();
	const handle = await openMigratedDatabase({ url: empty.url });
	return {
		...handle,
		/** For a test that runs a script on the same database. */
		url: empty.url,
		async close() {
			await handle.close();
			await empty.drop();
		}
	};
}
