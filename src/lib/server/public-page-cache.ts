// The public map's HTML for anonymous viewers, rendered once per address and refresh interval: a crowd
// opening the same link gets the same bytes, gzipped once, instead of one render each. Signed-in
// people (a session cookie) always get their own render.
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Handle } from '@sveltejs/kit';
import { getSessionCookie } from 'better-auth/cookies';
import { acceptsGzip } from './compression';
import { etagMatches } from './http-cache';

interface CachedPage {
	storedAt: number;
	status: number;
	headers: [string, string][];
	etag: string;
	raw: Buffer;
	gzip: Buffer;
}

export interface PublicPageCacheOptions {
	/** The pages kept (pathnames). */
	paths: ReadonlySet<string>;
	/** How long one render is served, in milliseconds (the public refresh interval). */
	maxAgeMs: number;
	/** Addresses kept at most (the least recently stored go first). */
	maxEntries: number;
	now?: () => number;
}

/** Headers that belong to one transfer of the body, not to the page. */
const TRANSFER_HEADERS = new Set(['content-encoding', 'content-length', 'etag', 'vary', 'set-cookie']);

function answer(request: Request, page: CachedPage): Response {
	const headers = new Headers(page.headers);
	headers.set('etag', page.etag);
	headers.set('vary', 'Accept-Encoding');
	if (etagMatches(request.headers.get('if-none-match'), page.etag.replace(/^W\//, ''))) {
		return new Response(null, { status: 304, headers });
	}
	const gzip = acceptsGzip(request.headers.get('accept-encoding'));
	if (gzip) headers.set('content-encoding', 'gzip');
	const body = gzip ? page.gzip : page.raw;
	headers.set('content-length', String(body.byteLength));
	return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
		status: page.status,
		headers
	});
}

/** Only a plain 200 page is the same for everyone: not an error, a redirect, or one that sets a cookie. */
function shareable(response: Response): boolean {
	return (
		response.status === 200 &&
		!response.headers.has('set-cookie') &&
		response.body !== null &&
		(response.headers.get('content-type') ?? '').startsWith('text/html')
	);
}

/** Reads a rendered page into a cache entry. */
async function store(response: Response, now: number): Promise<CachedPage> {
	const bytes = Buffer.from(await response.arrayBuffer());
	const gzipped = response.headers.get('content-encoding') === 'gzip';
	const raw = gzipped ? gunzipSync(bytes) : bytes;
	const headers = [...response.headers].filter(([name]) => !TRANSFER_HEADERS.has(name.toLowerCase()));
	const etag = `W/"${createHash('sha1').update(raw).digest('base64url').slice(0, 20)}"`;
	return { storedAt: now, status: 200, headers, etag, raw, gzip: gzipped ? bytes : gzipSync(raw) };
}

export function createPublicPageCache(options: PublicPageCacheOptions): Handle {
	const now = options.now ?? Date.now;
	const pages = new Map<string, CachedPage>();
	// One render per address at a time: while it runs, the others get the page at hand.
	const rendering = new Map<string, Promise<CachedPage | undefined>>();

	return async ({ event, resolve }) => {
		const { request, url } = event;
		// A client-side navigation's data request has the page's pathname in `event.url`: not the page.
		const cacheable =
			(request.method === 'GET' || request.method === 'HEAD') &&
			!event.isDataRequest &&
			options.paths.has(url.pathname) &&
			!getSessionCookie(request);
		if (!cacheable) return resolve(event);

		const key = url.pathname + url.search;
		const kept = pages.get(key);
		const fresh = kept !== undefined && now() - kept.storedAt < options.maxAgeMs;
		if (fresh || (kept && rendering.has(key))) return answer(request, kept);

		const waiting = rendering.get(key);
		if (waiting) {
			const entry = await waiting;
			return entry ? answer(request, entry) : resolve(event);
		}
		let own: Response | undefined;
		const render = Promise.resolve(resolve(event))
			.then(async (resolved) => {
				if (!shareable(resolved)) {
					own = resolved;
					return undefined;
				}
				const entry = await store(resolved, now());
				pages.delete(key);
				pages.set(key, entry);
				if (pages.size > options.maxEntries) pages.delete(pages.keys().next().value!);
				return entry;
			})
			.finally(() => rendering.delete(key));
		rendering.set(key, render);
		const entry = await render;
		return entry ? answer(request, entry) : own!;
	};
}
