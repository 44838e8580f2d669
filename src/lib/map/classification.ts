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

/** Outside the sequential ramps: grey for no data, magenta (no ramp uses it) for a rate above 100%. */
export const SPECIAL_CLASS_COLORS = { noData: '#bdbdbd', overFull: '#d01c8b' } as const;

interface LegendClass {
	kind: 'value' | 'over-full' | 'no-data';
	color: string;
	/** In the options' language: 'Dưới 43%' / 'Below 43%'. */
	label: string;
	/** How many hamlets fall in the class, for the legend. */
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
export function classify(values: readonly (number | null)[], options: ClassifyOptions): Classification {
	const present = values.filter((value): value is number => value !== null && Number.isFinite(value));
	const overFull = options.scale === 'rate' ? present.filter((value) => value > 1) : [];
	const inRange = present.filter((value) => options.scale !== 'rate' || value <= 1).sort((a, b) => a - b);
	const breaks = options.scheme === 'targets' ? targetBreaks(options) : dataBreaks(inRange, options.scheme);
	const colors = spreadColors(options.scale === 'rate' ? PALETTES.rate : PALETTES.gap, breaks.length + 1);

	const counts = new Array<number>(colors.length).fill(0);
	for (const value of inRange) counts[classIndex(value, breaks)]! += 1;

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
			count: overFull.length
		});
	}
	legend.push({
		kind: 'no-data',
		color: SPECIAL_CLASS_COLORS.noData,
		label: m.legend_no_data({}, { locale }),
		count: values.length - present.length
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
	if (low === undefined && high === undefined) return m.legend_all_values({}, options);
	if (low === undefined) return m.legend_below({ high: formatValue(high!, scale, locale) }, options);
	const lowText = formatValue(low, scale, locale);
	if (high === undefined)
		return low === targetMet
			? m.legend_from_target_met({ low: lowText }, options)
			: m.legend_from({ low: lowText }, options);
	return m.legend_range({ low: lowText, high: formatValue(high, scale, locale) }, options);
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
