import { downloadHeaders, hamletTable, tableCsv } from '$lib/server/dashboard-exports';
import { communeDashboardRequest } from '$lib/server/dashboard-request';
import { withErrorPage } from '$lib/server/input-error-http';
import type { RequestHandler } from './$types';

/** The commune's hamlets of `month` as CSV (UTF-8 with BOM, Vietnamese headers). */
export const GET: RequestHandler = ({ params, url }) =>
	withErrorPage(async () => {
		const { dashboard } = await communeDashboardRequest(params.code, url.searchParams);
		const table = hamletTable(dashboard);
		return new Response(tableCsv(table), {
			headers: downloadHeaders('text/csv; charset=utf-8', `${table.fileStem}.csv`)
		});
	});
