import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommunes } from '../db/communes';
import { DEMO_DATASET } from '../db/datasets';
import { loadHamlets } from '../db/hamlets';
import type { Driver, DatabaseHandle } from '../db/index';
import { loadFixtureData, TEST_ACTOR } from '../db/test-fixtures';
import { openTestDatabase, testDrivers } from '../db/test-databases';
import { decodeTile, type DecodedLayer } from './decode-tile';
import { simplifyTolerance } from '../db/tiles';
import { renderTile } from './render-tile';
import { TILE_BUFFER, TILE_EXTENT, tileBounds, tileContaining, type TileCoordinates } from './tile-math';

/** Central wards next to the fixture's (Giảng Võ, Hoàn Kiếm, Cửa Nam, Hồng Hà, Tây Hồ), for a realistic slice. */
const SLICE_COMMUNE_CODES = ['00025', '00070', '00082', '00097', '00103'];

/** The slice's communes and their approximate hamlets (with filler figures) through the real loaders. */
async function loadRealisticSlice(handle: DatabaseHandle): Promise<void> {
	const communes = JSON.parse(
		readFileSync('geodata/hanoi_2025_communes_full.geojson', 'utf8')
	) as FeatureCollection;
	await loadCommunes(
		handle.db,
		TEST_ACTOR,
		JSON.stringify({
			type: 'FeatureCollection',
			features: communes.features.filter((feature) =>
				SLICE_COMMUNE_CODES.includes(String(feature.properties?.code))
			)
		})
	);
	const hamlets = JSON.parse(
		readFileSync('geodata/hamlets-approximate.geojson', 'utf8')
	) as FeatureCollection;
	const features = hamlets.features
		.filter((feature) => SLICE_COMMUNE_CODES.includes(String(feature.properties?.communeCode)))
		.map((feature, index) => {
			const { id, communeCode, name, kind, boundarySource } = feature.properties!;
			return {
				...feature,
				properties: {
					...{ id, communeCode, name, kind, boundarySource },
					households: 500,
					adults: 1200,
					elderly: 200,
					minorityShare: 0,
					// Alternate, so both boolean values are encoded.
					isRural: index % 2 === 0
				}
			};
		});
	await loadHamlets(
		handle.db,
		TEST_ACTOR,
		JSON.stringify({ type: 'FeatureCollection', features }),
		DEMO_DATASET
	);
}

/** The z14 tile over the fixture's 2×2 grid of tổ dân phố in Ba Đình. */
const FIXTURE_TILE = tileContaining(105.8345, 21.0375, 14);

/** Far from Hà Nội, in the Gulf of Tonkin. */
const SEA_TILE = tileContaining(107.5, 20.0, 12);

/** Tiles over the slice at several zooms, corners and edges included. */
const SLICE_TILES: TileCoordinates[] = [
	tileContaining(105.84, 21.03, 10),
	tileContaining(105.84, 21.03, 12),
	tileContaining(105.85, 21.03, 13),
	tileContaining(105.825, 21.065, 13),
	tileContaining(105.85, 21.028, 14),
	tileContaining(105.826, 21.07, 15),
	tileContaining(105.852, 21.025, 16)
];

async function decoded(handle: DatabaseHandle, layer: 'hamlets' | 'communes', tile: TileCoordinates) {
	const bytes = await renderTile(handle, layer, tile.z, tile.x, tile.y);
	return bytes && decodeTile(bytes);
}

const handles = new Map<Driver, DatabaseHandle>();

beforeAll(async () => {
	for (const driver of testDrivers()) {
		const handle = await openTestDatabase(driver);
		handles.set(driver, handle);
		await loadFixtureData(handle.db, 1);
		await loadRealisticSlice(handle);
	}
});
afterAll(async () => {
	for (const handle of handles.values()) await handle.close();
});

describe.each(testDrivers())('renderTile on %s', (driver) => {
	const handle = () => handles.get(driver)!;

	it('gives the fixture hamlets at z14, with integer ids and the tooltip properties', async () => {
		const layers = await decoded(handle(), 'hamlets', FIXTURE_TILE);
		expect(Object.keys(layers!)).toEqual(['hamlets']);
		const layer = layers!.hamlets!;
		expect([layer.version, layer.extent]).toEqual([2, TILE_EXTENT]);
		const fixtures = layer.features.filter((feature) => feature.id! >= 4001 && feature.id! <= 4004);
		expect(fixtures.map((feature) => feature.id)).toEqual([4001, 4002, 4003, 4004]);
		expect(fixtures[0]).toMatchObject({
			type: 3,
			properties: {
				name: 'Tổ dân phố 1',
				communeCode: '00004',
				kind: 'tổ dân phố',
				rural: false,
				approximate: true
			}
		});
		// Every feature carries exactly the five properties, nothing else (no figures, no dataset).
		for (const feature of layer.features) {
			expect(Object.keys(feature.properties).sort()).toEqual([
				'approximate',
				'communeCode',
				'kind',
				'name',
				'rural'
			]);
		}
		// 4001 is the square [105.831, 21.034]–[105.8345, 21.0375]: its bbox in tile units.
		const [west, south, east, north] = tileBounds(FIXTURE_TILE);
		const toX = (lng: number) => ((lng - west) / (east - west)) * TILE_EXTENT;
		const { bbox } = fixtures[0]!;
		expect(Math.abs(bbox[0] - toX(105.831))).toBeLessThanOrEqual(1);
		expect(Math.abs(bbox[2] - toX(105.8345))).toBeLessThanOrEqual(1);
		expect(bbox[1]).toBeGreaterThan(0);
		expect(bbox[3]).toBeLessThan(TILE_EXTENT);
		expect([south, north]).toEqual([expect.any(Number), expect.any(Number)]);
	});

	it('gives the communes with their code as feature id', async () => {
		const layers = await decoded(handle(), 'communes', FIXTURE_TILE);
		expect(Object.keys(layers!)).toEqual(['communes']);
		const baDinh = layers!.communes!.features.find((feature) => feature.id === 4);
		expect(baDinh).toMatchObject({
			type: 3,
			properties: { code: '00004', name: 'Ba Đình', fullName: 'Phường Ba Đình', unitType: 'phường' }
		});
	});

	it('returns null for a tile with nothing in it', async () => {
		expect(await renderTile(handle(), 'hamlets', SEA_TILE.z, SEA_TILE.x, SEA_TILE.y)).toBeNull();
		expect(await renderTile(handle(), 'communes', SEA_TILE.z, SEA_TILE.x, SEA_TILE.y)).toBeNull();
		expect(await renderTile(handle(), 'hamlets', 3, 0, 0)).toBeNull();
	});

	it('gives every central commune in one tile at z8 (Ba Vì, in the west, is in the next one)', async () => {
		const layers = await decoded(handle(), 'communes', tileContaining(105.84, 21.03, 8));
		const ids = layers!.communes!.features.map((feature) => feature.id!).sort((a, b) => a - b);
		expect(ids).toEqual([4, 8, 25, 70, 82, 97, 103]);
		const west = await decoded(handle(), 'communes', tileContaining(105.35, 21.08, 8));
		expect(west!.communes!.features.map((feature) => feature.id)).toEqual([9700]);
	});
});

describe('simplifyTolerance', () => {
	it('is 2 tile units below the max zoom and 0 at it', () => {
		expect(simplifyTolerance('hamlets', 10)).toBeCloseTo((2 * 360) / (1024 * 4096), 15);
		expect(simplifyTolerance('hamlets', 15) * 2).toBeCloseTo(simplifyTolerance('hamlets', 14), 15);
		expect(simplifyTolerance('hamlets', 16)).toBe(0);
		expect(simplifyTolerance('communes', 20)).toBe(0);
	});
});

/** Same ids, types and properties; bboxes within a few units (the two cutters round differently). */
function expectSameTile(
	postgis: DecodedLayer | undefined,
	geojsonVt: DecodedLayer | undefined,
	label: string
) {
	const summary = (layer: DecodedLayer | undefined) =>
		(layer?.features ?? [])
			.map((feature) => ({ id: feature.id, type: feature.type, properties: feature.properties }))
			.sort((a, b) => a.id! - b.id!);
	expect(summary(geojsonVt), label).toEqual(summary(postgis));
	const boxes = new Map(postgis?.features.map((feature) => [feature.id, feature.bbox]));
	for (const feature of geojsonVt?.features ?? []) {
		const expected = boxes.get(feature.id)!;
		// Both cut at the 64-unit buffer; inside it, the coordinates agree to a few units.
		feature.bbox.forEach((value, index) =>
			expect(
				Math.abs(value - expected[index]!),
				`${label} feature ${feature.id} bbox[${index}]`
			).toBeLessThanOrEqual(4)
		);
		expect(Math.max(...feature.bbox.map(Math.abs))).toBeLessThanOrEqual(TILE_EXTENT + TILE_BUFFER + 1);
	}
}

describe.runIf(testDrivers().includes('pg'))('both encoders', () => {
	it('give the same features for the same tiles (ST_AsMVT on PostGIS, geojson-vt on PGlite)', async () => {
		const postgis = handles.get('pg')!;
		const pglite = handles.get('pglite')!;
		for (const tile of [FIXTURE_TILE, SEA_TILE, ...SLICE_TILES]) {
			for (const layer of ['hamlets', 'communes'] as const) {
				const label = `${layer} ${tile.z}/${tile.x}/${tile.y}`;
				const [fromPostgis, fromGeojsonVt] = [
					await decoded(postgis, layer, tile),
					await decoded(pglite, layer, tile)
				];
				expect(fromGeojsonVt === null, label).toBe(fromPostgis === null);
				expect(Object.keys(fromGeojsonVt ?? {}), label).toEqual(Object.keys(fromPostgis ?? {}));
				expectSameTile(fromPostgis?.[layer], fromGeojsonVt?.[layer], label);
			}
		}
	});
});
