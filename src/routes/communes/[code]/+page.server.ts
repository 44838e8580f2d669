import { hamletMapShapes } from '$lib/server/dashboard';
import { communeDashboardRequest } from '$lib/server/dashboard-request';
import { withErrorPage } from '$lib/server/input-error-http';
import type { PageServerLoad } from './$types';

/** A commune's page for `month`: an unknown commune is a 404 page, a bad month a 400. */
export const load: PageServerLoad = ({ params, url }) =>
	withErrorPage(async () => {
		const { db, dashboard, demo } = await communeDashboardRequest(params.code, url.searchParams);
		return { dashboard, demo, shapes: await hamletMapShapes(db, dashboard.commune.code, dashboard.month) };
	});
