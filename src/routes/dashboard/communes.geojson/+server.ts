import { readCommuneTableView } from '$lib/commune-table';
import { communeTable, downloadHeaders, GEOJSON_TYPE, tableGeoJson } from '$lib/server/dashboard-exports';
import { cityDashboardRequest } from '$lib/server/dashboard-request';
import { communeGeometries } from '$lib/server/dashboard';
import { withErrorPage } from '$lib/server/input-error-http';
import type { RequestHandler } from './$types';

/** Every commune's outline with the month's figures (the CSV's columns), filtered as the page's view, as RFC 7946 GeoJSON. */
export const GET: RequestHandler = ({ url }) =>
	withErrorPage(async () => {
		const { db, dashboard } = await cityDashboardRequest(url.searchParams);
		const table = communeTable(dashboard, readCommuneTableView(url.searchParams));
		const geometries = await communeGeometries(db);
		const collection = tableGeoJson(
			table,
			(row) => geometries.get(row.code),
			(row) => row.code
		);
		return new Response(JSON.stringify(collection), {
			headers: downloadHeaders(GEOJSON_TYPE, `${table.fileStem}.geojson`)
		});
	});
