import { communeMapShapes } from '$lib/server/dashboard';
import { cityDashboardRequest } from '$lib/server/dashboard-request';
import { withErrorPage } from '$lib/server/input-error-http';
import type { PageServerLoad } from './$types';

/** The city's dashboard for `month` (the latest by default; a bad one is a 400 page). */
export const load: PageServerLoad = ({ url }) =>
	withErrorPage(async () => {
		const { db, dashboard, demo } = await cityDashboardRequest(url.searchParams);
		return { dashboard, demo, shapes: await communeMapShapes(db) };
	});
