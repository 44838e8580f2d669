// Headers every response carries. The Content-Security-Policy of pages comes from kit.csp
// (svelte.config.js) with its nonces and hashes; here it gets the basemap's origin, known only at run time.
import { env } from '$env/dynamic/private';
import type { Handle } from '@sveltejs/kit';

const HEADERS = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin'
};

/** For responses kit.csp does not cover (endpoints, redirects): only this site may frame them. */
const FRAME_ANCESTORS = "frame-ancestors 'self'";

/** The embed may be framed by any site (it is made for that), in either language. */
const EMBED_PAGES = /^(\/en)?\/embed$/;

/** What anyone may read, from any origin, without credentials (CORS `*`): the tiles and the read-only JSON. */
const PUBLIC_READ = /^\/(tiles\/|api\/(map|gap|hotspots|search|activities\/clusters)$|oembed$)/;

/** What the embed loads from our routes (the rest are static files): framable like the embed itself. */
const EMBED_RESOURCES = /^\/(tiles\/|api\/map$)/;

/** Whether `pathname` is framable by any site (`frame-ancestors *`): the embed and what it loads. */
function framableAnywhere(pathname: string): boolean {
	return EMBED_PAGES.test(pathname) || EMBED_RESOURCES.test(pathname);
}

/** The origin of a configured external basemap (BASEMAP_STYLE_URL), which the map fetches its style from. */
function basemapOrigin(): string | null {
	try {
		return env.BASEMAP_STYLE_URL ? new URL(env.BASEMAP_STYLE_URL).origin : null;
	} catch {
		return null;
	}
}

function secure(headers: Headers, pathname: string, method: string): void {
	for (const [name, value] of Object.entries(HEADERS)) headers.set(name, value);
	let policy = headers.get('content-security-policy') ?? FRAME_ANCESTORS;
	const basemap = basemapOrigin();
	if (basemap) policy = policy.replace('connect-src', `connect-src ${basemap}`);
	if (framableAnywhere(pathname)) policy = policy.replace("frame-ancestors 'self'", 'frame-ancestors *');
	headers.set('content-security-policy', policy);
	if (PUBLIC_READ.test(pathname) && (method === 'GET' || method === 'HEAD')) {
		headers.set('access-control-allow-origin', '*');
		headers.set('access-control-expose-headers', 'ETag, Retry-After');
	}
}

export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const { pathname } = event.url;
	try {
		secure(response.headers, pathname, event.request.method);
		return response;
	} catch {
		// A response with immutable headers (e.g. one fetched and passed through): secure a copy.
		const copy = new Response(response.body, response);
		secure(copy.headers, pathname, event.request.method);
		return copy;
	}
};
