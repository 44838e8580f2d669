import { readCommuneTableView } from '$lib/commune-table';
import {
	communeTable,
	downloadHeaders,
	exportNote,
	tableXlsx,
	XLSX_TYPE
} from '$lib/server/dashboard-exports';
import { cityDashboardRequest } from '$lib/server/dashboard-request';
import { withErrorPage } from '$lib/server/input-error-http';
import type { RequestHandler } from './$types';

/** The dashboard's communes table of `month`, filtered and sorted as the page's view in the URL, as an Excel workbook. */
export const GET: RequestHandler = ({ url }) =>
	withErrorPage(async () => {
		const { dashboard, demo } = await cityDashboardRequest(url.searchParams);
		const table = communeTable(dashboard, readCommuneTableView(url.searchParams));
		const body = await tableXlsx(table, exportNote(dashboard.month, demo));
		return new Response(body, { headers: downloadHeaders(XLSX_TYPE, `${table.fileStem}.xlsx`) });
	});
