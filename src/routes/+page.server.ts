import bbox from '@turf/bbox';
import { error } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { cityOutline } from '$lib/server/city-outline';
import { getAppDatabase } from '$lib/server/db/app-database';
import { communeLabelPoints } from '$lib/server/db/communes';
import { dataMonths } from '$lib/server/db/metrics';
import { databaseSummary } from '$lib/server/db/summary';
import { hamletDetails } from '$lib/server/hamlet-details';
import { cityGapAnalysis } from '$lib/server/gap-analysis';
import { mapGapValues } from '$lib/server/map-gap-values';
import { monthValues } from '$lib/server/month-values';
import { currentTileVersion } from '$lib/server/tiles/tile-response';
import { monthFromParam } from '$lib/months';
import type { PageServerLoad } from './$types';

/**
 * The map page reads `month` and `hamlet` from the URL here; `metric` and `classes` are read in the
 * browser, so switching them never waits for the server. SvelteKit reruns this load only when one of
 * the two parameters it read changes.
 */
export const load: PageServerLoad = async ({ url }) => {
	const { db } = await getAppDatabase();
	const months = await dataMonths(db);
	const monthParam = url.searchParams.get('month');
	const month = monthParam === null ? months.at(-1) : monthFromParam(monthParam);
	if (monthParam !== null && (month === undefined || !months.includes(month))) {
		error(400, {
			message: `Tháng “${monthParam}” không hợp lệ hoặc chưa có số liệu (viết theo dạng 2026-11).`,
			messageEn: `The month “${monthParam}” is malformed or has no data (write it as 2026-11).`
		});
	}

	const sinceParam = url.searchParams.get('since');
	const since = sinceParam === null ? undefined : monthFromParam(sinceParam);
	if (sinceParam !== null && (since === undefined || !months.includes(since) || (month && since > month))) {
		error(400, {
			message: `Tháng so sánh “${sinceParam}” không hợp lệ: cần một tháng có số liệu, không sau tháng đang xem.`,
			messageEn: `The comparison month “${sinceParam}” is invalid: it must have data and not be after the month shown.`
		});
	}

	const hamletParam = url.searchParams.get('hamlet');
	let selected = null;
	if (hamletParam !== null && month !== undefined) {
		const id = /^\d{1,9}$/.test(hamletParam) ? Number(hamletParam) : undefined;
		selected = id === undefined ? undefined : await hamletDetails(db, id, month, since);
		if (!selected) {
			error(404, {
				message: `Không tìm thấy thôn, tổ dân phố có mã “${hamletParam}”.`,
				messageEn: `No hamlet has the id “${hamletParam}”.`
			});
		}
	}

	const outline = await cityOutline();
	const [west, south, east, north] = bbox(outline);
	const values = month === undefined ? null : await monthValues(db, month);
	// The selected hamlet's gap with its decomposition; the whole analysis is cached per month.
	const selectedGap =
		selected && month !== undefined
			? ((await cityGapAnalysis(db, month)).hamlets.find((hamlet) => hamlet.id === selected.hamlet.id) ??
				null)
			: null;
	return {
		months,
		month: month ?? null,
		values,
		gap: values ? await mapGapValues(db, values) : null,
		selected,
		selectedGap,
		// In the tile URLs: while it is current, tiles are cacheable for a year (CDN), and it changes with the data.
		tileVersion: await currentTileVersion(db),
		// Deployments with internet may put a basemap under our layers; offline is the default.
		basemapStyleUrl: env.BASEMAP_STYLE_URL || null,
		cityOutline: outline,
		communeLabels: await communeLabelPoints(db),
		summary: await databaseSummary(db),
		bounds: [west, south, east, north] as [number, number, number, number]
	};
};
