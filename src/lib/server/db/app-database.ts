import { env } from '$env/dynamic/private';
import { seedIfEmpty } from '../seed/seed-database';
import { openMigratedDatabase, type DatabaseHandle } from './index';

let opening: Promise<DatabaseHandle> | undefined;

/**
 * The app's one database handle: PostgreSQL when DATABASE_URL is set, else the embedded PGlite in
 * DATA_DIR (default .data/pglite). Opened, migrated and seeded on first use; later calls share it.
 */
export function getAppDatabase(): Promise<DatabaseHandle> {
	opening ??= (async () => {
		const handle = await openMigratedDatabase({
			url: env.DATABASE_URL || undefined,
			dataDir: env.DATA_DIR || undefined
		});
		try {
			const started = performance.now();
			const seeded = await seedIfEmpty(handle.db, { demo: env.SEED_DEMO !== 'false' });
			if (seeded) {
				const seconds = ((performance.now() - started) / 1000).toFixed(1);
				console.log(`Lần chạy đầu: đã nạp dữ liệu vào CSDL trong ${seconds} s (first run: database seeded)`);
			}
		} catch (error) {
			await handle.close();
			throw error;
		}
		return handle;
	})();
	// A failed start must not be cached forever: the next request tries again.
	opening.catch(() => (opening = undefined));
	return opening;
}

/** Closes the shared handle (on shutdown); PGlite must be closed to flush its data directory. */
export async function closeAppDatabase(): Promise<void> {
	const handle = await opening?.catch(() => undefined);
	opening = undefined;
	await handle?.close();
}
