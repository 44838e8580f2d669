import { downloadHeaders, GEOJSON_TYPE, hamletTable, tableGeoJson } from '$lib/server/dashboard-exports';
import { communeDashboardRequest } from '$lib/server/dashboard-request';
import { gapAnalysisGeometries } from '$lib/server/gap-analysis';
import { withErrorPage } from '$lib/server/input-error-http';
import type { RequestHandler } from './$types';

/** The commune's hamlets' polygons with the month's figures (the CSV's columns), as RFC 7946 GeoJSON. */
export const GET: RequestHandler = ({ params, url }) =>
	withErrorPage(async () => {
		const { db, dashboard } = await communeDashboardRequest(params.code, url.searchParams);
		const table = hamletTable(dashboard);
		const polygons = await gapAnalysisGeometries(db, dashboard.month, {
			communeCode: dashboard.commune.code
		});
		const byId = new Map(polygons.features.map((feature) => [feature.id, feature.geometry]));
		const collection = tableGeoJson(
			table,
			(row) => byId.get(row.id),
			(row) => row.id
		);
		return new Response(JSON.stringify(collection), {
			headers: downloadHeaders(GEOJSON_TYPE, `${table.fileStem}.geojson`)
		});
	});
