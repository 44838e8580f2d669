// What the coverage map shows for a metric, classes and filters: the feature state of every hamlet and
// commune, the classes that color them, and the value a tooltip reads. Pure, so the rules are tested
// without a map; CoverageMap.svelte hands the states to MapLibre, the page's legend reads the classes.
import { HOT_SPOT_CLASSES } from '$lib/analysis/hot-spots';
import { formatNumber, formatShare } from '$lib/format';
import { GAP_FLAG_BITS } from '$lib/gap-flags';
import { METRIC_DEFINITIONS, type MetricId } from '$lib/metrics';
import { classify, type Classification, type ClassificationId } from './classification';
import type { Thematic } from './layers';
import type { HamletFilter, MapMetricId } from './view-state';

/**
 * Every hamlet's rates for one month, as parallel arrays: the map joins them to the tiles' features by
 * id with `setFeatureState`, so a new month or metric restyles the map without refetching a tile.
 */
export interface MonthValues {
	month: string;
	hamletIds: number[];
	values: Record<MetricId, (number | null)[]>;
	/** The same rates summed over each commune's hamlets, for the city-wide view. */
	communeCodes: string[];
	communeValues: Record<MetricId, (number | null)[]>;
	/**
	 * Per hamlet, why its rates are withheld from the public (`tooFewMask` in $lib/suppression): 0 for
	 * none. The withheld values are null; the map says "too few" for them rather than "no data".
	 */
	tooFew?: number[];
}

/**
 * The digital gap of every hamlet for the map, parallel to `MonthValues.hamletIds`: the index (default
 * weights), the hot-spot class as an index into HOT_SPOT_CLASSES, and the filter flags (GAP_FLAG_BITS);
 * per commune the adult-weighted mean index for the city-wide view.
 */
export interface MapGapValues {
	gap: (number | null)[];
	hotSpot: number[];
	flags: number[];
	communeGap: (number | null)[];
}

/** Feature-state key → one value per feature id, as FeatureStates.svelte sets them. */
type FeatureStateColumns = Record<string, readonly (number | boolean | string | null)[]>;

/** The flag each map filter keeps: a hamlet stays bright only with every chosen flag. */
export const HAMLET_FILTER_FLAGS = {
	rural: 'rural',
	minority: 'minority',
	largest: 'largestGapCity'
} as const satisfies Record<HamletFilter, keyof typeof GAP_FLAG_BITS>;

/**
 * Every hamlet's feature state: each rate by metric id and, with the gap, `gap`, `hotSpot` (a
 * HOT_SPOT_CLASSES name) and `hidden` for hamlets the filters leave out. Filters dim what they leave
 * out rather than remove it, so the place stays recognisable; without the gap nothing is hidden.
 */
export function hamletStates(
	values: MonthValues,
	gap: MapGapValues | null,
	only: readonly HamletFilter[]
): FeatureStateColumns {
	if (!gap) return { ...values.values };
	const required = only.reduce((bits, filter) => bits | GAP_FLAG_BITS[HAMLET_FILTER_FLAGS[filter]], 0);
	return {
		...values.values,
		gap: gap.gap,
		hotSpot: gap.hotSpot.map((index) => HOT_SPOT_CLASSES[index]!),
		hidden: gap.flags.map((flags) => (flags & required) !== required)
	};
}

/** Every commune's feature state: each rate by metric id and, with the gap, `gap`. */
export function communeStates(values: MonthValues, gap: MapGapValues | null): FeatureStateColumns {
	return gap ? { ...values.communeValues, gap: gap.communeGap } : { ...values.communeValues };
}

/** The metric's values, parallel to `values.hamletIds` (hamlets) and `values.communeCodes` (communes). */
function metricColumns(
	values: MonthValues,
	gap: MapGapValues | null,
	metric: MapMetricId
): { hamlets: readonly (number | null)[]; communes: readonly (number | null)[] } {
	if (metric !== 'gap') return { hamlets: values.values[metric], communes: values.communeValues[metric] };
	return { hamlets: gap?.gap ?? [], communes: gap?.communeGap ?? [] };
}

let lastThematic: { args: readonly unknown[]; result: Thematic } | undefined;

/**
 * How the map colors the metric: the feature-state key, the scale and the classes of the hamlets'
 * values (rates anchored on the metric's target; the gap index in points). The last answer is kept:
 * the map and its legend ask with the same arguments, and natural breaks take a while on 5,000 values.
 */
export function mapThematic(
	values: MonthValues,
	gap: MapGapValues | null,
	metric: MapMetricId,
	scheme: ClassificationId
): Thematic {
	const args = [values, gap, metric, scheme] as const;
	if (lastThematic?.args.every((arg, index) => arg === args[index])) return lastThematic.result;
	const scale = metric === 'gap' ? 'index' : 'rate';
	const target = metric === 'gap' ? null : METRIC_DEFINITIONS[metric].target;
	const classification: Classification = classify(metricColumns(values, gap, metric).hamlets, {
		scheme,
		scale,
		target
	});
	const result: Thematic = { stateKey: metric, classification, scale };
	lastThematic = { args, result };
	return result;
}

/** The metric's value of a hamlet (by id) and of a commune (by code), for tooltips; null when unknown. */
export function metricValueLookup(
	values: MonthValues,
	gap: MapGapValues | null,
	metric: MapMetricId
): { hamlet: (id: number) => number | null; commune: (code: string) => number | null } {
	const columns = metricColumns(values, gap, metric);
	const hamletIndex = new Map(values.hamletIds.map((id, index) => [id, index]));
	const communeIndex = new Map(values.communeCodes.map((code, index) => [code, index]));
	const at = (column: readonly (number | null)[], index: number | undefined) =>
		index === undefined ? null : (column[index] ?? null);
	return {
		hamlet: (id) => at(columns.hamlets, hamletIndex.get(id)),
		commune: (code) => at(columns.communes, communeIndex.get(code))
	};
}

/** A value as the tooltips write it: a share for rates, points (one decimal) for the gap index. */
export function formatMapValue(metric: MapMetricId, value: number | null): string {
	if (metric !== 'gap') return formatShare(value);
	return value === null ? '–' : formatNumber(value);
}
