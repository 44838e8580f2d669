import { getAppDatabase } from '$lib/server/db/app-database';
import { tileResponse } from '$lib/server/tiles/tile-response';
import type { RequestHandler } from './$types';

/**
 * Vector tiles of the hamlets and communes: /tiles/{hamlets|communes}/{z}/{x}/{y}.mvt?v=<version>.
 * Status codes and caching are in tileResponse.
 */
export const GET: RequestHandler = async ({ params, url, request }) =>
	tileResponse(await getAppDatabase(), {
		...params,
		version: url.searchParams.get('v'),
		ifNoneMatch: request.headers.get('if-none-match'),
		acceptEncoding: request.headers.get('accept-encoding')
	});
