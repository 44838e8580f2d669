// Bench section: database start-up, seeding and the bbox query.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hamletsInBbox } from '../src/lib/server/db/hamlets';
import type { Bbox } from '../src/lib/places';
import { openMigratedDatabase, type DatabaseHandle } from '../src/lib/server/db/index';
import { openTestDatabase } from '../src/lib/server/db/test-databases';
import { seedDatabase, seedIfEmpty } from '../src/lib/server/seed/seed-database';
import { BENCH_ACTOR, report, timed } from './report';

/** A fixed set of bboxes from city scale to a few streets, like the map asks for while zooming in. */
function queryBoxes(): Bbox[] {
	const boxes: Bbox[] = [];
	const centres: [number, number][] = [
		[105.8342, 21.0278], // Hoàn Kiếm
		[105.78, 21.0],
		[105.5, 21.05],
		[105.35, 21.08], // Ba Vì
		[105.85, 20.75]
	];
	for (const [lng, lat] of centres) {
		for (const halfSize of [0.25, 0.08, 0.02, 0.005])
			boxes.push([lng - halfSize, lat - halfSize, lng + halfSize, lat + halfSize]);
	}
	return boxes;
}

/** Median time of `rounds` passes over every box, after one warm-up pass. */
async function medianQueryTime(
	handle: DatabaseHandle,
	rounds = 7
): Promise<{ median: number; features: number }> {
	const boxes = queryBoxes();
	let features = 0;
	for (const box of boxes) features += (await hamletsInBbox(handle.db, box)).features.length;
	const times: number[] = [];
	for (let round = 0; round < rounds; round++) {
		const [, elapsed] = await timed(async () => {
			for (const box of boxes) await hamletsInBbox(handle.db, box);
		});
		times.push(elapsed / boxes.length);
	}
	times.sort((a, b) => a - b);
	return { median: times[Math.floor(times.length / 2)]!, features };
}

/** Issue 2: the embedded engine's start-up cost and the bbox query on both drivers. */
export async function benchFoundation(): Promise<void> {
	const dataDir = mkdtempSync(join(tmpdir(), 'gtn-bench-'));
	try {
		// Baseline: an empty in-memory PGlite with PostGIS, migrated — the fixed cost of the embedded engine.
		const [emptyHandle, emptyTime] = await timed(() => openMigratedDatabase({ dataDir: 'memory://' }));
		await emptyHandle.close();

		const [coldHandle, coldTime] = await timed(async () => {
			const handle = await openMigratedDatabase({ dataDir });
			await seedIfEmpty(handle.db, BENCH_ACTOR);
			return handle;
		});
		await coldHandle.close();
		const [warmHandle, warmTime] = await timed(async () => {
			const handle = await openMigratedDatabase({ dataDir });
			await seedIfEmpty(handle.db, BENCH_ACTOR);
			return handle;
		});
		report(
			'embedded: open + migrate + seed, cold (new data dir)',
			coldTime,
			'open + migrate in memory',
			emptyTime
		);
		report(
			'embedded: open + migrate + seed, warm (seeded data dir)',
			warmTime,
			'open + migrate in memory',
			emptyTime
		);

		const pglite = await medianQueryTime(warmHandle);
		await warmHandle.close();
		if (process.env.DATABASE_URL) {
			const server = await openTestDatabase('pg');
			try {
				const [, serverSeedTime] = await timed(() => seedDatabase(server.db, BENCH_ACTOR));
				report('PostGIS: seed (same data)', serverSeedTime, 'embedded cold open + migrate + seed', coldTime);
				const postgis = await medianQueryTime(server);
				report(
					`hamlets in bbox as GeoJSON, per query (${pglite.features} features over ${queryBoxes().length} boxes): PGlite`,
					pglite.median,
					'PostGIS, same queries',
					postgis.median
				);
			} finally {
				await server.close();
			}
		} else {
			report(
				`hamlets in bbox as GeoJSON, per query (${pglite.features} features over ${queryBoxes().length} boxes): PGlite`,
				pglite.median,
				'open + migrate in memory',
				emptyTime
			);
			console.log('DATABASE_URL is unset: the PostGIS side of the comparison was not measured.');
		}
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
}
