// How far a scope (the city, a commune, a group of hamlets) stands against one of the plan's targets:
// the headline a card, a map caption or a report line shows. One function per kind of figure, so the
// dashboard, the commune page and the map say the same thing from the same definitions (metrics.ts).
import { PLAN_TARGETS } from './domain';
import { aggregateReading, METRIC_DEFINITIONS, METRICS, type MetricFigures, type MetricId } from './metrics';

/** The plan's five targets as the dashboard shows them; VNeID level 2 stands in for the plan's ranking. */
export const DASHBOARD_KPIS = ['skills', 'smartphone', 'epayment', 'training', 'vneid'] as const;
export type KpiId = (typeof DASHBOARD_KPIS)[number];

export interface TargetProgress {
	kpi: MetricId | 'training';
	/** numerator ÷ denominator, null when there is nothing to divide by. */
	value: number | null;
	numerator: number;
	denominator: number;
	/** The plan's target as a share; null when the plan sets none (VNeID: a ranking of provinces). */
	target: number | null;
	/** Whom the target counts: adults (urban adults for e-payment), households, or team members. */
	population: number;
	/**
	 * People (or households) still to reach the target at this value: (target − value) × population,
	 * rounded up, never negative; null without a target or a value.
	 */
	gap: number | null;
	/** The month the figures run to (YYYY-MM-01): the latest survey for survey rates, else the month. */
	dataMonth: string | null;
}

/** The rows a metric's progress is summed from: hamlets, or sums of hamlets split by urban/rural. */
export interface ProgressRow extends MetricFigures {
	/** The latest survey month the row's survey counts come from, if any. */
	surveyMonth?: string | null;
}

function gapOf(target: number | null, value: number | null, population: number): number | null {
	if (target === null || value === null) return null;
	// Rounded to a thousandth of a person first, so float noise never adds one.
	return Math.max(0, Math.ceil(Math.round((target - value) * population * 1000) / 1000));
}

/**
 * The progress of a rate of metrics.ts over `rows` at the end of `month`: numerators and denominators
 * summed (aggregateReading), the population the target counts (urban rows only for an urban-only rate),
 * and the gap in people.
 */
export function metricProgress(
	metric: MetricId,
	rows: readonly ProgressRow[],
	month: string
): TargetProgress {
	const definition = METRIC_DEFINITIONS[metric];
	const reading = aggregateReading(metric, rows);
	const counted = definition.urbanOnly ? rows.filter((row) => !row.isRural) : rows;
	const population = counted.reduce(
		(sum, row) => sum + (metric === 'coverage' ? row.households : row.adults),
		0
	);
	let dataMonth: string | null = metric === 'coverage' ? month : null;
	if (metric !== 'coverage') {
		for (const row of counted) {
			if (row.surveyMonth && (dataMonth === null || row.surveyMonth > dataMonth)) dataMonth = row.surveyMonth;
		}
	}
	return {
		kpi: metric,
		value: reading.value,
		numerator: reading.numerator,
		denominator: reading.denominator,
		target: definition.target,
		population,
		gap: gapOf(definition.target, reading.value, population),
		dataMonth
	};
}

/** Every rate's progress over the same rows: what the map's headline reads for whichever rate it shows. */
export function progressByMetric(
	rows: readonly ProgressRow[],
	month: string
): Record<MetricId, TargetProgress> {
	return Object.fromEntries(METRICS.map((metric) => [metric, metricProgress(metric, rows, month)])) as Record<
		MetricId,
		TargetProgress
	>;
}

/** Team members trained ÷ members over `teams`; teams keep no monthly history, so the data is current. */
export function trainingProgress(
	teams: readonly { members: number; membersTrained: number }[],
	month: string
): TargetProgress {
	const numerator = teams.reduce((sum, team) => sum + team.membersTrained, 0);
	const denominator = teams.reduce((sum, team) => sum + team.members, 0);
	const value = denominator > 0 ? numerator / denominator : null;
	const target = PLAN_TARGETS.teamMembersTrained;
	return {
		kpi: 'training',
		value,
		numerator,
		denominator,
		target,
		population: denominator,
		gap: gapOf(target, value, denominator),
		dataMonth: month
	};
}
