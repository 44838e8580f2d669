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

/** The origin of a configured external basemap (BASEMAP_STYLE_URL), which the map fetches its style from. */
function basemapOrigin(): string | null {
	try {
		return env.BASEMAP_STYLE_URL ? new URL(env.BASEMAP_STYLE_URL).origin : null;
	} catch {
		return null;
	}
}

function secure(headers: Headers): void {
	for (const [name, value] of Object.entries(HEADERS)) headers.set(name, value);
	const policy = headers.get('content-security-policy');
	const basemap = basemapOrigin();
	if (!policy) headers.set('content-security-policy', FRAME_ANCESTORS);
	else if (basemap)
		headers.set('content-security-policy', policy.replace('connect-src', `connect-src ${basemap}`));
}

export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	try {
		secure(response.headers);
		return response;
	} catch {
		// A response with immutable headers (e.g. one fetched and passed through): secure a copy.
		const copy = new Response(response.body, response);
		secure(copy.headers);
		return copy;
	}
};
