import { env } from '$env/dynamic/private';
import { logger } from '../log';
import { seedIfEmpty } from '../seed/seed-database';
import { ensureAccounts } from '../auth/bootstrap';
import { removeAbandonedImports } from './imports';
import { migrateDatabase, openDatabase, withStartupLock, type DatabaseHandle } from './index';
import type { Actor } from './write';

// Kept on globalThis, not in a module variable: Vite's dev server re-runs changed server modules,
// and a second handle on the same PGlite data directory would be refused by its lock.
const HANDLE_KEY = Symbol.for('go-tung-nha.app-database');
const STATUS_KEY = Symbol.for('go-tung-nha.app-database-status');
const store = globalThis as { [HANDLE_KEY]?: Promise<DatabaseHandle>; [STATUS_KEY]?: AppDatabaseStatus };

/** Where the app's database is, for /readyz: never waits for it. */
export type AppDatabaseStatus =
	| { state: 'closed' }
	| { state: 'opening' }
	| { state: 'open'; handle: DatabaseHandle }
	| { state: 'failed'; error: unknown }
	| { state: 'closing' };

export function appDatabaseStatus(): AppDatabaseStatus {
	return store[STATUS_KEY] ?? { state: 'closed' };
}

/** Who seeds an empty database when the app starts on it. */
const FIRST_START: Actor = { kind: 'system', reason: 'first start: seed the empty database' };

async function openAppDatabase(): Promise<DatabaseHandle> {
	const url = env.DATABASE_URL || undefined;
	const handle = await openDatabase({ url, dataDir: env.DATA_DIR || undefined });
	try {
		await withStartupLock(url, async () => {
			await migrateDatabase(handle);
			logger.info('database migrated');
			const started = performance.now();
			if (await seedIfEmpty(handle.db, FIRST_START, { demo: env.SEED_DEMO !== 'false' })) {
				const seconds = Math.round(performance.now() - started) / 1000;
				logger.info({ seconds }, 'Lần chạy đầu: đã nạp dữ liệu vào CSDL (first run: database seeded)');
			}
			await ensureAccounts(handle.db, {
				adminUsername: env.ADMIN_USERNAME,
				adminPassword: env.ADMIN_PASSWORD,
				demo: env.SEED_DEMO !== 'false',
				demoPassword: env.DEMO_PASSWORD || undefined
			});
			// What an activities import that died with the last process left (unpublished, invisible).
			const abandoned = await removeAbandonedImports(handle.db);
			if (abandoned.length > 0) logger.info({ abandoned }, 'removed imports that never finished');
		});
	} catch (error) {
		await handle.close();
		throw error;
	}
	return handle;
}

/**
 * The app's one database handle: PostgreSQL when DATABASE_URL is set, else the embedded PGlite in
 * DATA_DIR (default .data/pglite). Opened, migrated, seeded and given its first accounts on first use
 * (one instance at a time on PostgreSQL); later calls share it.
 */
export function getAppDatabase(): Promise<DatabaseHandle> {
	let opening = store[HANDLE_KEY];
	if (!opening) {
		opening = openAppDatabase();
		store[HANDLE_KEY] = opening;
		store[STATUS_KEY] = { state: 'opening' };
		opening.then(
			(handle) => {
				if (store[HANDLE_KEY] === opening) store[STATUS_KEY] = { state: 'open', handle };
			},
			(error: unknown) => {
				// A failed start must not be cached forever: the next request tries again.
				if (store[HANDLE_KEY] !== opening) return;
				delete store[HANDLE_KEY];
				store[STATUS_KEY] = { state: 'failed', error };
			}
		);
	}
	return opening;
}

/** Closes the shared handle (on shutdown); PGlite must be closed to flush its data directory. */
export async function closeAppDatabase(): Promise<void> {
	const opening = store[HANDLE_KEY];
	delete store[HANDLE_KEY];
	store[STATUS_KEY] = { state: 'closing' };
	const handle = await opening?.catch(() => undefined);
	try {
		await handle?.close();
	} finally {
		store[STATUS_KEY] = { state: 'closed' };
	}
}
