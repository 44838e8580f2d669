// Bench section: supercluster indexes of outreach activities, synthetic and from the database.
import { sql } from 'drizzle-orm';
import type { Feature, Point } from 'geojson';
import seedrandom from 'seedrandom';
import type { ActivityPointProperties } from '../src/lib/activity-clusters';
import { ACTIVITY_KINDS } from '../src/lib/domain';
import {
	activityClusters,
	createActivityIndex,
	type ActivityIndex,
	type ClusterBbox
} from '../src/lib/server/activity-clusters';
import {
	openDatabase,
	openMigratedDatabase,
	selectRows,
	type DatabaseHandle
} from '../src/lib/server/db/index';
import { seedDatabase } from '../src/lib/server/seed/seed-database';
import { BENCH_ACTOR, quantileOf, report, timed } from './report';

/** Hanoi's extent (the city outline's bbox, rounded outwards). */
const HANOI: ClusterBbox = [105.28, 20.56, 106.03, 21.39];

/** Hoàn Kiếm, where the demo data and the synthetic points are densest. */
const CENTRE: [number, number] = [105.8342, 21.0278];

/** What a 1280 × 800 map shows around Hoàn Kiếm at zoom 12 (512-px tiles). */
const Z12_VIEW: ClusterBbox = [CENTRE[0] - 0.11, CENTRE[1] - 0.064, CENTRE[0] + 0.11, CENTRE[1] + 0.064];

/**
 * `count` activities over Hanoi, the same on every run: 70% spread normally around the centre
 * (σ ≈ 5 km), the rest uniform over the city's box, like the demo data's dense core and thin west.
 */
function syntheticActivities(count: number): Feature<Point, ActivityPointProperties>[] {
	const random = seedrandom.alea(`clusters-${count}`);
	const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
	const [west, south, east, north] = HANOI;
	return Array.from({ length: count }, (_, index) => {
		const central = random() < 0.7;
		const lng = central ? CENTRE[0] + normal() * 0.05 : west + random() * (east - west);
		const lat = central ? CENTRE[1] + normal() * 0.045 : south + random() * (north - south);
		return {
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [lng, lat] },
			properties: {
				cluster: false,
				id: String(index),
				kind: ACTIVITY_KINDS[Math.floor(random() * ACTIVITY_KINDS.length)]!,
				occurredOn: '2026-11-15',
				teamName: 'Tổ CĐS số 1',
				hamletName: 'Tổ dân phố 1',
				peopleGuided: Math.floor(random() * 40)
			}
		};
	});
}

/** Queries per timed batch: one getClusters call takes microseconds, below what a single timing resolves. */
const QUERY_BATCH = 1000;

/** Median time of a batch of `QUERY_BATCH` identical `getClusters` calls, after a warm-up, and the features one returns. */
function medianQuery(index: ActivityIndex, bbox: ClusterBbox, zoom: number, rounds = 7) {
	const features = index.getClusters(bbox, zoom).length;
	const samples: number[] = [];
	for (let round = 0; round < rounds; round++) {
		const started = performance.now();
		for (let call = 0; call < QUERY_BATCH; call++) index.getClusters(bbox, zoom);
		samples.push(performance.now() - started);
	}
	return { median: quantileOf(samples, 0.5), features };
}

/** The dev database when DATABASE_URL is set (read only here), else an in-memory PGlite with the demo seed. */
async function openSeededDatabase(): Promise<DatabaseHandle> {
	if (process.env.DATABASE_URL) return openDatabase({ url: process.env.DATABASE_URL });
	const handle = await openMigratedDatabase({ dataDir: 'memory://' });
	await seedDatabase(handle.db, BENCH_ACTOR);
	return handle;
}

/** Issue 3: building and querying the activity cluster index; the endpoint's first and cached calls. */
export async function benchClusters(): Promise<void> {
	// A throwaway build first, so that the baseline is not paying for the JIT's warm-up.
	createActivityIndex().load(syntheticActivities(10_000));
	const builds = new Map<number, { index: ActivityIndex; time: number }>();
	for (const count of [10_000, 100_000, 1_000_000]) {
		const points = syntheticActivities(count);
		const [index, time] = await timed(() => createActivityIndex().load(points));
		builds.set(count, { index, time });
	}
	const baseline = builds.get(10_000)!;
	const baseQuery = {
		z12: medianQuery(baseline.index, Z12_VIEW, 12),
		z9: medianQuery(baseline.index, HANOI, 9)
	};
	const batch = `${QUERY_BATCH.toLocaleString('en')} calls`;
	for (const [count, { index, time }] of builds) {
		if (count === 10_000) continue;
		const label = count.toLocaleString('en');
		report(`supercluster build, ${label} points`, time, 'build, 10,000 points', baseline.time);
		const z12 = medianQuery(index, Z12_VIEW, 12);
		const z9 = medianQuery(index, HANOI, 9);
		report(
			`getClusters z12 view ×${batch}, ${label} points (${z12.features} features)`,
			z12.median,
			`same, 10,000 points (${baseQuery.z12.features} features)`,
			baseQuery.z12.median
		);
		report(
			`getClusters city view z9 ×${batch}, ${label} points (${z9.features} features)`,
			z9.median,
			`same, 10,000 points (${baseQuery.z9.features} features)`,
			baseQuery.z9.median
		);
	}
	builds.clear();

	const handle = await openSeededDatabase();
	try {
		const [busiest] = await selectRows<{ month: string; activities: number }>(
			handle.db,
			sql`SELECT to_char(date_trunc('month', occurred_on), 'YYYY-MM-DD') AS month, count(*)::int AS activities
				FROM outreach_activities GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`
		);
		if (!busiest) throw new Error('the database has no activities');
		const query = { month: busiest.month, bbox: Z12_VIEW, zoom: 12 };
		const [, firstTime] = await timed(() => activityClusters(handle.db, query));
		const cachedTimes: number[] = [];
		for (let round = 0; round < 21; round++) {
			cachedTimes.push((await timed(() => activityClusters(handle.db, query)))[1]);
		}
		const cached = quantileOf(cachedTimes, 0.5);
		const where = process.env.DATABASE_URL ? 'PostGIS' : 'PGlite';
		report(
			`activityClusters ${busiest.month} (${busiest.activities} activities), first call: query + index build (${where})`,
			firstTime,
			'cached call (revision lookup + getClusters)',
			cached
		);
	} finally {
		await handle.close();
	}
}
