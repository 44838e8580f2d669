// What the coverage map shows for a metric, classes and filters: the feature state of every hamlet and
// commune, the classes that color them, and the value a tooltip reads. Pure, so the rules are tested
// without a map; CoverageMap.svelte hands the states to MapLibre, the page's legend reads the classes.
import { HOT_SPOT_CLASSES } from '$lib/analysis/hot-spots';
import { formatNumber, formatShare } from '$lib/format';
import { GAP_FLAG_BITS } from '$lib/gap-flags';
import { METRIC_DEFINITIONS, type MetricId } from '$lib/metrics';
import { tooFewToPublish } from '$lib/suppression';
import { classify, type ClassificationId, type UnitFacts } from './classification';
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
	/** Per hamlet, 1 when it is rural (`isRuralHamlet`): the urban-only e-payment target does not apply. */
	rural: number[];
	/** Per commune, 1 when every hamlet of it is rural (a xã): e-payment does not apply to it either. */
	communeRural: number[];
}

/** The units the map colors: communes below HAMLET_ZOOM (the city-wide view), hamlets from it on. */
export type MapLevel = 'communes' | 'hamlets';

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
	/**
	 * Per commune, the filter flags at city zoom (GAP_FLAG_BITS): rural for a xã, minority for a commune
	 * designated by Quyết định 201/QĐ-UBND, largest gap for the top decile of communes by their index.
	 */
	communeFlags: number[];
}

/** Feature-state key → one value per feature id, as FeatureStates.svelte sets them. */
type FeatureStateColumns = Record<string, readonly (number | boolean | string | null)[]>;

/** The flag each map filter keeps: a hamlet stays bright only with every chosen flag. */
export const HAMLET_FILTER_FLAGS = {
	rural: 'rural',
	minority: 'minority',
	largest: 'largestGapCity'
} as const satisfies Record<HamletFilter, keyof typeof GAP_FLAG_BITS>;

/** Whether each unit is left out (dimmed) by the filters: it misses one of the chosen flags. */
function hiddenBy(flags: readonly number[], only: readonly HamletFilter[]): boolean[] {
	const required = only.reduce((bits, filter) => bits | GAP_FLAG_BITS[HAMLET_FILTER_FLAGS[filter]], 0);
	return flags.map((unitFlags) => (unitFlags & required) !== required);
}

/** Whether `metric` does not apply to each unit: e-payment (urban adults only) where it is rural. */
function notApplicableOf(metric: MapMetricId, rural: readonly number[]): boolean[] {
	const urbanOnly = metric !== 'gap' && METRIC_DEFINITIONS[metric].urbanOnly;
	return rural.map((flag) => urbanOnly && flag === 1);
}

/** Whether `metric` of each hamlet is withheld from the public as based on too few people. */
function tooFewOf(values: MonthValues, metric: MapMetricId): boolean[] {
	return values.hamletIds.map((_, index) => tooFewToPublish(metric, values.tooFew?.[index] ?? 0));
}

/**
 * Every hamlet's feature state: each rate by metric id, `tooFew` and `notApplicable` for the metric
 * shown and, with the gap, `gap`, `hotSpot` (a HOT_SPOT_CLASSES name) and `hidden` for hamlets the
 * filters leave out. Filters dim what they leave out rather than remove it, so the place stays
 * recognisable; without the gap nothing is hidden.
 */
export function hamletStates(
	values: MonthValues,
	gap: MapGapValues | null,
	only: readonly HamletFilter[],
	metric: MapMetricId
): FeatureStateColumns {
	const reasons = { tooFew: tooFewOf(values, metric), notApplicable: notApplicableOf(metric, values.rural) };
	if (!gap) return { ...values.values, ...reasons };
	return {
		...values.values,
		...reasons,
		gap: gap.gap,
		hotSpot: gap.hotSpot.map((index) => HOT_SPOT_CLASSES[index]!),
		hidden: hiddenBy(gap.flags, only)
	};
}

/**
 * Every commune's feature state: each rate by metric id, `notApplicable` for the metric shown and, with
 * the gap, `gap` and `hidden` by the same filters at the commune level (`MapGapValues.communeFlags`).
 */
export function communeStates(
	values: MonthValues,
	gap: MapGapValues | null,
	only: readonly HamletFilter[],
	metric: MapMetricId
): FeatureStateColumns {
	const notApplicable = notApplicableOf(metric, values.communeRural);
	if (!gap) return { ...values.communeValues, notApplicable };
	return {
		...values.communeValues,
		notApplicable,
		gap: gap.communeGap,
		hidden: hiddenBy(gap.communeFlags, only)
	};
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

/** How the map colors each level: communes and hamlets each get classes of their own values. */
export type MapThematics = Record<MapLevel, Thematic>;

const THEMATIC_CACHE_SIZE = 4;
const thematicCache: { args: readonly unknown[]; result: MapThematics }[] = [];

/**
 * How the map colors the metric at each level: the feature-state key, the scale and the classes of the
 * level's values (rates anchored on the metric's target; the gap index in points), with withheld
 * figures and rural e-payment in classes of their own. The breaks come from every unit, so a filter
 * never recolors the map; the legend's counts are of the units the filters keep (`only`). The last
 * answers are kept: the map and its legend ask alike, and natural breaks take a while on 5,000 values.
 */
export function mapThematic(
	values: MonthValues,
	gap: MapGapValues | null,
	metric: MapMetricId,
	scheme: ClassificationId,
	only: readonly HamletFilter[] = []
): MapThematics {
	const args = [values, gap, metric, scheme, only.join(',')] as const;
	const kept = thematicCache.find((entry) => entry.args.every((arg, index) => arg === args[index]));
	if (kept) return kept.result;
	const scale = metric === 'gap' ? 'index' : 'rate';
	const target = metric === 'gap' ? null : METRIC_DEFINITIONS[metric].target;
	const urbanOnly = metric !== 'gap' && METRIC_DEFINITIONS[metric].urbanOnly;
	const columns = metricColumns(values, gap, metric);
	const level = (column: readonly (number | null)[], facts: UnitFacts): Thematic => ({
		stateKey: metric,
		classification: classify(column, { scheme, scale, target }, facts),
		scale,
		notApplicable: urbanOnly
	});
	const result: MapThematics = {
		hamlets: level(columns.hamlets, {
			tooFew: tooFewOf(values, metric),
			notApplicable: urbanOnly ? notApplicableOf(metric, values.rural) : undefined,
			counted: gap ? hiddenBy(gap.flags, only).map((hidden) => !hidden) : undefined
		}),
		communes: level(columns.communes, {
			notApplicable: urbanOnly ? notApplicableOf(metric, values.communeRural) : undefined,
			counted: gap ? hiddenBy(gap.communeFlags, only).map((hidden) => !hidden) : undefined
		})
	};
	thematicCache.unshift({ args, result });
	thematicCache.length = Math.min(thematicCache.length, THEMATIC_CACHE_SIZE);
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
