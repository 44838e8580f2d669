import { readCommuneTableView } from '$lib/commune-table';
import { communeMapShapes } from '$lib/server/dashboard';
import { cityDashboardRequest, hanoiToday } from '$lib/server/dashboard-request';
import { withErrorPage } from '$lib/server/input-error-http';
import type { PageServerLoad } from './$types';

/**
 * The city's monthly report for `month`: the dashboard's figures on an A4 page, its communes as the
 * dashboard's view in the URL filters them (the report states the filter).
 */
export const load: PageServerLoad = ({ url }) =>
	withErrorPage(async () => {
		const view = readCommuneTableView(url.searchParams);
		const { db, dashboard, demo } = await cityDashboardRequest(url.searchParams);
		return { dashboard, demo, view, shapes: await communeMapShapes(db), today: hanoiToday() };
	});
