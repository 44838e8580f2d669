import { getAppDatabase } from '$lib/server/db/app-database';
import { gapApiResponse, gapBody } from '$lib/server/gap-api';
import type { RequestHandler } from './$types';

/**
 * The digital-gap index of the city's or one commune's hamlets, as JSON or GeoJSON:
 * `?month=2026-11&commune=00004&weights=skills:0.3,coverage:0.2&format=geojson` (all optional).
 * Anonymous requests get the public figures (those on too few people withheld, $lib/suppression).
 */
export const GET: RequestHandler = async ({ request, locals }) => {
	const { db } = await getAppDatabase();
	return gapApiResponse(db, request, 'gap', (query) => gapBody(db, query), locals.user !== null);
};
