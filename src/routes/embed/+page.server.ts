import { env } from '$env/dynamic/private';
import { publicMapDataUrl } from '$lib/public-map';
import { MONTH_WORDINGS, readCommuneCodeParam, readMonthParam, unknownCommuneError } from '$lib/params';
import { getAppDatabase } from '$lib/server/db/app-database';
import { findCommune } from '$lib/server/db/communes';
import { withErrorPage } from '$lib/server/input-error-http';
import { publicMapShell, publicMapSnapshot } from '$lib/server/public-map';
import type { PageServerLoad } from './$types';

/**
 * The map for an iframe: the month's public figures (the same versioned JSON as `/`), framed on the
 * city or on `?commune=09700`. `metric`, `classes` and `controls` are read in the browser.
 */
export const load: PageServerLoad = ({ url }) => withErrorPage(() => embedData(url.searchParams));

async function embedData(search: URLSearchParams) {
	const { db } = await getAppDatabase();
	const shell = await publicMapShell(db);
	const month = readMonthParam(search, shell.months, {
		absent: 'latest-or-none',
		wording: MONTH_WORDINGS.page
	});
	const communeCode = readCommuneCodeParam(search);
	const commune = communeCode === undefined ? null : await findCommune(db, communeCode);
	if (communeCode !== undefined && !commune) throw unknownCommuneError(communeCode);
	const snapshot = month === undefined ? null : await publicMapSnapshot(db, month);
	return {
		months: shell.months,
		month: month ?? null,
		mapDataUrl: month !== undefined && snapshot ? publicMapDataUrl(month, snapshot.version) : null,
		commune: commune && { code: commune.code, fullName: commune.fullName },
		tileVersion: shell.tileVersion,
		basemapStyleUrl: env.BASEMAP_STYLE_URL || null,
		cityOutline: shell.cityOutline,
		communeLabels: shell.communeLabels,
		demo: shell.summary.demoRows > 0,
		approximateHamlets: shell.approximateHamlets,
		demoTitles: shell.summary.datasets
			.filter((dataset) => dataset.kind === 'demo')
			.map((dataset) => dataset.title),
		bounds: (commune && shell.communeBounds.get(commune.code)) ?? shell.bounds
	};
}
