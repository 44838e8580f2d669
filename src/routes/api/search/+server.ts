import { getAppDatabase } from '$lib/server/db/app-database';
import { searchResponse } from '$lib/server/search-request';
import type { RequestHandler } from './$types';

/** GET /api/search?q=ba%20dinh&limit=8 — communes and hamlets by name, for the map's search box and others. */
export const GET: RequestHandler = async ({ request }) => {
	const { db } = await getAppDatabase();
	return searchResponse(db, request);
};
