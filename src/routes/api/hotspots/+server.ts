import { getAppDatabase } from '$lib/server/db/app-database';
import { gapApiResponse, hotSpotsBody } from '$lib/server/gap-api';
import type { RequestHandler } from './$types';

/**
 * Hot and cold spots (Getis–Ord Gi*) of the digital gap, city-wide or for one commune's hamlets:
 * `?month=2026-11&commune=00004&format=json|geojson` (all optional; `weights` as for /api/gap).
 * Anonymous requests get the public figures (those on too few people withheld, $lib/suppression).
 */
export const GET: RequestHandler = async ({ request, locals }) => {
	const { db } = await getAppDatabase();
	return gapApiResponse(db, request, 'hotspots', (query) => hotSpotsBody(db, query), locals.user !== null);
};
