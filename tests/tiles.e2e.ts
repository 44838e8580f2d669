import { VectorTile } from '@mapbox/vector-tile';
import { expect, test } from '@playwright/test';
import { PbfReader } from 'pbf';
import { tileContaining } from '../src/lib/server/tiles/tile-math';

// The vector tile endpoint over HTTP, against the built app (no browser needed).
const CENTRE = tileContaining(105.85, 21.03, 12);
const SEA = tileContaining(107.5, 20.0, 12);
const centreUrl = (layer: string) => `/tiles/${layer}/${CENTRE.z}/${CENTRE.x}/${CENTRE.y}.mvt`;

test('a tile over central Hà Nội is an MVT with hamlets and communes', async ({ request }) => {
	const response = await request.get(centreUrl('hamlets'));
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('application/vnd.mapbox-vector-tile');
	// Weak: the body was gzipped for this client (Playwright accepts gzip), another representation.
	expect(response.headers()['etag']).toMatch(/^W\/"\d+-[0-9a-f-]{36}"$/);
	expect(response.headers()['content-encoding']).toBe('gzip');
	expect(response.headers()['vary']).toContain('Accept-Encoding');
	const tile = new VectorTile(new PbfReader(await response.body()));
	const hamlets = tile.layers.hamlets!;
	expect(hamlets.length).toBeGreaterThanOrEqual(1);
	const hamlet = hamlets.feature(0);
	expect(hamlet.type).toBe(3);
	expect(Number.isInteger(hamlet.id)).toBe(true);
	expect(Object.keys(hamlet.properties).sort()).toEqual([
		'approximate',
		'communeCode',
		'kind',
		'name',
		'rural'
	]);

	const communes = new VectorTile(new PbfReader(await (await request.get(centreUrl('communes'))).body()));
	const codes = Array.from(
		{ length: communes.layers.communes!.length },
		(_, index) => communes.layers.communes!.feature(index).properties.code
	);
	expect(codes).toContain('00070'); // Phường Hoàn Kiếm
});

test('an empty tile in the sea is 204, a tile off the grid 400, an unknown layer 404', async ({
	request
}) => {
	const empty = await request.get(`/tiles/hamlets/${SEA.z}/${SEA.x}/${SEA.y}.mvt`);
	expect(empty.status()).toBe(204);
	expect((await empty.body()).length).toBe(0);

	const offGrid = await request.get('/tiles/hamlets/3/9/1.mvt');
	expect(offGrid.status()).toBe(400);
	expect(await offGrid.json()).toMatchObject({
		error: { code: 'invalid-tile', message: expect.any(String) }
	});

	const unknown = await request.get('/tiles/roads/12/3252/1803.mvt');
	expect(unknown.status()).toBe(404);
	expect(await unknown.json()).toMatchObject({ error: { code: 'unknown-layer' } });
});

test('If-None-Match gives 304, and the current v makes the tile immutable', async ({ request }) => {
	const first = await request.get(centreUrl('hamlets'));
	const etag = first.headers()['etag']!;
	expect(first.headers()['cache-control']).toBe('public, max-age=0, must-revalidate');

	const notModified = await request.get(centreUrl('hamlets'), { headers: { 'If-None-Match': etag } });
	expect(notModified.status()).toBe(304);
	expect(notModified.headers()['etag']).toBe(etag);

	// The ETag is the tile version the page puts in `?v=`.
	const version = /"(.+)"/.exec(etag)![1]!;
	const immutable = await request.get(`${centreUrl('hamlets')}?v=${encodeURIComponent(version)}`);
	expect(immutable.status()).toBe(200);
	expect(immutable.headers()['cache-control']).toBe('public, max-age=31536000, immutable');

	// A client without gzip gets the same tile uncompressed, under the strong ETag.
	const identity = await request.get(centreUrl('hamlets'), { headers: { 'Accept-Encoding': 'identity' } });
	expect(identity.headers()['content-encoding']).toBeUndefined();
	expect(identity.headers()['etag']).toBe(`"${version}"`);
	expect(await identity.body()).toEqual(await first.body());

	const stale = await request.get(`${centreUrl('hamlets')}?v=1-stale`);
	expect(stale.status()).toBe(200);
	expect(stale.headers()['cache-control']).toBe('public, max-age=0, must-revalidate');
});
