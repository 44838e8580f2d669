import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActivities } from '../db/activities';
import { DEMO_DATASET } from '../db/datasets';
import type { DatabaseHandle } from '../db/index';
import { loadCommunes } from '../db/communes';
import { fixtureActivity, fixtureCommunesText, loadFixtureData, TEST_ACTOR } from '../db/test-fixtures';
import { openTestDatabase, testDrivers } from '../db/test-databases';
import { decodeTile } from './decode-tile';
import { TileCache } from './tile-cache';
import { tileContaining } from './tile-math';
import { IMMUTABLE, REVALIDATE } from '../http-cache';
import { currentTileVersion, MVT_CONTENT_TYPE, tileResponse, type TileRequest } from './tile-response';

const FIXTURE_TILE = tileContaining(105.8345, 21.0375, 14);
const SEA_TILE = tileContaining(107.5, 20.0, 12);

function request(overrides: Partial<TileRequest> = {}): TileRequest {
	return {
		layer: 'hamlets',
		z: String(FIXTURE_TILE.z),
		x: String(FIXTURE_TILE.x),
		y: String(FIXTURE_TILE.y),
		version: null,
		ifNoneMatch: null,
		...overrides
	};
}

describe.each(testDrivers())('tile responses on %s', (driver) => {
	let handle: DatabaseHandle;
	let cache: TileCache;
	const respond = (overrides: Partial<TileRequest> = {}) => tileResponse(handle, request(overrides), cache);

	beforeAll(async () => {
		handle = await openTestDatabase(driver);
		await loadFixtureData(handle.db, 1);
		cache = new TileCache();
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('answers 404 with a JSON error for an unknown layer', async () => {
		const response = await respond({ layer: 'roads' });
		expect(response.status).toBe(404);
		expect(response.headers.get('content-type')).toContain('application/json');
		expect(await response.json()).toEqual({
			error: {
				code: 'unknown-layer',
				message: 'Không có lớp bản đồ "roads" (chỉ có hamlets, communes)',
				messageEn: 'No tile layer "roads" (the layers are hamlets, communes)'
			}
		});
	});

	it.each([
		['3', '9', '1'],
		['3', '1', '8'],
		['-1', '0', '0'],
		['1.5', '0', '0'],
		['23', '0', '0'],
		['x', '0', '0']
	])('answers 400 with a JSON error for z/x/y %s/%s/%s', async (z, x, y) => {
		const response = await respond({ z, x, y });
		expect(response.status).toBe(400);
		const body = (await response.json()) as { error: Record<string, string> };
		expect(body.error.code).toBe('invalid-tile');
		expect(body.error.message).toMatch(new RegExp(`^Ô bản đồ ${z}/${x}/${y} `));
		expect(body.error.messageEn).toMatch(new RegExp(`^Invalid tile ${z}/${x}/${y}: `));
	});

	it('answers 200 with the MVT, an ETag from the data version, and revalidation without v', async () => {
		const version = await currentTileVersion(handle.db);
		const response = await respond();
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe(MVT_CONTENT_TYPE);
		expect(response.headers.get('etag')).toBe(`"${version}"`);
		expect(response.headers.get('cache-control')).toBe(REVALIDATE);
		const layers = decodeTile(new Uint8Array(await response.arrayBuffer()));
		expect(layers.hamlets!.features.map((feature) => feature.id)).toEqual([4001, 4002, 4003, 4004]);
	});

	it('sends the stored gzip bytes to clients that take gzip, and the same tile unzipped to others', async () => {
		const plain = await respond();
		const zipped = await respond({ acceptEncoding: 'gzip, deflate, br' });
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(zipped.headers.get('content-encoding')).toBe('gzip');
		for (const response of [plain, zipped]) expect(response.headers.get('vary')).toBe('Accept-Encoding');
		const plainBytes = new Uint8Array(await plain.arrayBuffer());
		const zippedBytes = new Uint8Array(await zipped.arrayBuffer());
		expect(new Uint8Array(gunzipSync(zippedBytes))).toEqual(plainBytes);
		expect(zippedBytes.length).toBeLessThan(plainBytes.length);
	});

	it('marks the response immutable only when v is the current version', async () => {
		const version = await currentTileVersion(handle.db);
		expect((await respond({ version })).headers.get('cache-control')).toBe(IMMUTABLE);
		const old = await respond({ version: '1-00000000-0000-4000-8000-000000000000' });
		expect(old.status).toBe(200);
		expect(old.headers.get('cache-control')).toBe(REVALIDATE);
	});

	it('answers 204 with the caching headers for an empty tile', async () => {
		const version = await currentTileVersion(handle.db);
		const response = await respond({
			layer: 'communes',
			z: String(SEA_TILE.z),
			x: String(SEA_TILE.x),
			y: String(SEA_TILE.y),
			version
		});
		expect(response.status).toBe(204);
		expect(await response.text()).toBe('');
		expect(response.headers.get('etag')).toBe(`"${version}"`);
		expect(response.headers.get('cache-control')).toBe(IMMUTABLE);
	});

	it('answers 304 to a matching If-None-Match without rendering, and serves repeats from memory', async () => {
		const etag = `"${await currentTileVersion(handle.db)}"`;
		const { hits, misses } = cache.stats;
		for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
			const response = await respond({ layer: 'communes', ifNoneMatch });
			expect(response.status, ifNoneMatch).toBe(304);
			expect(response.headers.get('etag')).toBe(etag);
			expect(await response.text()).toBe('');
		}
		expect(cache.stats).toEqual({ hits, misses });
		expect((await respond({ layer: 'communes' })).status).toBe(200);
		expect((await respond({ layer: 'communes' })).status).toBe(200);
		expect(cache.stats).toEqual({ hits: hits + 1, misses: misses + 1 });
		expect((await respond({ layer: 'communes', ifNoneMatch: '"other"' })).status).toBe(200);
	});

	it('keeps the ETag and the cached tile through a figures write (an activity recorded)', async () => {
		const before = await respond();
		const etag = before.headers.get('etag')!;
		await loadActivities(handle.db, TEST_ACTOR, [fixtureActivity(2)], DEMO_DATASET);
		const { misses } = cache.stats;
		expect((await respond({ ifNoneMatch: etag })).status).toBe(304);
		const again = await respond({ version: etag.slice(1, -1) });
		expect(again.headers.get('cache-control')).toBe(IMMUTABLE);
		expect(cache.stats.misses).toBe(misses);
	});

	it('changes the ETag after a boundary write, and renders again', async () => {
		const before = await respond();
		const oldEtag = before.headers.get('etag')!;
		const oldVersion = oldEtag.slice(1, -1);
		await loadCommunes(handle.db, TEST_ACTOR, fixtureCommunesText());
		const { misses } = cache.stats;
		const after = await respond({ version: oldVersion, ifNoneMatch: oldEtag });
		expect(after.status).toBe(200);
		expect(after.headers.get('etag')).not.toBe(oldEtag);
		expect(after.headers.get('etag')).toBe(`"${await currentTileVersion(handle.db)}"`);
		// An old v still gets the current tile, but not for a year.
		expect(after.headers.get('cache-control')).toBe(REVALIDATE);
		expect(cache.stats.misses).toBe(misses + 1);
	});
});

describe('TileCache', () => {
	const bytes = (size: number) => Promise.resolve(new Uint8Array(size));

	it('evicts the least recently used tiles beyond its byte budget', async () => {
		const cache = new TileCache(250, 100);
		await cache.get('v1', 'a', () => bytes(100));
		await cache.get('v1', 'b', () => bytes(100));
		await cache.get('v1', 'a', () => bytes(100)); // a is now the most recent
		await cache.get('v1', 'c', () => bytes(100)); // over 250 bytes: b goes
		expect(cache.usage).toEqual({ tiles: 2, bytes: 200 });
		let rendered = false;
		await cache.get('v1', 'b', () => ((rendered = true), bytes(10)));
		expect(rendered).toBe(true);
	});

	it('forgets everything when the version changes, and does not keep failures', async () => {
		const cache = new TileCache();
		await cache.get('v1', 'a', () => bytes(10));
		await cache.get('v2', 'b', () => Promise.resolve(null));
		expect(cache.usage).toEqual({ tiles: 1, bytes: 0 });
		await expect(cache.get('v2', 'c', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		expect(cache.usage.tiles).toBe(1);
	});
});
