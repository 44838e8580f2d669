import { readStrictParams } from '$lib/params';
import { getAppDatabase } from '$lib/server/db/app-database';
import { answerJson } from '$lib/server/input-error-http';
import { tileResponse } from '$lib/server/tiles/tile-response';
import type { RequestHandler } from './$types';

/**
 * Vector tiles of the hamlets and communes: /tiles/{hamlets|communes}/{z}/{x}/{y}.mvt?v=<version>.
 * Status codes and caching are in tileResponse; `v` is the only parameter.
 */
export const GET: RequestHandler = ({ params, url, request }) =>
	answerJson(async () =>
		tileResponse(await getAppDatabase(), {
			...params,
			version: readStrictParams(url.searchParams, ['v']).v ?? null,
			ifNoneMatch: request.headers.get('if-none-match'),
			acceptEncoding: request.headers.get('accept-encoding')
		})
	);
