// The data table under the map (DHIS2's "data table"): the rows of the level the map draws (communes at
// city zoom, the hamlets in view when zoomed in), sorted, filtered, paged and written as CSV. Pure, so
// the rules are tested without a map; MapDataTable.svelte shows them and keeps them in sync with the map.
// The CSV is map-table-csv.ts, loaded when asked for.
import { formatNumber } from './format';
import { GAP_FLAG_BITS } from './gap-flags';
import type { MapGapValues, MonthValues } from './map/map-states';
import type { MapMetricId } from './map/view-state';
import { METRIC_DEFINITIONS, METRICS } from './metrics';
import { m } from './paraglide/messages';
import type { Locale } from './paraglide/runtime';
import { tooFewToPublish } from './suppression';
import { foldVietnamese } from './text';

/** What the map draws, and so what the table lists. */
export type TableLevel = 'commune' | 'hamlet';

/** A figure of a row: its value, or why there is none to show. */
export interface TableCell {
	/** A share for the rates, index points for the gap; null when withheld, not applicable or missing. */
	value: number | null;
	/** Too few households or surveyed adults to publish (`tooFewToPublish`): "ít số liệu". */
	withheld: boolean;
	/** E-payment in a rural hamlet: the target counts urban adults only. */
	notApplicable: boolean;
}

export interface TableRow {
	level: TableLevel;
	/** The commune's code or the hamlet's id, as text: unique within a level. */
	key: string;
	/** The feature's id in the tiles (a commune's is `Number(code)`), for feature state. */
	featureId: number;
	name: string;
	/** The commune a hamlet lies in; empty for a commune. */
	communeName: string;
	/** Null where the map does not know it (communes; minority without the gap analysis). */
	rural: boolean | null;
	minority: boolean | null;
	cells: Record<MapMetricId, TableCell>;
	/** Name and commune without diacritics or case, for the text filter. */
	folded: string;
}

/** A hamlet as the map's tiles describe it: enough to name its row. */
export interface HamletFeatureInfo {
	id: number;
	name: string;
	communeCode: string;
	rural: boolean;
}

/** The figure columns: every rate, and the gap index when the month has one. */
export function tableColumns(gap: MapGapValues | null): MapMetricId[] {
	return gap ? [...METRICS, 'gap'] : [...METRICS];
}

const EMPTY_CELL: TableCell = { value: null, withheld: false, notApplicable: false };

/** Every commune of the month, named from `communeNames` (code → "Phường Ba Đình"). */
export function communeTableRows(
	values: MonthValues,
	gap: MapGapValues | null,
	communeNames: ReadonlyMap<string, string>
): TableRow[] {
	return values.communeCodes.map((code, index) => {
		// A commune whose hamlets are all rural (a xã): the urban-only target does not apply, as on the map.
		const rural = values.communeRural[index] === 1;
		const cells = Object.fromEntries(
			METRICS.map((metric) => {
				const notApplicable = METRIC_DEFINITIONS[metric].urbanOnly && rural;
				const value = notApplicable ? null : (values.communeValues[metric][index] ?? null);
				return [metric, { ...EMPTY_CELL, value, notApplicable }];
			})
		) as Record<MapMetricId, TableCell>;
		cells.gap = { ...EMPTY_CELL, value: gap?.communeGap[index] ?? null };
		const name = communeNames.get(code) ?? code;
		return {
			level: 'commune',
			key: code,
			featureId: Number(code),
			name,
			communeName: '',
			rural: null,
			minority: null,
			cells,
			folded: foldVietnamese(name)
		};
	});
}

/**
 * The given hamlets (those drawn in view), each once, with the month's figures: a figure withheld from
 * the public is marked so, never shown as a rate; hamlets without figures this month are left out.
 */
export function hamletTableRows(
	values: MonthValues,
	gap: MapGapValues | null,
	hamlets: readonly HamletFeatureInfo[],
	communeNames: ReadonlyMap<string, string>
): TableRow[] {
	const indexOf = new Map(values.hamletIds.map((id, index) => [id, index]));
	const rows = new Map<number, TableRow>();
	for (const hamlet of hamlets) {
		const index = indexOf.get(hamlet.id);
		if (index === undefined || rows.has(hamlet.id)) continue;
		const mask = values.tooFew?.[index] ?? 0;
		const cell = (metric: MapMetricId, value: number | null | undefined): TableCell => {
			const withheld = tooFewToPublish(metric, mask);
			const notApplicable = metric !== 'gap' && METRIC_DEFINITIONS[metric].urbanOnly && hamlet.rural;
			return { value: withheld || notApplicable ? null : (value ?? null), withheld, notApplicable };
		};
		const cells = Object.fromEntries(
			METRICS.map((metric) => [metric, cell(metric, values.values[metric][index])])
		) as Record<MapMetricId, TableCell>;
		cells.gap = cell('gap', gap?.gap[index]);
		const communeName = communeNames.get(hamlet.communeCode) ?? hamlet.communeCode;
		rows.set(hamlet.id, {
			level: 'hamlet',
			key: String(hamlet.id),
			featureId: hamlet.id,
			name: hamlet.name,
			communeName,
			rural: hamlet.rural,
			minority: gap ? ((gap.flags[index] ?? 0) & GAP_FLAG_BITS.minority) !== 0 : null,
			cells,
			folded: foldVietnamese(`${hamlet.name} ${communeName}`)
		});
	}
	return [...rows.values()];
}

/** A column to sort by: the name, the commune, or a figure. */
export type SortKey = 'name' | 'commune' | MapMetricId;

export interface TableSort {
	key: SortKey;
	direction: 'ascending' | 'descending';
}

const collator = new Intl.Collator('vi', { numeric: true });

/**
 * The rows sorted by one column; rows without a figure (withheld, not applicable, missing) go last in
 * either direction, so the lowest and the highest real values are always on top. Ties go by name.
 */
export function sortTableRows(rows: readonly TableRow[], sort: TableSort): TableRow[] {
	const sign = sort.direction === 'ascending' ? 1 : -1;
	const byName = (a: TableRow, b: TableRow) => collator.compare(a.name, b.name) || a.key.localeCompare(b.key);
	return [...rows].sort((a, b) => {
		if (sort.key === 'name') return sign * byName(a, b);
		if (sort.key === 'commune') return sign * collator.compare(a.communeName, b.communeName) || byName(a, b);
		const x = a.cells[sort.key].value;
		const y = b.cells[sort.key].value;
		if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
		return sign * (x - y) || byName(a, b);
	});
}

export interface TableFilter {
	/** Matched against name and commune, ignoring diacritics and case ("ba dinh" finds "Ba Đình"). */
	text: string;
	/** Only rural hamlets; only hamlets in ethnic-minority areas. Rows that do not know pass. */
	rural: boolean;
	minority: boolean;
}

/** The rows the filter keeps, in their order. */
export function filterTableRows(rows: readonly TableRow[], filter: TableFilter): TableRow[] {
	const text = foldVietnamese(filter.text);
	return rows.filter(
		(row) =>
			(text === '' || row.folded.includes(text)) &&
			(!filter.rural || row.rural !== false) &&
			(!filter.minority || row.minority !== false)
	);
}

/** One page of rows (`page` from 0, clamped to the pages there are) and how many pages there are. */
export function tablePage<T>(
	rows: readonly T[],
	page: number,
	size: number
): { rows: T[]; page: number; pages: number } {
	const pages = Math.max(1, Math.ceil(rows.length / size));
	const current = Math.min(Math.max(0, page), pages - 1);
	return { rows: rows.slice(current * size, (current + 1) * size), page: current, pages };
}

/** The page a row is on, or undefined when the rows do not hold it. */
export function pageOfRow(rows: readonly TableRow[], key: string, size: number): number | undefined {
	const index = rows.findIndex((row) => row.key === key);
	return index < 0 ? undefined : Math.floor(index / size);
}

/** A figure as the table shows it. */
export function formatTableCell(metric: MapMetricId, cell: TableCell, locale?: Locale): string {
	if (cell.withheld) return m.map_too_few({}, { locale });
	if (cell.notApplicable) return m.table_not_applicable({}, { locale });
	if (cell.value === null) return '–';
	return metric === 'gap'
		? formatNumber(cell.value, { maximumFractionDigits: 1 }, locale)
		: formatNumber(cell.value, { style: 'percent', maximumFractionDigits: 1 }, locale);
}
