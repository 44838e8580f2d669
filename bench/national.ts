// Bench section, opt-in (`npm run bench -- national`, not in CI, PostGIS only): a synthetic national
// dataset (10,000 communes, 100,000 hamlets, activities, 12 months of surveys) against the Hanoi demo
// dataset in the same run, on the paths that grow with the data: a tile, the map's page data, the gap
// analysis, an import. NATIONAL_ACTIVITIES sets the activities (default 1,000,000; 10,000,000 is the
// full national figure and takes far longer to generate on a small machine).
import { openTestDatabase } from '../src/lib/server/db/test-databases';
import { loadActivities } from '../src/lib/server/db/activities';
import { DEMO_DATASET } from '../src/lib/server/db/datasets';
import type { DatabaseHandle } from '../src/lib/server/db/index';
import { dataMonths } from '../src/lib/server/db/metrics';
import { databaseSummary } from '../src/lib/server/db/summary';
import { generateNationalDataset, sampleActivityUpload } from '../src/lib/server/db/synthetic-national';
import { cityGapAnalysis } from '../src/lib/server/gap-analysis';
import { monthValues } from '../src/lib/server/month-values';
import { seedDatabase } from '../src/lib/server/seed/seed-database';
import { renderTile } from '../src/lib/server/tiles/render-tile';
import { tileContaining } from '../src/lib/server/tiles/tile-math';
import { BENCH_ACTOR, quantileOf, report, reportQuantity, timed } from './report';

const IMPORT_ROWS = 2000;

/** p50 of rendering the z12 tiles around a point (both layers), each rendered once. */
async function tileP50(handle: DatabaseHandle, [lng, lat]: [number, number]): Promise<number> {
	const centre = tileContaining(lng, lat, 12);
	const samples: number[] = [];
	for (let dx = -2; dx <= 2; dx++)
		for (let dy = -2; dy <= 2; dy++)
			for (const layer of ['hamlets', 'communes'] as const) {
				const [, ms] = await timed(() => renderTile(handle, layer, 12, centre.x + dx, centre.y + dy));
				samples.push(ms);
			}
	return quantileOf(samples, 0.5);
}

interface Figures {
	tile: number;
	pageData: number;
	gap: number;
	importMs: number;
}

async function measure(handle: DatabaseHandle, centre: [number, number], tag: string): Promise<Figures> {
	const month = (await dataMonths(handle.db)).at(-1)!;
	const tile = await tileP50(handle, centre);
	const [, pageData] = await timed(() => monthValues(handle.db, month));
	const [, gap] = await timed(() => cityGapAnalysis(handle.db, month));
	const upload = await sampleActivityUpload(handle.db, IMPORT_ROWS, tag);
	const [, importMs] = await timed(() => loadActivities(handle.db, BENCH_ACTOR, upload, DEMO_DATASET));
	return { tile, pageData, gap, importMs };
}

export async function benchNational(): Promise<void> {
	if (!process.env.DATABASE_URL) throw new Error('the national section needs DATABASE_URL (PostGIS)');
	const activities = Number(process.env.NATIONAL_ACTIVITIES ?? 1_000_000);
	// Fewer communes only to try the section out quickly.
	const communes = Number(process.env.NATIONAL_COMMUNES ?? 10_000);
	const started = performance.now();
	const hanoi = await openTestDatabase('pg');
	const national = await openTestDatabase('pg');
	try {
		const [, hanoiSeed] = await timed(() => seedDatabase(hanoi.db, BENCH_ACTOR));
		const [, generation] = await timed(() =>
			generateNationalDataset(national.db, {
				communes,
				hamletsPerCommune: 10,
				activities,
				months: 12
			})
		);
		const [small, large] = [await databaseSummary(hanoi.db), await databaseSummary(national.db)];
		reportQuantity('national: hamlets', large.hamlets, 'hamlets', 'Hanoi demo', small.hamlets);
		reportQuantity('national: activities', large.activities, 'rows', 'Hanoi demo', small.activities);
		reportQuantity('national: surveys', large.surveys, 'rows', 'Hanoi demo', small.surveys);
		report(
			'national: generate the dataset (SQL generate_series)',
			generation,
			'seed the Hanoi demo',
			hanoiSeed
		);

		const hanoiFigures = await measure(hanoi, [105.84, 21.03], 'hanoi');
		// The middle of the grid: a commune like any other, 10 hamlets per commune cell.
		const nationalFigures = await measure(national, [105.8, 16.0], 'national');
		report(
			'national: a z12 tile, p50 (both layers, 50 tiles)',
			nationalFigures.tile,
			'Hanoi',
			hanoiFigures.tile
		);
		report(
			'national: the map page data of a month (all hamlets)',
			nationalFigures.pageData,
			'Hanoi',
			hanoiFigures.pageData
		);
		report(
			'national: gap index + Gi* of a month (all hamlets)',
			nationalFigures.gap,
			'Hanoi',
			hanoiFigures.gap
		);
		report(
			`national: import ${IMPORT_ROWS.toLocaleString('en')} activities`,
			nationalFigures.importMs,
			'Hanoi',
			hanoiFigures.importMs
		);
	} finally {
		await Promise.all([hanoi.close(), national.close()]);
	}
	console.log(`national section: ${((performance.now() - started) / 1000).toFixed(0)} s in all`);
}
