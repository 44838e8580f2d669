import { hamletMapShapes } from '$lib/server/dashboard';
import { communeDashboardRequest, hanoiToday } from '$lib/server/dashboard-request';
import { withErrorPage } from '$lib/server/input-error-http';
import type { PageServerLoad } from './$types';

/** A commune's monthly report for `month`: its page's figures on an A4 page. */
export const load: PageServerLoad = ({ params, url }) =>
	withErrorPage(async () => {
		const { db, dashboard, demo } = await communeDashboardRequest(params.code, url.searchParams);
		const shapes = await hamletMapShapes(db, dashboard.commune.code, dashboard.month);
		return { dashboard, demo, shapes, today: hanoiToday() };
	});
