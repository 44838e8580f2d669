import type { Label } from '$lib/domain';
import { DEFAULT_GAP_WEIGHTS } from '$lib/analysis/gap-weights';
import { gapReason, scoreHamlets } from '$lib/gap-planning';
import { bilingual } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import { findCommune, type CommuneLabelProperties } from './db/communes';
import type { Database } from './db/index';
import { dataMonths } from './db/metrics';
import type { Plan, PlanWeights } from '$lib/plans';
import { getPlan } from './db/plans';
import { communeGapAnalysis } from './gap-analysis';
import { communeRateProjections } from './dashboard';
import type { RateProjection } from '$lib/rate-projections';

/** One hamlet of a plan, with its figures and reason from the latest analysis. */
interface PlanReportRow {
	position: number;
	id: number;
	name: string;
	households: number;
	householdsReached: number;
	householdsToReach: number;
	/** Null when the month's analysis has no such hamlet (no data yet). */
	gapIndex: number | null;
	reason: Label;
}

/** A saved plan as the CSV export and the printable page show it. */
export interface PlanReport {
	commune: CommuneLabelProperties;
	plan: Plan;
	/** The month whose figures and gap analysis give the rows' numbers and reasons. */
	month: string | null;
	/** The weights the rows are scored with: the plan's own, or the defaults when it kept none. */
	weights: PlanWeights;
	/** True when the plan kept no weights of its own (saved before plans kept them). */
	defaultWeights: boolean;
	rows: PlanReportRow[];
	/** When the commune reaches the skills, smartphone and e-payment targets at its recent pace. */
	projections: RateProjection[];
}

/**
 * A plan of the commune with each hamlet's figures and its reason in words, from the latest month's gap
 * analysis under the weights the plan was saved with (so its print matches the planner's screen); null
 * when there is no such commune or plan.
 */
export async function planReport(
	db: Database,
	communeCode: string,
	planId: number
): Promise<PlanReport | null> {
	const commune = await findCommune(db, communeCode);
	if (!commune) return null;
	const plan = await getPlan(db, communeCode, planId);
	if (!plan) return null;
	const month = (await dataMonths(db)).at(-1) ?? null;
	const analysis = month ? await communeGapAnalysis(db, communeCode, month) : null;
	const weights = plan.weights ?? DEFAULT_GAP_WEIGHTS;
	const scores = scoreHamlets(analysis?.hamlets ?? [], weights);
	const byId = new Map(analysis?.hamlets.map((hamlet) => [hamlet.id, hamlet]));
	const rows = plan.hamlets.map((hamlet, index): PlanReportRow => {
		const result = byId.get(hamlet.id);
		const score = scores.get(hamlet.id);
		const householdsReached = result?.householdsReached ?? 0;
		return {
			position: index + 1,
			id: hamlet.id,
			name: hamlet.name,
			households: hamlet.households,
			householdsReached,
			householdsToReach: Math.max(0, hamlet.households - householdsReached),
			gapIndex: score ? score.index : null,
			reason: score ? gapReason(score.contributions) : bilingual(m.gap_reason_no_data)
		};
	});
	const projections = month ? await communeRateProjections(db, communeCode, month) : [];
	return { commune, plan, month, weights, defaultWeights: plan.weights === null, rows, projections };
}
