// Bench section: the official-boundary upload of a commune's hamlets (Xã Ba Vì's VN-2000 Shapefile, 14
// hamlets) against the bare loader (replaceHamletBoundaries) on the same features, on PGlite and, with
// DATABASE_URL, PostGIS. The upload adds unzipping, the .dbf, reprojection, matching and the PostGIS
// checks (validity, inside the commune, overlaps, coverage), once for the preview and again at commit.
import { readFileSync } from 'node:fs';
import { commitBoundaryUpload, previewBoundaryUpload } from '../src/lib/server/boundaries/boundary-upload';
import { readBoundaryFile } from '../src/lib/server/boundaries/read-boundary-file';
import { loadCommunes } from '../src/lib/server/db/communes';
import { DEMO_DATASET } from '../src/lib/server/db/datasets';
import { loadHamlets, replaceHamletBoundaries } from '../src/lib/server/db/hamlets';
import type { Driver } from '../src/lib/server/db/index';
import { openTestDatabase } from '../src/lib/server/db/test-databases';
import { fixtureBaViHamletsText, fixtureCommunesText } from '../src/lib/server/db/test-fixtures';
import { BENCH_ACTOR, report, timed } from './report';

const ZIP = new Uint8Array(readFileSync('tests/fixtures/boundaries/ba-vi-vn2000.zip'));
const FILE = { bytes: ZIP, name: 'ba-vi-vn2000.zip' };
/** The feature the Shapefile names differently ('Xóm Quán Mới'), mapped by hand as in the page. */
const TARGETS = new Map([[13, { kind: 'hamlet' as const, hamletId: 9700015 }]]);

async function median(rounds: number, action: () => Promise<unknown>): Promise<number> {
	await action();
	const times: number[] = [];
	for (let round = 0; round < rounds; round++) times.push((await timed(action))[1]);
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)]!;
}

async function benchOn(driver: Driver): Promise<void> {
	const handle = await openTestDatabase(driver);
	try {
		await loadCommunes(handle.db, BENCH_ACTOR, fixtureCommunesText(['09700']));
		await loadHamlets(handle.db, BENCH_ACTOR, fixtureBaViHamletsText(), DEMO_DATASET);
		// The same features as the bare loader takes them: WGS 84 GeoJSON with the hamlet ids.
		const features = readBoundaryFile(ZIP, FILE.name).features;
		const ids = [
			9700001, 9700002, 9700003, 9700004, 9700005, 9700006, 9700007, 9700008, 9700009, 9700011, 9700012,
			9700013, 9700014, 9700015
		];
		const geojson = JSON.stringify({
			type: 'FeatureCollection',
			features: features.map((feature, index) => ({
				type: 'Feature',
				properties: { id: ids[index] },
				geometry: feature.geometry
			}))
		});
		const options = { crs: 'auto' as const, repair: false, targets: TARGETS };
		const bare = await median(5, () => replaceHamletBoundaries(handle.db, BENCH_ACTOR, geojson));
		const read = await median(5, async () => readBoundaryFile(ZIP, FILE.name));
		const preview = await median(5, () => previewBoundaryUpload(handle.db, '09700', FILE, options));
		const commit = await median(5, () =>
			commitBoundaryUpload(handle.db, BENCH_ACTOR, '09700', FILE, options)
		);
		const baseline = `replaceHamletBoundaries, same 14 hamlets, ${driver}`;
		report(`boundaries ${driver}: read the zip (unzip, .shp, .dbf, reproject)`, read, baseline, bare);
		report(`boundaries ${driver}: preview (read + match + PostGIS checks)`, preview, baseline, bare);
		report(`boundaries ${driver}: commit (read + checks again + write)`, commit, baseline, bare);
		report(`boundaries ${driver}: preview then commit`, preview + commit, baseline, bare);
	} finally {
		await handle.close();
	}
}

/** Issue 10: the boundary upload against the bare loader, on each database. */
export async function benchBoundaries(): Promise<void> {
	await benchOn('pglite');
	if (process.env.DATABASE_URL) await benchOn('pg');
}
