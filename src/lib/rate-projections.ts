// When a commune reaches the plan's targets for skills, smartphones and e-payment at its recent pace: the
// dashboard's projection (projectToTarget on the commune's monthly rates) as the planner and its printed
// plan state it, with whether that misses the plan's deadline. Pure and client-safe.
import type { Projection } from './analysis/project-to-target';
import type { KpiCard } from './dashboard';
import { PLAN_TARGET_DATE } from './domain';
import type { MetricId } from './metrics';

/** The rates with a target that the planner projects besides its households' coverage. */
const PROJECTED_RATES = ['skills', 'smartphone', 'epayment'] as const satisfies readonly MetricId[];
type ProjectedRate = (typeof PROJECTED_RATES)[number];

export interface RateProjection {
	metric: ProjectedRate;
	/** The latest value (null without one) and the plan's target, shares. */
	value: number | null;
	target: number;
	/** Whom the target counts (urban adults for e-payment): 0 where it does not apply (a xã's e-payment). */
	population: number;
	projection: Projection;
}

/** The planner's projections from the dashboard's cards of a commune, in PROJECTED_RATES order. */
export function rateProjections(cards: readonly KpiCard[]): RateProjection[] {
	return PROJECTED_RATES.flatMap((metric) => {
		const card = cards.find((candidate) => candidate.progress.kpi === metric);
		if (!card?.projection || card.progress.target === null) return [];
		return [
			{
				metric,
				value: card.progress.value,
				target: card.progress.target,
				population: card.progress.population,
				projection: card.projection
			}
		];
	});
}

/** The last day (YYYY-MM-DD) of a month given by its first day: the target is reached by then. */
export function endOfMonth(month: string): string {
	const year = Number(month.slice(0, 4));
	const monthNumber = Number(month.slice(5, 7));
	const days = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
	return `${month.slice(0, 8)}${String(days).padStart(2, '0')}`;
}

/**
 * What to say of a projection: the target does not apply (nobody it counts), is met already, cannot be
 * projected (too few months), is never reached at the current pace (flat or falling), or is reached on
 * `date` (the end of the month the fitted line crosses it), in time for `deadline` or late.
 */
export type RateVerdict =
	{ kind: 'not-applicable' | 'reached' | 'no-data' | 'never' } | { kind: 'in-time' | 'late'; date: string };

export function rateVerdict(rate: RateProjection, deadline: string = PLAN_TARGET_DATE): RateVerdict {
	if (rate.population === 0) return { kind: 'not-applicable' };
	const { status, reachMonth } = rate.projection;
	if (status === 'reached') return { kind: 'reached' };
	if (status === 'no-data') return { kind: 'no-data' };
	if (reachMonth === null) return { kind: 'never' };
	const date = endOfMonth(reachMonth);
	return { kind: date > deadline ? 'late' : 'in-time', date };
}
