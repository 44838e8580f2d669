// How hamlet values become legend classes and fill colors. Pure: used by the map page and its tests.
import { ckmeans, quantileSorted } from 'simple-statistics';
import { formatNumber, formatShare } from '$lib/format';
import type { Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

export const CLASSIFICATIONS = ['targets', 'quantiles', 'ckmeans'] as const;
export type ClassificationId = (typeof CLASSIFICATIONS)[number];

const CLASSIFICATION_MESSAGES = {
	targets: m.classification_targets,
	quantiles: m.classification_quantiles,
	ckmeans: m.classification_ckmeans
} as const satisfies Record<ClassificationId, unknown>;

/** 'Theo mục tiêu kế hoạch' / 'By the plan’s targets', for the classes select. */
export function classificationLabel(scheme: ClassificationId, locale: Locale = getLocale()): string {
	return CLASSIFICATION_MESSAGES[scheme]({}, { locale });
}

export function isClassificationId(value: unknown): value is ClassificationId {
	return typeof value === 'string' && (CLASSIFICATIONS as readonly string[]).includes(value);
}

/**
 * The gap index (0–100) → color, for the map's classes and the planner's continuous ramp alike:
 * ColorBrewer YlOrRd at 5 classes, one stop every 20 points from 0, and a darker red at 100 where the
 * ramp ends. It varies in lightness, so every common color-vision deficiency reads it.
 */
export const GAP_COLOR_STOPS = [
	[0, '#ffffb2'],
	[20, '#fecc5c'],
	[40, '#fd8d3c'],
	[60, '#f03b20'],
	[80, '#bd0026'],
	[100, '#67000d']
] as const satisfies readonly (readonly [index: number, color: string])[];

/**
 * ColorBrewer sequential schemes, both listed as color-blind safe at 5 classes
 * (https://colorbrewer2.org). Rates use yellow → blue (darker is closer to the target); the gap index
 * uses yellow → red (darker is a larger gap), so the two never read alike. A gap class takes the
 * color of the stop at its lower end: the five stops below 100.
 */
export const PALETTES = {
	rate: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
	gap: GAP_COLOR_STOPS.filter(([index]) => index < 100).map(([, color]) => color)
} as const;

/**
 * Outside the sequential ramps: grey for no data, magenta (no ramp uses it) for a rate above 100%, a pale
 * violet for a figure withheld as based on too few people, and a near-white under the hatch of "not
 * applicable" (e-payment in rural hamlets, whose target is for urban adults only).
 */
export const SPECIAL_CLASS_COLORS = {
	noData: '#bdbdbd',
	overFull: '#d01c8b',
	tooFew: '#cbc9e2',
	notApplicable: '#f7f7f7'
} as const;

/** The hatch drawn over "not applicable" areas: the map's image id and its stripe color. */
export const NOT_APPLICABLE_PATTERN = { id: 'hatch-not-applicable', stripe: '#8c8c8c' } as const;

type LegendClassKind = 'value' | 'over-full' | 'too-few' | 'not-applicable' | 'no-data';

interface LegendClass {
	kind: LegendClassKind;
	color: string;
	/** In the options' language: 'Dưới 43%' / 'Below 43%'. */
	label: string;
	/** How many units (hamlets, or communes at city zoom) fall in the class, for the legend. */
	count: number;
}

export interface Classification {
	/** Ascending thresholds: a value v falls in class i when breaks[i-1] ≤ v < breaks[i]. */
	breaks: number[];
	/** One color per value class: breaks.length + 1. */
	colors: string[];
	legend: LegendClass[];
}

export interface ClassifyOptions {
	scheme: ClassificationId;
	/** 'rate' for shares of 0–1 (may exceed 1 as a data problem), 'index' for the 0–100 gap index. */
	scale: 'rate' | 'index';
	/** The plan's target for a rate; null when it sets none (then 100% anchors the classes). */
	target: number | null;
	/** The legend's language; the page's by default. */
	locale?: Locale;
}

/**
 * What else is known of each unit, parallel to the values. Why a value is missing: withheld as based on
 * too few people ($lib/suppression), or not applicable (e-payment where its target does not apply);
 * given, each makes its own legend class, counted apart from "no data" (not applicable wins over too
 * few). And which units the legend counts (`counted`, the ones the filters keep; all by default): the
 * breaks always come from every value, so that a filter never recolors the map.
 */
export interface UnitFacts {
	tooFew?: readonly boolean[];
	notApplicable?: readonly boolean[];
	counted?: readonly boolean[];
}

const CLASS_COUNT = 5;
// Target-anchored classes: under half of the target, half, 70% and 85% of the way, and the target met.
// For a 100% target the breaks are 50/70/85/100%, so "below 50% coverage" is one class.
const TARGET_FRACTIONS = [0.5, 0.7, 0.85, 1];

function formatValue(value: number, scale: ClassifyOptions['scale'], locale: Locale): string {
	return scale === 'rate'
		? formatShare(value, locale)
		: formatNumber(value, { maximumFractionDigits: 1 }, locale);
}

function uniqueAscending(values: number[]): number[] {
	return [...new Set(values)].sort((a, b) => a - b);
}

function targetBreaks(options: ClassifyOptions): number[] {
	if (options.scale === 'index') return [20, 40, 60, 80];
	const target = options.target ?? 1;
	// Whole percents keep the legend readable (85% × 0.7 = 59.5% shows as 60%).
	return TARGET_FRACTIONS.map((fraction) => Math.round(target * fraction * 100) / 100);
}

function dataBreaks(sorted: number[], scheme: 'quantiles' | 'ckmeans'): number[] {
	if (sorted.length === 0) return [];
	if (scheme === 'quantiles') {
		return uniqueAscending(
			[0.2, 0.4, 0.6, 0.8].map((p) => quantileSorted(sorted, p)).filter((value) => value > sorted[0]!)
		);
	}
	const clusterCount = Math.min(CLASS_COUNT, uniqueAscending(sorted).length);
	if (clusterCount < 2) return [];
	return ckmeans(sorted, clusterCount)
		.slice(1)
		.map((cluster) => cluster[0]!);
}

/** Picks `count` colors spread across a 5-color ramp, keeping both ends. */
function spreadColors(ramp: readonly string[], count: number): string[] {
	if (count === 1) return [ramp[ramp.length - 1]!];
	return Array.from(
		{ length: count },
		(_, index) => ramp[Math.round((index * (ramp.length - 1)) / (count - 1))]!
	);
}

/**
 * Classes for one metric's values across the hamlets. Missing values get the "no data" class and, on
 * a rate, values above 100% get their own data-quality class and are left out of the data-driven
 * breaks, so one bad record neither hides nor stretches the scale.
 */
export function classify(
	values: readonly (number | null)[],
	options: ClassifyOptions,
	facts: UnitFacts = {}
): Classification {
	const isPresent = (value: number | null): value is number => value !== null && Number.isFinite(value);
	const isOverFull = (value: number) => options.scale === 'rate' && value > 1;
	const inRange = values
		.filter((value): value is number => isPresent(value) && !isOverFull(value))
		.sort((a, b) => a - b);
	const breaks = options.scheme === 'targets' ? targetBreaks(options) : dataBreaks(inRange, options.scheme);
	const colors = spreadColors(options.scale === 'rate' ? PALETTES.rate : PALETTES.gap, breaks.length + 1);

	const counts = new Array<number>(colors.length).fill(0);
	const special = { overFull: 0, tooFew: 0, notApplicable: 0, noData: 0 };
	values.forEach((value, index) => {
		if (facts.counted && !facts.counted[index]) return;
		if (isPresent(value)) {
			if (isOverFull(value)) special.overFull++;
			else counts[classIndex(value, breaks)]! += 1;
		} else if (facts.notApplicable?.[index]) special.notApplicable++;
		else if (facts.tooFew?.[index]) special.tooFew++;
		else special.noData++;
	});

	const targetMet =
		options.scheme === 'targets' && options.scale === 'rate' ? (options.target ?? 1) : undefined;
	const locale = options.locale ?? getLocale();
	const legend: LegendClass[] = colors.map((color, index) => {
		const low = breaks[index - 1];
		const high = breaks[index];
		return {
			kind: 'value',
			color,
			label: classLabel(low, high, targetMet, options.scale, locale),
			count: counts[index]!
		};
	});
	if (options.scale === 'rate') {
		legend.push({
			kind: 'over-full',
			color: SPECIAL_CLASS_COLORS.overFull,
			label: m.legend_over_full({}, { locale }),
			count: special.overFull
		});
	}
	if (facts.tooFew) {
		legend.push({
			kind: 'too-few',
			color: SPECIAL_CLASS_COLORS.tooFew,
			label: m.legend_too_few({}, { locale }),
			count: special.tooFew
		});
	}
	if (facts.notApplicable) {
		legend.push({
			kind: 'not-applicable',
			color: SPECIAL_CLASS_COLORS.notApplicable,
			label: m.legend_not_applicable({}, { locale }),
			count: special.notApplicable
		});
	}
	legend.push({
		kind: 'no-data',
		color: SPECIAL_CLASS_COLORS.noData,
		label: m.legend_no_data({}, { locale }),
		count: special.noData
	});
	return { breaks, colors, legend };
}

/** A value class's words: below the first break, between two, from the last (the target met, for rates). */
function classLabel(
	low: number | undefined,
	high: number | undefined,
	targetMet: number | undefined,
	scale: ClassifyOptions['scale'],
	locale: Locale
): string {
	const options = { locale };
	// The break equal to the plan's target says so: "35% – dưới 50% (mục tiêu)".
	const breakText = (value: number) =>
		value === targetMet
			? m.legend_target_break({ value: formatValue(value, scale, locale) }, options)
			: formatValue(value, scale, locale);
	if (low === undefined && high === undefined) return m.legend_all_values({}, options);
	if (low === undefined) return m.legend_below({ high: breakText(high!) }, options);
	if (high === undefined)
		return low === targetMet
			? m.legend_from_target_met({ low: formatValue(low, scale, locale) }, options)
			: m.legend_from({ low: breakText(low) }, options);
	return m.legend_range({ low: breakText(low), high: breakText(high) }, options);
}

/** The value class a value falls in: the number of breaks at or below it. */
export function classIndex(value: number, breaks: readonly number[]): number {
	let index = 0;
	while (index < breaks.length && value >= breaks[index]!) index++;
	return index;
}

/**
 * The color of one value, as the map's `classColor` expression picks it: grey without a value, magenta
 * for a rate above 100%, else its class's color (for the SVG maps, which have no style expressions).
 */
export function valueColor(
	value: number | null,
	classification: Classification,
	scale: ClassifyOptions['scale']
): string {
	if (value === null || !Number.isFinite(value)) return SPECIAL_CLASS_COLORS.noData;
	if (scale === 'rate' && value > 1) return SPECIAL_CLASS_COLORS.overFull;
	return classification.colors[classIndex(value, classification.breaks)]!;
}
