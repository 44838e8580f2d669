// The dashboard's communes table as a view: which rate it charts, its filters, its search and its sort.
// The view lives in the URL (shareable, back/forward), and the same reading filters and sorts the page's
// table, the exports and the monthly report, which state it in words.
import type { CommuneRow } from './dashboard';
import type { UnitType } from './domain';
import { InputError } from './input-error';
import { kpiLabel, unitTypeName } from './labels';
import { monthParam } from './months';
import { readChoiceParam, readTextParam } from './params';
import { DASHBOARD_KPIS, type KpiId } from './target-progress';
import { foldVietnamese } from './text';
import { m } from './paraglide/messages';
import type { Locale } from './paraglide/runtime';

const COMMUNE_SORT_KEYS = [
	'name',
	...DASHBOARD_KPIS,
	'gapIndex',
	'hotSpotHamlets',
	'elderlyReached',
	'minorityPeopleReached',
	'minorityCoverage'
] as const;
export type CommuneSortKey = (typeof COMMUNE_SORT_KEYS)[number];

/** The URL's unit values: ASCII, so a link survives any mail client. */
const UNIT_PARAMS = { all: 'all', phuong: 'phường', xa: 'xã' } as const satisfies Record<
	string,
	UnitType | 'all'
>;
type UnitParam = keyof typeof UNIT_PARAMS;

export interface CommuneTableView {
	/** The rate the sparklines and the small map show. */
	kpi: KpiId;
	unit: UnitType | 'all';
	/** Only designated minority areas. */
	minority: boolean;
	/** Only communes off track on some target. */
	offTrack: boolean;
	/** Searched in name and code, diacritics ignored. */
	query: string;
	sort: CommuneSortKey;
	descending: boolean;
}

/** The longest search the table takes (a commune's full name is under 40 characters). */
const MAX_QUERY = 100;

/** Counts and the gap index sort largest first; names and rates from the lowest, the laggards. */
export function defaultDescending(key: CommuneSortKey): boolean {
	return key === 'gapIndex' || key === 'hotSpotHamlets';
}

export const DEFAULT_VIEW: CommuneTableView = {
	kpi: 'skills',
	unit: 'all',
	minority: false,
	offTrack: false,
	query: '',
	sort: 'gapIndex',
	descending: true
};

/** The view's parameters, read by {@link readCommuneTableView}. */
const VIEW_PARAMS = ['kpi', 'unit', 'minority', 'offtrack', 'q', 'sort', 'order'] as const;

const flag = (params: URLSearchParams, name: string): boolean =>
	readChoiceParam(params, name, ['0', '1'] as const, '0', (text) => ({
		code: 'invalid-flag',
		message: {
			vi: `Tham số ${name} chỉ nhận 1 (bật) hoặc 0 (tắt), không phải "${text}"`,
			en: `The ${name} parameter takes 1 (on) or 0 (off), not "${text}"`
		}
	})) === '1';

const choiceRefusal = (name: string, values: readonly string[]) => (text: string) => ({
	code: `invalid-${name}`,
	message: {
		vi: `Tham số ${name} không hợp lệ: "${text}" (dùng ${values.join(', ')})`,
		en: `Invalid ${name} parameter: "${text}" (use ${values.join(', ')})`
	}
});

/** The table's view from a URL's parameters; a value it does not know is refused (InputError, 400). */
export function readCommuneTableView(params: URLSearchParams): CommuneTableView {
	const kpi = readChoiceParam(
		params,
		'kpi',
		DASHBOARD_KPIS,
		DEFAULT_VIEW.kpi,
		choiceRefusal('kpi', DASHBOARD_KPIS)
	);
	const units = Object.keys(UNIT_PARAMS) as UnitParam[];
	const unit = UNIT_PARAMS[readChoiceParam(params, 'unit', units, 'all', choiceRefusal('unit', units))];
	const sort = readChoiceParam(
		params,
		'sort',
		COMMUNE_SORT_KEYS,
		DEFAULT_VIEW.sort,
		choiceRefusal('sort', COMMUNE_SORT_KEYS)
	);
	const orders = ['asc', 'desc'] as const;
	const order = params.has('order')
		? readChoiceParam(params, 'order', orders, 'asc', choiceRefusal('order', orders))
		: undefined;
	return {
		kpi,
		unit,
		minority: flag(params, 'minority'),
		offTrack: flag(params, 'offtrack'),
		query: (readTextParam(params, 'q', MAX_QUERY) ?? '').trim(),
		sort,
		descending: order === undefined ? defaultDescending(sort) : order === 'desc'
	};
}

/** The same, for the browser: a hand-edited link it cannot read shows the default view rather than failing. */
export function communeTableViewOrDefault(params: URLSearchParams): CommuneTableView {
	try {
		return readCommuneTableView(params);
	} catch (thrown) {
		if (thrown instanceof InputError) return DEFAULT_VIEW;
		throw thrown;
	}
}

/** The view as URL parameters, defaults left out (so the plain dashboard keeps its plain address). */
export function communeTableParams(view: CommuneTableView): [string, string][] {
	const params: [string, string][] = [];
	if (view.kpi !== DEFAULT_VIEW.kpi) params.push(['kpi', view.kpi]);
	if (view.unit !== 'all') params.push(['unit', view.unit === 'phường' ? 'phuong' : 'xa']);
	if (view.minority) params.push(['minority', '1']);
	if (view.offTrack) params.push(['offtrack', '1']);
	if (view.query) params.push(['q', view.query]);
	if (view.sort !== DEFAULT_VIEW.sort) params.push(['sort', view.sort]);
	if (view.descending !== defaultDescending(view.sort))
		params.push(['order', view.descending ? 'desc' : 'asc']);
	return params;
}

/** `params` with the view's parameters replaced by `view`'s (other parameters, e.g. the month, kept). */
export function withCommuneTableView(params: URLSearchParams, view: CommuneTableView): URLSearchParams {
	const next = new URLSearchParams(
		[...params].filter(([name]) => !(VIEW_PARAMS as readonly string[]).includes(name))
	);
	for (const [name, value] of communeTableParams(view)) next.append(name, value);
	return next;
}

/** `path` for `month` with the view's parameters: the exports, the report and the way back keep the view. */
export function viewHref<Path extends string>(path: Path, month: string, view: CommuneTableView): Path {
	const params = new URLSearchParams([['month', monthParam(month)], ...communeTableParams(view)]);
	return `${path}?${params}` as Path;
}

/** Whether the view leaves some commune out. */
export function isFiltered(view: CommuneTableView): boolean {
	return view.unit !== 'all' || view.minority || view.offTrack || view.query !== '';
}

/** The rows the view keeps. */
export function filterCommunes(rows: readonly CommuneRow[], view: CommuneTableView): CommuneRow[] {
	const folded = foldVietnamese(view.query);
	return rows.filter(
		(row) =>
			(view.unit === 'all' || row.unitType === view.unit) &&
			(!view.minority || row.minorityArea) &&
			(!view.offTrack || row.offTrack) &&
			(!folded || foldVietnamese(`${row.fullName} ${row.code}`).includes(folded))
	);
}

function sortValue(row: CommuneRow, key: CommuneSortKey): number | string | null {
	switch (key) {
		case 'name':
			return row.name;
		case 'gapIndex':
		case 'hotSpotHamlets':
		case 'elderlyReached':
		case 'minorityPeopleReached':
		case 'minorityCoverage':
			return row[key];
		default:
			return row.kpis[key].value;
	}
}

/** The rows in the view's order; missing values last whichever the direction, ties by code. */
export function sortCommunes(rows: readonly CommuneRow[], view: CommuneTableView): CommuneRow[] {
	const direction = view.descending ? -1 : 1;
	return [...rows].sort((a, b) => {
		const x = sortValue(a, view.sort);
		const y = sortValue(b, view.sort);
		if (x === null || y === null) return x === y ? a.code.localeCompare(b.code) : x === null ? 1 : -1;
		const order = typeof x === 'string' ? x.localeCompare(String(y), 'vi') : x - (y as number);
		return order * direction || a.code.localeCompare(b.code);
	});
}

/** The view applied: the rows kept, in order. */
export function communeTableRows(rows: readonly CommuneRow[], view: CommuneTableView): CommuneRow[] {
	return sortCommunes(filterCommunes(rows, view), view);
}

/** A sort key's name in words. */
function sortKeyLabel(key: CommuneSortKey, locale: Locale): string {
	switch (key) {
		case 'name':
			return m.dashboard_col_commune({}, { locale });
		case 'gapIndex':
			return m.dashboard_col_gap({}, { locale });
		case 'hotSpotHamlets':
			return m.dashboard_col_hot_spots({}, { locale });
		case 'elderlyReached':
			return m.dashboard_col_elderly({}, { locale });
		case 'minorityPeopleReached':
			return m.dashboard_col_minority_people({}, { locale });
		case 'minorityCoverage':
			return m.dashboard_col_minority({}, { locale });
		default:
			return kpiLabel(key, 'short', locale);
	}
}

/** The view in words, as the exports and the report state it: "Bộ lọc: xã; …. Sắp xếp: …". */
export function describeCommuneTableView(view: CommuneTableView, locale: Locale): string {
	const filters = [
		view.unit === 'all' ? null : unitTypeName(view.unit, locale),
		view.minority ? m.dashboard_filter_minority({}, { locale }) : null,
		view.offTrack ? m.dashboard_filter_off_track({}, { locale }) : null,
		view.query ? m.view_search({ query: view.query }, { locale }) : null
	].filter((part) => part !== null);
	return m.view_description(
		{
			filters: filters.length ? filters.join('; ') : m.view_no_filter({}, { locale }),
			sort: sortKeyLabel(view.sort, locale),
			order: view.descending ? m.view_descending({}, { locale }) : m.view_ascending({}, { locale })
		},
		{ locale }
	);
}
