import {
	downloadHeaders,
	exportNote,
	hamletTable,
	tableXlsx,
	XLSX_TYPE
} from '$lib/server/dashboard-exports';
import { communeDashboardRequest } from '$lib/server/dashboard-request';
import { withErrorPage } from '$lib/server/input-error-http';
import type { RequestHandler } from './$types';

/** The commune's hamlets of `month` as an Excel workbook. */
export const GET: RequestHandler = ({ params, url }) =>
	withErrorPage(async () => {
		const { dashboard, demo } = await communeDashboardRequest(params.code, url.searchParams);
		const table = hamletTable(dashboard);
		const body = await tableXlsx(table, exportNote(dashboard.month, demo));
		return new Response(body, { headers: downloadHeaders(XLSX_TYPE, `${table.fileStem}.xlsx`) });
	});
