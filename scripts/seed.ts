// npm run seed [-- --reset] — load communes and the demo dataset into an empty database;
// --reset first empties every table (demo and real rows alike), so it asks for the flag explicitly.
import { seedIfEmpty } from '../src/lib/server/seed/seed-database';
import { emptyDatabase } from '../src/lib/server/db/reset';
import { databaseSummary } from '../src/lib/server/db/summary';
import type { Actor } from '../src/lib/server/db/write';
import { describeDatabase, openDatabaseFromEnvironment } from './database-from-env';

/** Who writes when the seed script runs. */
const SEED_SCRIPT: Actor = { kind: 'system', reason: 'npm run seed' };

const reset = process.argv.includes('--reset');
const started = performance.now();
const handle = await openDatabaseFromEnvironment();
try {
	if (reset) await emptyDatabase(handle.db, { kind: 'system', reason: 'npm run seed -- --reset' });
	const seeded = await seedIfEmpty(handle.db, SEED_SCRIPT, { demo: process.env.SEED_DEMO !== 'false' });
	const summary = await databaseSummary(handle.db);
	console.log(
		seeded
			? `Đã nạp dữ liệu (seeded) ${describeDatabase()} in ${Math.round(performance.now() - started)} ms`
			: `CSDL đã có dữ liệu, bỏ qua (already seeded; use --reset to start over): ${describeDatabase()}`
	);
	console.table({ ...summary, datasets: summary.datasets.map((dataset) => dataset.id).join(', ') });
} finally {
	await handle.close();
}
