import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeLabelPoints, communesFeatureCollection } from './communes';
import { hamletsInBbox } from './hamlets';
import { selectRows, type DatabaseHandle } from './index';
import { databaseSummary } from './summary';
import { loadFixtureData } from './test-fixtures';
import { openTestDatabase, testDrivers } from './test-databases';
import { tileBounds, tileContaining } from '../tiles/tile-math';

/**
 * Both drivers are compared with one committed golden file, so "PGlite and PostGIS return the same
 * GeoJSON" is checked byte for byte. REGEN=1 rewrites it (from PGlite) after an intended change.
 */
function expectGolden(name: string, value: unknown) {
	const path = `src/lib/server/db/golden/${name}.json`;
	const text = JSON.stringify(value, null, 1) + '\n';
	if (process.env.REGEN) writeFileSync(path, text);
	expect(existsSync(path), `golden file ${path} is missing: run with REGEN=1`).toBe(true);
	expect(text).toBe(readFileSync(path, 'utf8'));
}

describe.each(testDrivers())('queries on %s', (driver) => {
	let handle: DatabaseHandle;

	beforeAll(async () => {
		handle = await openTestDatabase(driver);
		await loadFixtureData(handle.db, 2);
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('hamletsInBbox returns the hamlets crossing the box, as the golden GeoJSON', async () => {
		// A box over the eastern column of the 2×2 grid only.
		const collection = await hamletsInBbox(handle.db, [105.836, 21.0345, 105.837, 21.0405]);
		expect(collection.features.map((feature) => feature.id)).toEqual([4002, 4004]);
		expectGolden('hamlets-in-bbox', collection);
		expect((await hamletsInBbox(handle.db, [106.5, 21.5, 106.6, 21.6])).features).toEqual([]);
	});

	it('communesFeatureCollection returns the same GeoJSON on both drivers', async () => {
		const simplified = await communesFeatureCollection(handle.db, { simplifyTolerance: 0.0005 });
		expect(simplified.features.map((feature) => feature.properties.fullName)).toEqual([
			'Phường Ba Đình',
			'Phường Ngọc Hà',
			'Xã Ba Vì'
		]);
		expectGolden('communes-simplified', simplified);
		const full = await communesFeatureCollection(handle.db);
		const vertexCount = (collection: typeof full) => JSON.stringify(collection).split('],[').length;
		expect(vertexCount(simplified)).toBeLessThan(vertexCount(full));
	});

	it('communeLabelPoints puts each label inside its commune', async () => {
		const labels = await communeLabelPoints(handle.db);
		expectGolden('commune-label-points', labels);
		expect(labels.features[0]!.geometry.coordinates).toEqual([105.838, 21.0386]);
	});

	it('databaseSummary counts rows and demo rows', async () => {
		const summary = await databaseSummary(handle.db);
		expect(summary).toMatchObject({
			communes: 3,
			hamlets: 4,
			teams: 2,
			activities: 2,
			surveys: 0,
			demoRows: 8
		});
		expect(summary.datasets.map((dataset) => dataset.kind).sort()).toEqual(['demo', 'official']);
	});

	it('tile bounds in lng/lat match ST_TileEnvelope, so the tile SQL selects what the tile covers', async () => {
		// The z14 tile over the fixture's 2×2 grid of tổ dân phố in Ba Đình.
		const tile = tileContaining(105.8345, 21.0375, 14);
		const { z, x, y } = tile;
		const [row] = await selectRows<{ west: number; south: number; east: number; north: number }>(
			handle.db,
			sql`SELECT ST_XMin(e) AS west, ST_YMin(e) AS south, ST_XMax(e) AS east, ST_YMax(e) AS north
				FROM ST_Transform(ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int), 4326) e`
		);
		const bounds = tileBounds(tile);
		[row!.west, row!.south, row!.east, row!.north].forEach((value, index) =>
			expect(bounds[index]).toBeCloseTo(value, 9)
		);
	});
});
