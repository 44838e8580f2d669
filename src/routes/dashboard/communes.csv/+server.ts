import { readCommuneTableView } from '$lib/commune-table';
import { communeTable, downloadHeaders, tableCsv } from '$lib/server/dashboard-exports';
import { cityDashboardRequest } from '$lib/server/dashboard-request';
import { withErrorPage } from '$lib/server/input-error-http';
import type { RequestHandler } from './$types';

/** The dashboard's communes table of `month`, filtered and sorted as the page's view in the URL, as CSV (UTF-8 with BOM, Vietnamese headers). */
export const GET: RequestHandler = ({ url }) =>
	withErrorPage(async () => {
		const { dashboard } = await cityDashboardRequest(url.searchParams);
		const table = communeTable(dashboard, readCommuneTableView(url.searchParams));
		return new Response(tableCsv(table), {
			headers: downloadHeaders('text/csv; charset=utf-8', `${table.fileStem}.csv`)
		});
	});
