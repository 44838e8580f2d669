import { gunzipSync } from 'node:zlib';
import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { createPublicPageCache } from './public-page-cache';

/** A page handle that counts its renders and answers HTML naming the render. */
function renderer() {
	let renders = 0;
	const resolve = async () => {
		renders += 1;
		return new Response(`<!doctype html><p>render ${renders}</p>`, {
			headers: { 'content-type': 'text/html', 'content-security-policy': "script-src 'sha256-x'" }
		});
	};
	return { resolve, renders: () => renders };
}

function event(path: string, init: { headers?: Record<string, string>; isDataRequest?: boolean } = {}) {
	const url = new URL(`http://localhost${path}`);
	return {
		url,
		request: new Request(url, { headers: init.headers }),
		isDataRequest: init.isDataRequest ?? false
	} as RequestEvent;
}

describe('the public page cache', () => {
	it('renders a page once per address and interval, and serves the stored bytes, gzipped when accepted', async () => {
		let clock = 0;
		const handle = createPublicPageCache({
			paths: new Set(['/']),
			maxAgeMs: 60_000,
			maxEntries: 10,
			now: () => clock
		});
		const page = renderer();
		const first = await handle({ event: event('/'), resolve: page.resolve });
		expect(await first.text()).toContain('render 1');
		const gzipped = await handle({
			event: event('/', { headers: { 'accept-encoding': 'gzip' } }),
			resolve: page.resolve
		});
		expect(gzipped.headers.get('content-encoding')).toBe('gzip');
		expect(gunzipSync(Buffer.from(await gzipped.arrayBuffer())).toString()).toContain('render 1');
		expect(gzipped.headers.get('content-security-policy')).toBe("script-src 'sha256-x'");
		const etag = gzipped.headers.get('etag')!;
		expect(
			(await handle({ event: event('/', { headers: { 'if-none-match': etag } }), resolve: page.resolve }))
				.status
		).toBe(304);
		expect(page.renders()).toBe(1);
		clock = 60_000;
		expect(await (await handle({ event: event('/'), resolve: page.resolve })).text()).toContain('render 2');
		expect(page.renders()).toBe(2);
	});

	it('never shares a signed-in page, a data request, another path or an error', async () => {
		const handle = createPublicPageCache({ paths: new Set(['/']), maxAgeMs: 60_000, maxEntries: 10 });
		const page = renderer();
		await handle({
			event: event('/', { headers: { cookie: 'better-auth.session_token=abc' } }),
			resolve: page.resolve
		});
		await handle({ event: event('/', { isDataRequest: true }), resolve: page.resolve });
		await handle({ event: event('/login'), resolve: page.resolve });
		expect(page.renders()).toBe(3);
		let errors = 0;
		const failing = async () => {
			errors += 1;
			return new Response('bad month', { status: 400, headers: { 'content-type': 'text/html' } });
		};
		await handle({ event: event('/?month=x'), resolve: failing });
		await handle({ event: event('/?month=x'), resolve: failing });
		expect(errors).toBe(2);
	});
});
