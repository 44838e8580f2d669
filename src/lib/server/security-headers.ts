// Headers every response carries; the Content-Security-Policy of pages comes from kit.csp
// (svelte.config.js), with its nonces and hashes.
import type { Handle } from '@sveltejs/kit';

const HEADERS = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin'
};

/** For responses kit.csp does not cover (endpoints, the fallback error page): only this site may frame them. */
const FRAME_ANCESTORS = "frame-ancestors 'self'";

export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	// Some responses (e.g. fetched ones passed through) have immutable headers: copy them then.
	const headers = response.headers;
	try {
		for (const [name, value] of Object.entries(HEADERS)) headers.set(name, value);
		if (!headers.has('content-security-policy')) headers.set('content-security-policy', FRAME_ANCESTORS);
		return response;
	} catch {
		const copy = new Response(response.body, response);
		for (const [name, value] of Object.entries(HEADERS)) copy.headers.set(name, value);
		if (!copy.headers.has('content-security-policy'))
			copy.headers.set('content-security-policy', FRAME_ANCESTORS);
		return copy;
	}
};
