import { getAppDatabase } from '$lib/server/db/app-database';
import { publicMapResponse } from '$lib/server/public-map';
import type { RequestHandler } from './$types';

/** GET /api/map?month=2026-11&v=… — the public map's month: every hamlet's and commune's figures and gap. */
export const GET: RequestHandler = async ({ request }) => {
	const { db } = await getAppDatabase();
	return publicMapResponse(db, request);
};
