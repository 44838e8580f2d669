import { communeMapShapes } from '$lib/server/dashboard';
import { cityDashboardRequest, hanoiToday } from '$lib/server/dashboard-request';
import { withErrorPage } from '$lib/server/input-error-http';
import type { PageServerLoad } from './$types';

/** The city's monthly report for `month`: the dashboard's figures on an A4 page. */
export const load: PageServerLoad = ({ url }) =>
	withErrorPage(async () => {
		const { db, dashboard, demo } = await cityDashboardRequest(url.searchParams);
		return { dashboard, demo, shapes: await communeMapShapes(db), today: hanoiToday() };
	});
