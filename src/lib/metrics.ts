// The rates the map shades hamlets by: one definition each, used by the server, the map and the panel.
// Their names are messages (metricLabel in labels.ts).
import { PLAN_TARGETS } from './domain';

export const METRICS = ['coverage', 'skills', 'smartphone', 'epayment', 'vneid'] as const;
export type MetricId = (typeof METRICS)[number];

/** The counts a rate is computed from (a subset of the server's HamletMonthFigures). */
export interface MetricFigures {
	households: number;
	adults: number;
	isRural: boolean;
	householdsReached: number;
	adultsAssessed: number;
	withBasicSkills: number;
	withSmartphone: number;
	withEpayment: number;
	withVneidLevel2: number;
}

export interface MetricDefinition {
	/** The plan's target for 2026 as a share, or null when the plan sets none. */
	target: number | null;
	/** E-payment is a target for urban adults only: rural hamlets have no value, not a low one. */
	urbanOnly: boolean;
	numerator(figures: MetricFigures): number;
	denominator(figures: MetricFigures): number;
}

export const METRIC_DEFINITIONS: Record<MetricId, MetricDefinition> = {
	coverage: {
		// Every household is to be visited: "đi từng ngõ, gõ từng nhà".
		target: 1,
		urbanOnly: false,
		numerator: (figures) => figures.householdsReached,
		denominator: (figures) => figures.households
	},
	skills: {
		target: PLAN_TARGETS.basicSkills,
		urbanOnly: false,
		numerator: (figures) => figures.withBasicSkills,
		denominator: (figures) => figures.adultsAssessed
	},
	smartphone: {
		target: PLAN_TARGETS.smartphone,
		urbanOnly: false,
		numerator: (figures) => figures.withSmartphone,
		denominator: (figures) => figures.adultsAssessed
	},
	epayment: {
		target: PLAN_TARGETS.urbanEpayment,
		urbanOnly: true,
		numerator: (figures) => figures.withEpayment,
		denominator: (figures) => figures.adultsAssessed
	},
	vneid: {
		target: null,
		urbanOnly: false,
		numerator: (figures) => figures.withVneidLevel2,
		denominator: (figures) => figures.adultsAssessed
	}
};

export function isMetricId(value: unknown): value is MetricId {
	return typeof value === 'string' && (METRICS as readonly string[]).includes(value);
}

/**
 * The rate of `metric` for one hamlet (or a sum of hamlets), or null when it has no value: nothing to
 * divide by, or e-payment in a rural hamlet. Never clipped: above 1 is a data-quality problem to show.
 */
export function metricValue(metric: MetricId, figures: MetricFigures): number | null {
	const definition = METRIC_DEFINITIONS[metric];
	if (definition.urbanOnly && figures.isRural) return null;
	const denominator = definition.denominator(figures);
	return denominator > 0 ? definition.numerator(figures) / denominator : null;
}

/** A rate with the counts it comes from, as the panel shows it ("645 / 768 hộ"). */
export interface MetricReading {
	metric: MetricId;
	value: number | null;
	numerator: number;
	denominator: number;
}

/**
 * The rate of `metric` over several hamlets (a commune, the city): numerators and denominators are
 * summed, never the rates averaged, and an urban-only rate counts urban hamlets only.
 */
export function aggregateReading(metric: MetricId, rows: readonly MetricFigures[]): MetricReading {
	const definition = METRIC_DEFINITIONS[metric];
	let numerator = 0;
	let denominator = 0;
	for (const row of rows) {
		if (definition.urbanOnly && row.isRural) continue;
		numerator += definition.numerator(row);
		denominator += definition.denominator(row);
	}
	return { metric, value: denominator > 0 ? numerator / denominator : null, numerator, denominator };
}
