import { env } from '$env/dynamic/private';
import { InputError } from '$lib/input-error';
import type { MapNotice } from '$lib/map-notice';
import { readCommuneCodeParam, readHamletParam, readMonthParam, MONTH_WORDINGS } from '$lib/params';
import { publicMapDataUrl } from '$lib/public-map';
import { getAppDatabase } from '$lib/server/db/app-database';
import { hamletDetails } from '$lib/server/hamlet-details';
import { cityGapAnalysis } from '$lib/server/gap-analysis';
import { withErrorPage } from '$lib/server/input-error-http';
import { publicMapShell, publicMapSnapshot } from '$lib/server/public-map';
import { communePlaces } from '$lib/server/search';
import type { PageServerLoad } from './$types';

/**
 * The map page reads `month`, `hamlet` and `commune` from the URL here; `metric` and `classes` are read in the
 * browser, so switching them never waits for the server. SvelteKit reruns this load only when one of
 * the parameters it read changes. The month's figures are not in the page: it fetches them from
 * their versioned URL (GET /api/map), computed once for every viewer, so the shell stays small.
 */
export const load: PageServerLoad = ({ url }) => withErrorPage(() => mapData(url.searchParams));

/** `read()`, or `fallback` when it refuses the input, noting what was set aside. */
function orNotice<T>(read: () => T, fallback: () => T, notice: () => MapNotice, notices: MapNotice[]): T {
	try {
		return read();
	} catch (thrown) {
		if (!(thrown instanceof InputError)) throw thrown;
		notices.push(notice());
		return fallback();
	}
}

/**
 * The map's data. A shared link is not refused for what the map cannot show: a bad month shows the
 * latest one, a bad comparison month the default, an unknown hamlet or commune none, each with a notice
 * (`notices`) on the map. The machine endpoints (/api/*) stay strict.
 */
async function mapData(search: URLSearchParams) {
	const { db } = await getAppDatabase();
	const shell = await publicMapShell(db);
	const { months } = shell;
	const notices: MapNotice[] = [];
	const latest = () => readMonthParam(new URLSearchParams(), months, { absent: 'latest-or-none' });
	const month = orNotice(
		() => readMonthParam(search, months, { absent: 'latest-or-none', wording: MONTH_WORDINGS.page }),
		latest,
		() => ({ kind: 'month', text: search.get('month')!, shown: months.at(-1) ?? null }),
		notices
	);
	const since = orNotice(
		() =>
			readMonthParam(search, months, {
				name: 'since',
				absent: 'none',
				notAfter: month,
				wording: MONTH_WORDINGS.since
			}),
		() => undefined,
		() => ({ kind: 'since', text: search.get('since')! }),
		notices
	);

	// Without data there is no month to show a hamlet in: the parameter is ignored, as the map shows nothing.
	const hamletId =
		month === undefined
			? undefined
			: orNotice(
					() => readHamletParam(search),
					() => undefined,
					() => ({ kind: 'hamlet', text: search.get('hamlet')! }),
					notices
				);
	let selected = null;
	if (hamletId !== undefined && month !== undefined) {
		selected = await hamletDetails(db, hamletId, month, since);
		if (!selected) notices.push({ kind: 'hamlet', text: search.get('hamlet')! });
	}
	// The commune panel lists the commune's hamlets, so that a keyboard reaches each of them.
	const communeNotice = (): MapNotice => ({ kind: 'commune', text: search.get('commune')! });
	const communeCode = orNotice(
		() => readCommuneCodeParam(search),
		() => undefined,
		communeNotice,
		notices
	);
	const selectedCommune = communeCode === undefined ? null : await communePlaces(db, communeCode);
	if (communeCode !== undefined && !selectedCommune) notices.push(communeNotice());
	// The selected hamlet's gap with its decomposition; the whole analysis is cached per month.
	const selectedGap =
		selected && month !== undefined
			? ((await cityGapAnalysis(db, month)).hamlets.find((hamlet) => hamlet.id === selected.hamlet.id) ??
				null)
			: null;
	const snapshot = month === undefined ? null : await publicMapSnapshot(db, month);
	return {
		months,
		month: month ?? null,
		notices,
		mapDataUrl: month !== undefined && snapshot ? publicMapDataUrl(month, snapshot.version) : null,
		selected,
		selectedGap,
		selectedCommune,
		// In the tile URLs: while it is current, tiles are cacheable for a year (CDN); it changes with boundaries only.
		tileVersion: shell.tileVersion,
		// Deployments with internet may put a basemap under our layers; offline is the default.
		basemapStyleUrl: env.BASEMAP_STYLE_URL || null,
		cityOutline: shell.cityOutline,
		communeLabels: shell.communeLabels,
		summary: shell.summary,
		approximateHamlets: shell.approximateHamlets,
		bounds: shell.bounds
	};
}
