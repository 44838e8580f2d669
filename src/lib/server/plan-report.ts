import type { Label } from '$lib/domain';
import { gapReason } from '$lib/gap-planning';
import { bilingual } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import { findCommune, type CommuneLabelProperties } from './db/communes';
import type { Database } from './db/index';
import { dataMonths } from './db/metrics';
import type { Plan } from '$lib/plans';
import { getPlan } from './db/plans';
import { communeGapAnalysis } from './gap-analysis';

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
	/** The month whose figures and gap analysis (default weights) give the rows' numbers and reasons. */
	month: string | null;
	rows: PlanReportRow[];
}

/**
 * A plan of the commune with each hamlet's figures and its reason in words, from the latest month's gap
 * analysis under the default weights; null when there is no such commune or plan.
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
	const byId = new Map(analysis?.hamlets.map((hamlet) => [hamlet.id, hamlet]));
	const rows = plan.hamlets.map((hamlet, index): PlanReportRow => {
		const result = byId.get(hamlet.id);
		const householdsReached = result?.householdsReached ?? 0;
		return {
			position: index + 1,
			id: hamlet.id,
			name: hamlet.name,
			households: hamlet.households,
			householdsReached,
			householdsToReach: Math.max(0, hamlet.households - householdsReached),
			gapIndex: result ? result.gapIndex : null,
			reason: result ? gapReason(result.contributions) : bilingual(m.gap_reason_no_data)
		};
	});
	return { commune, plan, month, rows };
}
