import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

/** `/en/communes/…` is the route `/communes/…`; the locale is read from the URL by Paraglide. */
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;
