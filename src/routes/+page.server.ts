import bbox from '@turf/bbox';
import { env } from '$env/dynamic/private';
import { readHamletParam, readMonthParam, MONTH_WORDINGS, unknownHamletError } from '$lib/params';
import { getAppDatabase } from '$lib/server/db/app-database';
import { cityOutlineCollection } from '$lib/server/db/city-outline';
import { communeLabelPoints } from '$lib/server/db/communes';
import { dataMonths } from '$lib/server/db/metrics';
import { databaseSummary } from '$lib/server/db/summary';
import { hamletDetails } from '$lib/server/hamlet-details';
import { cityGapAnalysis } from '$lib/server/gap-analysis';
import { withErrorPage } from '$lib/server/input-error-http';
import { mapGapValues } from '$lib/server/map-gap-values';
import { monthValues } from '$lib/server/month-values';
import { currentTileVersion } from '$lib/server/tiles/tile-response';
import type { PageServerLoad } from './$types';

/**
 * The map page reads `month` and `hamlet` from the URL here; `metric` and `classes` are read in the
 * browser, so switching them never waits for the server. SvelteKit reruns this load only when one of
 * the two parameters it read changes.
 */
export const load: PageServerLoad = ({ url }) => withErrorPage(() => mapData(url.searchParams));

/** The map's data; a bad month or comparison month is refused (400), an unknown hamlet too (404). */
async function mapData(search: URLSearchParams) {
	const { db } = await getAppDatabase();
	const months = await dataMonths(db);
	const month = readMonthParam(search, months, { absent: 'latest-or-none', wording: MONTH_WORDINGS.page });
	const since = readMonthParam(search, months, {
		name: 'since',
		absent: 'none',
		notAfter: month,
		wording: MONTH_WORDINGS.since
	});

	// Without data there is no month to show a hamlet in: the parameter is ignored, as the map shows nothing.
	const hamletId = month === undefined ? undefined : readHamletParam(search);
	let selected = null;
	if (hamletId !== undefined && month !== undefined) {
		selected = await hamletDetails(db, hamletId, month, since);
		if (!selected) throw unknownHamletError(search.get('hamlet')!);
	}

	const outline = await cityOutlineCollection(db);
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
}
