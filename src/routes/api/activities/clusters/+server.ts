import { activityClustersResponse } from '$lib/server/activity-clusters-request';
import { getAppDatabase } from '$lib/server/db/app-database';
import type { RequestHandler } from './$types';

/** Outreach activities of one month as clusters and single points (GeoJSON), for the map. */
export const GET: RequestHandler = async ({ url, request }) => {
	const { db } = await getAppDatabase();
	return activityClustersResponse(db, url, request);
};
