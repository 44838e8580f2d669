import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, compressResponse } from './compression';

const body = 'Tỷ lệ hộ được tiếp cận '.repeat(200);

function request(acceptEncoding?: string): Request {
	return new Request('http://localhost/', {
		headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }
	});
}

function page(init: ResponseInit = {}, text = body): Response {
	return new Response(text, {
		...init,
		headers: { 'content-type': 'text/html; charset=utf-8', etag: '"abc"', ...init.headers }
	});
}

describe('compressResponse', () => {
	it('gzips a large page for a client that accepts it, with a weak ETag and Vary', async () => {
		const response = compressResponse(request('gzip, deflate, br'), page());
		expect(response.headers.get('content-encoding')).toBe('gzip');
		expect(response.headers.get('etag')).toBe('W/"abc"');
		expect(response.headers.get('vary')).toContain('Accept-Encoding');
		const compressed = Buffer.from(await response.arrayBuffer());
		expect(gunzipSync(compressed).toString('utf8')).toBe(body);
		expect(compressed.length).toBeLessThan(Buffer.byteLength(body) / 5);
	});

	it('leaves the response alone for a client without gzip', async () => {
		const original = page();
		expect(compressResponse(request(), original)).toBe(original);
		expect(compressResponse(request('gzip;q=0, br'), original)).toBe(original);
	});

	it('does not compress small bodies, empty answers, already encoded or binary image bodies', () => {
		const cases = [
			page({ headers: { 'content-length': '10' } }, 'short text'),
			new Response(null, { status: 204, headers: { etag: '"abc"' } }),
			new Response(null, { status: 304, headers: { etag: '"abc"' } }),
			page({ headers: { 'content-encoding': 'br' } }),
			new Response(new Uint8Array(4096), { headers: { 'content-type': 'image/png' } })
		];
		for (const response of cases) {
			const result = compressResponse(request('gzip'), response);
			expect(result.headers.get('content-encoding')).not.toBe('gzip');
		}
		// A 304 keeps the weak ETag the client was given with the gzipped body.
		expect(compressResponse(request('gzip'), cases[2]!).headers.get('etag')).toBe('W/"abc"');
	});

	it('compresses vector tiles and JSON', () => {
		for (const type of ['application/vnd.mapbox-vector-tile', 'application/geo+json', 'application/json']) {
			const response = new Response(new Uint8Array(8192), { headers: { 'content-type': type } });
			expect(compressResponse(request('gzip'), response).headers.get('content-encoding')).toBe('gzip');
		}
	});
});

describe('acceptsGzip', () => {
	it('reads Accept-Encoding with qualities', () => {
		expect(acceptsGzip('gzip')).toBe(true);
		expect(acceptsGzip('br, GZIP;q=0.5')).toBe(true);
		expect(acceptsGzip('*')).toBe(true);
		expect(acceptsGzip('gzip;q=0')).toBe(false);
		expect(acceptsGzip('br, deflate')).toBe(false);
		expect(acceptsGzip(null)).toBe(false);
	});
});
