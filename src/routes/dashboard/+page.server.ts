import { readCommuneTableView } from '$lib/commune-table';
import { communeMapShapes } from '$lib/server/dashboard';
import { cityDashboardRequest } from '$lib/server/dashboard-request';
import { withErrorPage } from '$lib/server/input-error-http';
import type { PageServerLoad } from './$types';

/**
 * The city's dashboard for `month` (the latest by default; a bad one is a 400 page). The table's view
 * (filters, search, sort) is checked here too, a bad value a 400, but read untracked: changing it in the
 * browser then reruns no load, the page filters the rows it has.
 */
export const load: PageServerLoad = ({ url, untrack }) =>
	withErrorPage(async () => {
		untrack(() => readCommuneTableView(url.searchParams));
		const { db, dashboard, demo } = await cityDashboardRequest(url.searchParams);
		return { dashboard, demo, shapes: await communeMapShapes(db) };
	});
