// npm run seed [-- --reset] — load communes and the demo dataset into an empty database;
// --reset first empties every table (demo and real rows alike), so it asks for the flag explicitly.
import { sql } from 'drizzle-orm';
import { seedIfEmpty } from '../src/lib/server/seed/seed-database';
import { databaseSummary } from '../src/lib/server/db/summary';
import { describeDatabase, openDatabaseFromEnvironment } from './database-from-env';

const reset = process.argv.includes('--reset');
const started = performance.now();
const handle = await openDatabaseFromEnvironment();
try {
	if (reset) {
		await handle.db.execute(
			sql`TRUNCATE outreach_activities, skill_surveys, teams, hamlets, communes, datasets RESTART IDENTITY CASCADE`
		);
	}
	const seeded = await seedIfEmpty(handle.db, { demo: process.env.SEED_DEMO !== 'false' });
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
