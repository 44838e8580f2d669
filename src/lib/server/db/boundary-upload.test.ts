// The boundary upload on both databases: the Ba Vì VN-2000 Shapefile previewed, mapped and committed, and
// hostile or malformed files, each refused with a clear error and every table exactly as it was.
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeatureTarget } from '$lib/boundary-upload';
import { InputError } from '$lib/input-error';
import { squarePolygon } from '$lib/analysis/test-squares';
import { DEMO_DATASET } from './datasets';
import { hamletNamesInCommune, hamletsInBbox, loadHamlets } from './hamlets';
import { selectRows, type DatabaseHandle } from './index';
import { currentDataRevision } from './revision';
import {
	BOWTIE,
	fixtureBaViHamletsText,
	loadFixtureData,
	tableFingerprint,
	TEST_ACTOR
} from './test-fixtures';
import { openTestDatabase, testDrivers } from './test-databases';
import { commitBoundaryUpload, previewBoundaryUpload } from '../boundaries/boundary-upload';

const TABLES = [
	'datasets',
	'communes',
	'hamlets',
	'teams',
	'outreach_activities',
	'skill_surveys',
	'audit_events',
	'data_revision'
];
const BA_VI_ZIP = new Uint8Array(readFileSync('tests/fixtures/boundaries/ba-vi-vn2000.zip'));
const BA_VI_MEMBERS = unzipSync(BA_VI_ZIP);

/** A zip of the Ba Vì Shapefile with members replaced (a value) or left out (null). */
function baViZip(changes: Record<string, Uint8Array | null> = {}): Uint8Array {
	const members: Record<string, Uint8Array> = {};
	for (const [name, data] of Object.entries({ ...BA_VI_MEMBERS, ...changes })) if (data) members[name] = data;
	return zipSync(members);
}

const encode = (text: string) => new TextEncoder().encode(text);
const geojson = (features: unknown[], extra: Record<string, unknown> = {}) =>
	encode(JSON.stringify({ type: 'FeatureCollection', ...extra, features }));
const feature = (properties: Record<string, unknown>, geometry: unknown) => ({
	type: 'Feature',
	properties,
	geometry
});
/** A square in Phường Ba Đình (00004), clear of the fixture hamlets 4001–4004 (105.831–105.838, 21.034–21.041). */
const baDinhSquare = (offset = 0) => squarePolygon(105.8405 + offset, 21.035, 0.002);

/** A ring of a million (short) positions: a 16 MB file, under the size limit, far over the vertex limit. */
function millionVertices(): number[][] {
	const ring = Array.from({ length: 1_000_000 }, (_, i) => [
		(105_840 + (i % 10)) / 1000,
		(21_030 + (i % 7)) / 1000
	]);
	ring.push(ring[0]!);
	return ring;
}

describe.each(testDrivers())('boundary upload on %s', (driver) => {
	let handle: DatabaseHandle;
	const fingerprint = () => tableFingerprint(handle, TABLES);

	beforeAll(async () => {
		handle = await openTestDatabase(driver);
		await loadFixtureData(handle.db);
		await loadHamlets(handle.db, TEST_ACTOR, fixtureBaViHamletsText(), DEMO_DATASET);
	});
	afterAll(async () => {
		await handle?.close();
	});

	/** Expects preview and commit of `bytes` to be refused with `code`, naming `mention`, and nothing written. */
	async function expectRefused(
		bytes: Uint8Array,
		code: string,
		mention: RegExp,
		{
			communeCode = '00004',
			stage = 'both',
			repair = false,
			targets = new Map<number, FeatureTarget>(),
			retire = []
		}: {
			communeCode?: string;
			stage?: 'both' | 'commit';
			repair?: boolean;
			targets?: Map<number, FeatureTarget>;
			retire?: number[];
		} = {}
	): Promise<void> {
		const before = await fingerprint();
		const file = { bytes, name: 'upload.bin' };
		const options = { crs: 'auto' as const, repair };
		if (stage === 'both') {
			const error = await previewBoundaryUpload(handle.db, communeCode, file, options).catch(
				(thrown: unknown) => thrown
			);
			expect(error, 'preview').toBeInstanceOf(InputError);
			expect((error as InputError).code).toBe(code);
			expect(`${(error as InputError).message} | ${(error as InputError).messageEn}`).toMatch(mention);
		}
		const error = await commitBoundaryUpload(handle.db, TEST_ACTOR, communeCode, file, {
			...options,
			targets,
			retire
		}).catch((thrown: unknown) => thrown);
		expect(error, 'commit').toBeInstanceOf(InputError);
		expect((error as InputError).issues.map((issue) => issue.code)).toContain(code);
		expect((error as InputError).issues.map((issue) => `${issue.vi} | ${issue.en}`).join('\n')).toMatch(
			mention
		);
		expect(await fingerprint()).toEqual(before);
	}

	describe('hostile and malformed files: a clear error, every table unchanged', () => {
		const hostile: [string, () => Uint8Array, string, RegExp, Parameters<typeof expectRefused>[3]?][] = [
			['an empty file', () => new Uint8Array(0), 'empty-file', /The file is empty/],
			['whitespace only', () => encode('  \n\t'), 'empty-file', /empty/],
			['a BOM and nothing else', () => encode('\uFEFF'), 'empty-file', /empty/],
			['a FeatureCollection without features', () => geojson([]), 'empty-file', /no features/],
			[
				'broken JSON',
				() => encode('{"type": "FeatureCollection", "features": [{'),
				'broken-json',
				/neither valid GeoJSON/
			],
			[
				'a Feature, not a FeatureCollection',
				() => encode(JSON.stringify(feature({}, baDinhSquare()))),
				'not-a-feature-collection',
				/FeatureCollection/
			],
			['Latin-1 text', () => new Uint8Array([0x7b, 0xe9, 0x7d]), 'not-utf8', /UTF-8/],
			[
				'a truncated zip',
				() => BA_VI_ZIP.slice(0, BA_VI_ZIP.length / 2),
				'corrupt-zip',
				/corrupt or truncated/
			],
			['a zip that is only a header', () => BA_VI_ZIP.slice(0, 30), 'corrupt-zip', /corrupt or truncated/],
			[
				'a zip bomb (a .shp that unpacks to 110 MB of zeros)',
				() => zipSync({ 'bomb.shp': new Uint8Array(110 * 1024 * 1024) }, { level: 9 }),
				'zip-too-large',
				/zip bomb/
			],
			['a zip without a .shp', () => zipSync({ 'readme.txt': strToU8('hello') }), 'no-shapefile', /no \.shp/],
			[
				'a zip with two layers',
				() => baViZip({ 'other.shp': BA_VI_MEMBERS['ba-vi.shp']! }),
				'several-shapefiles',
				/2 \.shp layers/
			],
			[
				'a Shapefile without its .prj',
				() => baViZip({ 'ba-vi.prj': null }),
				'missing-prj',
				/\.prj is missing/,
				{ communeCode: '09700' }
			],
			[
				'a .prj of an unknown CRS (Tokyo datum)',
				() =>
					baViZip({
						'ba-vi.prj': strToU8(
							'GEOGCS["GCS_Tokyo",DATUM["D_Tokyo",SPHEROID["Bessel_1841",6377397.155,299.1528128]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'
						)
					}),
				'unknown-crs',
				/not supported/,
				{ communeCode: '09700' }
			],
			[
				'a garbage .prj',
				() => baViZip({ 'ba-vi.prj': strToU8('hello world') }),
				'unknown-crs',
				/not supported/,
				{ communeCode: '09700' }
			],
			[
				'a corrupt .shp',
				() =>
					baViZip({
						'ba-vi.shp': BA_VI_MEMBERS['ba-vi.shp']!.map((byte, index) => (index < 100 ? byte : 0xff))
					}),
				'corrupt-shapefile',
				/\.shp/,
				{ communeCode: '09700' }
			],
			[
				'a .dbf with fewer rows than the .shp',
				() => {
					const dbf = BA_VI_MEMBERS['ba-vi.dbf']!.slice();
					new DataView(dbf.buffer).setUint32(4, 3, true);
					return baViZip({ 'ba-vi.dbf': dbf });
				},
				'corrupt-shapefile',
				/\.dbf 3 rows/,
				{ communeCode: '09700' }
			],
			[
				'a GeoJSON crs of another zone (EPSG:9210)',
				() =>
					geojson([feature({}, baDinhSquare())], {
						crs: { type: 'name', properties: { name: 'EPSG:9210' } }
					}),
				'unknown-crs',
				/not supported/
			],
			[
				'a null geometry',
				() => geojson([feature({ id: 4001 }, null)]),
				'empty-geometry',
				/no geometry.*features\[0\]\.geometry/
			],
			[
				'an empty polygon',
				() => geojson([feature({ id: 4001 }, { type: 'Polygon', coordinates: [] })]),
				'empty-geometry',
				/empty/
			],
			[
				'a point instead of an area',
				() => geojson([feature({ id: 4001 }, { type: 'Point', coordinates: [105.83, 21.03] })]),
				'wrong-geometry-type',
				/not Point/
			],
			[
				'a line instead of an area',
				() =>
					geojson([
						feature(
							{ id: 4001 },
							{
								type: 'LineString',
								coordinates: [
									[105.83, 21.03],
									[105.84, 21.04]
								]
							}
						)
					]),
				'wrong-geometry-type',
				/not LineString/
			],
			[
				'an unclosed ring',
				() =>
					geojson([
						feature(
							{ id: 4001 },
							{
								type: 'Polygon',
								coordinates: [
									[
										[105.83, 21.03],
										[105.84, 21.03],
										[105.84, 21.04],
										[105.83, 21.04]
									]
								]
							}
						)
					]),
				'open-ring',
				/closed.*features\[0\]\.geometry\.coordinates\[0\]\[0\]/
			],
			[
				'text for coordinates',
				() =>
					geojson([
						feature(
							{ id: 4001 },
							{
								type: 'Polygon',
								coordinates: [
									[
										['105.83', '21.03'],
										[105.84, 21.03],
										[105.84, 21.04],
										['105.83', '21.03']
									]
								]
							}
						)
					]),
				'invalid-coordinates',
				/pairs of numbers/
			],
			[
				'swapped coordinates ([lat, lng])',
				() =>
					geojson([
						feature(
							{ id: 4001 },
							{ type: 'Polygon', coordinates: [baDinhSquare().coordinates[0]!.map(([x, y]) => [y, x])] }
						)
					]),
				'swapped-coordinates',
				/looks like lat\/lng swapped.*features\[0\]/
			],
			[
				'VN-2000 metres in a GeoJSON that declares no crs',
				() => geojson([feature({ id: 4001 }, squarePolygon(582973, 2323160, 100))]),
				'projected-coordinates',
				/looks projected.*which CRS\?/
			],
			[
				'a place far outside Hanoi (Ho Chi Minh City)',
				() => geojson([feature({ id: 4001 }, squarePolygon(106.7, 10.8, 0.01))]),
				'outside-hanoi',
				/far outside Hanoi/
			],
			[
				'a boundary in another commune (Ba Vì, uploaded for Ba Đình)',
				() => geojson([feature({ id: 4001 }, squarePolygon(105.35, 21.08, 0.005))]),
				'outside-commune',
				/beyond the commune/,
				{ stage: 'commit' }
			],
			[
				'a 1 MB hamlet name',
				() => geojson([feature({ id: 4001, name: 'x'.repeat(1024 * 1024) }, baDinhSquare())]),
				'name-too-long',
				/1048576 characters/
			],
			[
				'a name with a NUL byte',
				() => geojson([feature({ id: 4001, name: 'Tổ\u0000 1' }, baDinhSquare())]),
				'control-characters',
				/control characters/
			],
			[
				'a polygon with a million vertices',
				() => geojson([feature({ id: 4001 }, { type: 'Polygon', coordinates: [millionVertices()] })]),
				'too-many-vertices',
				/more than 50000 vertices/
			],
			[
				'2,001 features',
				() =>
					geojson(
						Array.from({ length: 2001 }, (_, i) =>
							feature({ id: i + 1 }, squarePolygon(105.84, 21.035, 0.0001))
						)
					),
				'too-many-features',
				/over the limit of 2000/
			],
			[
				'a file over 20 MB',
				() => encode(`{"type":"FeatureCollection","features":[],"pad":"${' '.repeat(21 * 1024 * 1024)}"}`),
				'file-too-large',
				/20 MB/
			],
			[
				'the same hamlet id twice',
				() => geojson([feature({ id: 4001 }, baDinhSquare()), feature({ id: 4001 }, baDinhSquare(0.003))]),
				'duplicate-key',
				/appears twice.*features\[1\]/
			],
			[
				'a self-intersecting polygon, without the repair',
				() => geojson([feature({ id: 4001 }, BOWTIE)]),
				'invalid-geometry',
				/Self-intersection.*ST_MakeValid/,
				{ stage: 'commit' }
			],
			[
				'a degenerate polygon, even with the repair',
				() =>
					geojson([
						feature(
							{ id: 4001 },
							{
								type: 'Polygon',
								coordinates: [
									[
										[105.84, 21.035],
										[105.841, 21.035],
										[105.842, 21.035],
										[105.84, 21.035]
									]
								]
							}
						)
					]),
				'empty-geometry',
				/leaves no area/,
				{ stage: 'commit', repair: true }
			],
			[
				'two uploaded hamlets overlapping',
				() => geojson([feature({ id: 4001 }, baDinhSquare()), feature({ id: 4002 }, baDinhSquare(0.001))]),
				'overlapping-hamlets',
				/overlap by/,
				{ stage: 'commit' }
			],
			[
				'a feature matched to no hamlet, not mapped',
				() => geojson([feature({ name: 'Tổ dân phố 99' }, baDinhSquare())]),
				'unmatched-feature',
				/not matched/,
				{ stage: 'commit' }
			],
			[
				'a feature mapped to a hamlet of another commune',
				() => geojson([feature({ name: 'Tổ dân phố 99' }, baDinhSquare())]),
				'unknown-hamlet',
				/not a hamlet of this commune/,
				{ stage: 'commit', targets: new Map([[0, { kind: 'hamlet', hamletId: 9700001 }]]) }
			],
			[
				'retiring a hamlet of another commune',
				() => geojson([feature({ id: 4001 }, baDinhSquare())]),
				'unknown-hamlet',
				/9700001 is not a current hamlet of this commune/,
				{ stage: 'commit', retire: [9700001] }
			],
			[
				'retiring a hamlet that also gets a boundary',
				() => geojson([feature({ id: 4001 }, baDinhSquare())]),
				'retire-mapped-hamlet',
				/both gets a boundary and is retired/,
				{ stage: 'commit', retire: [4001] }
			],
			[
				'a new hamlet without a name',
				() => geojson([feature({ id: 777 }, baDinhSquare())]),
				'missing-name',
				/needs a name/,
				{ stage: 'commit', targets: new Map([[0, { kind: 'new' }]]) }
			]
		];

		it.each(hostile)('%s', async (_, bytes, code, mention, options) => {
			await expectRefused(bytes(), code, mention, options);
		});

		it('refuses a million vertices before any heavy work (in well under a second)', async () => {
			const bytes = geojson([feature({ id: 4001 }, { type: 'Polygon', coordinates: [millionVertices()] })]);
			const started = performance.now();
			await expect(
				previewBoundaryUpload(
					handle.db,
					'00004',
					{ bytes, name: 'big.geojson' },
					{ crs: 'auto', repair: false }
				)
			).rejects.toThrow();
			// JSON.parse of the 40 MB text is most of it; no SQL ran.
			expect(performance.now() - started).toBeLessThan(3000);
		});
	});

	it('previews a self-intersecting polygon with its ST_MakeValid repair shown', async () => {
		const bowtie = {
			type: 'Polygon',
			coordinates: [
				[
					[105.8405, 21.035],
					[105.8425, 21.037],
					[105.8425, 21.035],
					[105.8405, 21.037],
					[105.8405, 21.035]
				]
			]
		};
		const bytes = geojson([feature({ id: 4001 }, bowtie)]);
		const unrepaired = await previewBoundaryUpload(
			handle.db,
			'00004',
			{ bytes, name: 'b.geojson' },
			{ crs: 'auto', repair: false }
		);
		expect(unrepaired.features[0]!.invalidReason).toMatch(/Self-intersection/);
		expect(unrepaired.blocking.map((issue) => issue.en).join()).toMatch(/ST_MakeValid/);
		const repaired = await previewBoundaryUpload(
			handle.db,
			'00004',
			{ bytes, name: 'b.geojson' },
			{ crs: 'auto', repair: true }
		);
		expect(repaired.features[0]!.repaired).toBe(true);
		expect(repaired.features[0]!.geometry.coordinates).toHaveLength(2);
		expect(repaired.blocking, JSON.stringify(repaired.blocking)).toEqual([]);
	});

	it('previews, maps and commits the VN-2000 Shapefile of Ba Vì: official boundaries, figures kept, revision moved, audited', async () => {
		const file = { bytes: BA_VI_ZIP, name: 'ba-vi-vn2000.zip' };
		const preview = await previewBoundaryUpload(handle.db, '09700', file, { crs: 'auto', repair: false });
		expect(preview.crsName).toContain('VN-2000');
		expect(preview.features).toHaveLength(14);
		const unmatched = preview.features.filter((f) => f.matchedHamletId === null);
		expect(unmatched.map((f) => f.name)).toEqual(['Xóm Quán Mới']);
		expect(preview.features.filter((f) => f.matchedBy === 'id').length).toBeGreaterThan(0);
		expect(preview.features.filter((f) => f.matchedBy === 'name').length).toBeGreaterThan(0);
		expect(preview.blocking).toEqual([]);
		// Unmapped, Xóm Quán Mới lies on Xóm Quán (9700015), kept as it is: reported, not blocking.
		expect(preview.overlaps).toEqual([
			expect.objectContaining({
				a: `features[${unmatched[0]!.index}]`,
				b: 'hamlet 9700015',
				bothUploaded: false
			})
		]);
		expect(preview.overlaps[0]!.share).toBeCloseTo(1, 3);

		const figuresBefore = await selectRows<{ id: number; households: number }>(
			handle.db,
			sql`SELECT id, households FROM hamlets WHERE commune_code = '09700' ORDER BY id`
		);
		const revisionBefore = await currentDataRevision(handle.db);
		const targets = new Map<number, FeatureTarget>([
			[unmatched[0]!.index, { kind: 'hamlet', hamletId: 9700015 }]
		]);
		// Mapped, the preview again: Thôn 4 (9700010) keeps its approximate boundary, the commune stays
		// covered and nothing overlaps beyond the reprojection's millimetres.
		const mapped = await previewBoundaryUpload(handle.db, '09700', file, {
			crs: 'auto',
			repair: false,
			targets
		});
		expect(mapped.uncoveredShare).toBeLessThan(0.0001);
		expect(
			mapped.overlaps.every((overlap) => overlap.share < 0.0001),
			JSON.stringify(mapped.overlaps)
		).toBe(true);
		// Thôn 4 (9700010), not in the file, is retired: the commune then has a hole where it was.
		const retiring = await previewBoundaryUpload(handle.db, '09700', file, {
			crs: 'auto',
			repair: false,
			targets,
			retire: [9700010]
		});
		expect(retiring.uncoveredShare).toBeGreaterThan(0.01);
		const result = await commitBoundaryUpload(handle.db, TEST_ACTOR, '09700', file, {
			crs: 'auto',
			repair: false,
			targets,
			retire: [9700010]
		});
		expect(result.retired).toEqual([9700010]);
		expect(result.replaced).toHaveLength(14);
		expect(result.replaced).toContain(9700015);
		const sources = await selectRows<{ id: number; source: string }>(
			handle.db,
			sql`SELECT id, boundary_source AS source FROM hamlets WHERE commune_code = '09700' ORDER BY id`
		);
		expect(sources.filter((row) => row.source === 'official')).toHaveLength(14);
		expect(sources.find((row) => row.id === 9700010)?.source).toBe('approximate');
		const [retired] = await selectRows<{ retired: boolean }>(
			handle.db,
			sql`SELECT retired_at IS NOT NULL AS retired FROM hamlets WHERE id = 9700010`
		);
		expect(retired!.retired).toBe(true);
		expect((await hamletNamesInCommune(handle.db, '09700')).map((hamlet) => hamlet.id)).not.toContain(
			9700010
		);
		const onTheMap = await hamletsInBbox(handle.db, [105.2, 20.9, 105.5, 21.3]);
		expect(onTheMap.features.map((hamlet) => hamlet.id)).not.toContain(9700010);
		expect(onTheMap.features.map((hamlet) => hamlet.id)).toContain(9700015);
		expect(
			await selectRows(
				handle.db,
				sql`SELECT id, households FROM hamlets WHERE commune_code = '09700' ORDER BY id`
			)
		).toEqual(figuresBefore);
		expect((await currentDataRevision(handle.db)).tag).not.toBe(revisionBefore.tag);
		const [event] = await selectRows<{
			action: string;
			communeCode: string;
			changes: { file: { sha256: string }; retired: number[] };
		}>(
			handle.db,
			sql`SELECT action, commune_code AS "communeCode", changes FROM audit_events ORDER BY id DESC LIMIT 1`
		);
		expect(event).toMatchObject({ action: 'hamlet-boundaries.replace', communeCode: '09700' });
		expect(event!.changes.file.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(event!.changes.retired).toEqual([9700010]);
	});

	it('creates a new hamlet for a feature mapped to "new", in an uploaded dataset', async () => {
		const bytes = geojson([feature({ name: 'Tổ dân phố Mới' }, baDinhSquare())]);
		const result = await commitBoundaryUpload(
			handle.db,
			TEST_ACTOR,
			'00004',
			{ bytes, name: 'new.geojson' },
			{
				crs: 'auto',
				repair: false,
				targets: new Map([[0, { kind: 'new' }]])
			}
		);
		expect(result.created).toHaveLength(1);
		const [row] = await selectRows<{
			name: string;
			kind: string;
			source: string;
			datasetKind: string;
			households: number;
		}>(
			handle.db,
			sql`SELECT h.name, h.kind::text, h.boundary_source AS source, d.kind::text AS "datasetKind", h.households
				FROM hamlets h JOIN datasets d ON d.id = h.dataset_id WHERE h.id = ${result.created[0]!.id}`
		);
		expect(row).toEqual({
			name: 'Tổ dân phố Mới',
			kind: 'tổ dân phố',
			source: 'official',
			datasetKind: 'uploaded',
			households: 0
		});
	});
});
