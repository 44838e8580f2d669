import bbox from '@turf/bbox';
import { redirect } from '@sveltejs/kit';
import { formatIsoDay, parseIsoDay } from '$lib/analysis/dates';
import { OUTREACH_PACE_WINDOW_DAYS } from '$lib/gap-planning';
import { bilingual, localized } from '$lib/i18n';
import { InputError } from '$lib/input-error';
import { monthFromParam, monthParam } from '$lib/months';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { readCommuneCode, readMonthParam, unknownCommuneError } from '$lib/params';
import { invalidPlanIdError, readPlanId } from '$lib/plans';
import { getAppDatabase } from '$lib/server/db/app-database';
import { dataMonths } from '$lib/server/db/metrics';
import { findCommune } from '$lib/server/db/communes';
import {
	createPlan,
	deletePlan,
	listPlans,
	recentlyDeletedPlan,
	restorePlan,
	updatePlan
} from '$lib/server/db/plans';
import { monthTotals } from '$lib/server/db/field-activities';
import { communeTeams, teamTraining } from '$lib/server/db/teams';
import { communeRateProjections } from '$lib/server/dashboard';
import { actorOf, signedInUser } from '$lib/server/auth/actor';
import { communeGapAnalysis, communePace, gapAnalysisGeometries } from '$lib/server/gap-analysis';
import { failInput, withErrorPage } from '$lib/server/input-error-http';
import { writeContext } from '$lib/server/write-context';
import type { Actions, PageServerLoad } from './$types';
import { errorsByField, readPlanForm, type PlanFormErrors, type PlanFormValues } from './plan-form';

/** The next-targets box's starting capacity: a modest fortnight for a few teams. */
const DEFAULT_CAPACITY = {
	teams: 3, // teams working in parallel (fewer when the commune has fewer)
	teamDays: 20, // team-days available
	householdsPerTeamDay: 25 // households one team visits in a day, door to door
};

/** A positive number from the URL, or the default. */
function positiveParam(params: URLSearchParams, name: string, fallback: number): number {
	const value = Number(params.get(name));
	return params.has(name) && Number.isFinite(value) && value > 0 ? value : fallback;
}

export const load: PageServerLoad = ({ params, url }) => withErrorPage(() => plannerData(params.code, url));

/** The planner's data; refuses an unknown commune (404) and a bad or uncovered month (400). */
async function plannerData(code: string, url: URL) {
	const { db } = await getAppDatabase();
	const commune = await findCommune(db, readCommuneCode(code, 'code'));
	if (!commune) throw unknownCommuneError(code, 'code');
	const months = await dataMonths(db);
	const month = readMonthParam(url.searchParams, months, { absent: 'latest' });
	// One at a time: the embedded PGlite runs a single connection anyway.
	const analysis = await communeGapAnalysis(db, commune.code, month);
	const geometries = await gapAnalysisGeometries(db, month, { communeCode: commune.code });
	const teams = await communeTeams(db, commune.code);
	const plans = await listPlans(db, commune.code);
	const pace = await communePace(db, commune.code, analysis.asOf, OUTREACH_PACE_WINDOW_DAYS);
	// After a delete, the plan to offer back ("Hoàn tác") while the undo window lasts.
	const deletedId = readPlanId(url.searchParams.get('deleted') ?? '');
	const deletedPlan = deletedId === null ? null : await recentlyDeletedPlan(db, commune.code, deletedId);
	const outreach = await monthTotals(db, { communeCodes: [commune.code] }, analysis.asOf);
	const training = await teamTraining(db, commune.code);
	const rateProjections = await communeRateProjections(db, commune.code, month);

	const search = url.searchParams;
	const startText = search.get('start');
	const capacity = {
		teams: positiveParam(search, 'teams', Math.max(1, Math.min(DEFAULT_CAPACITY.teams, teams.length))),
		teamDays: positiveParam(search, 'teamDays', DEFAULT_CAPACITY.teamDays),
		householdsPerTeamDay: positiveParam(search, 'perTeamDay', DEFAULT_CAPACITY.householdsPerTeamDay),
		startDate:
			startText && parseIsoDay(startText) !== null ? startText : formatIsoDay(parseIsoDay(analysis.asOf)! + 1)
	};
	const editId = Number(search.get('edit'));
	const [west, south, east, north] = bbox(geometries);
	return {
		commune,
		months,
		month,
		analysis: {
			asOf: analysis.asOf,
			weights: analysis.weights,
			classWindowDays: analysis.classWindowDays,
			hamlets: analysis.hamlets,
			summary: analysis.summary,
			totals: analysis.totals
		},
		geometries,
		bounds: [west, south, east, north] as [number, number, number, number],
		teams,
		plans,
		pace,
		outreach,
		training,
		rateProjections,
		paceWindowDays: OUTREACH_PACE_WINDOW_DAYS,
		capacity,
		editing: plans.find((plan) => plan.id === editId) ?? null,
		savedId: Number(search.get('saved')) || null,
		restored: search.has('restored'),
		deletedPlan
	};
}

/** Where the planner returns after a save or delete: the same month and language, nothing being edited. */
function plannerUrl(code: string, form: FormData, extra: Record<string, string> = {}): string {
	const month = monthFromParam(String(form.get('month') ?? ''));
	const search = new URLSearchParams({ ...(month ? { month: monthParam(month) } : {}), ...extra });
	return localizeHref(`/communes/${code}/plan?${search}#saved-plans`);
}

type SaveFailure = { values: PlanFormValues; errors: PlanFormErrors };

export const actions: Actions = {
	/** Creates a plan, or updates the one named by `planId`. */
	save: async (event) => {
		const { params, request } = event;
		const { db } = await getAppDatabase();
		const form = await request.formData();
		const { values, input } = readPlanForm(form);
		// The guard (permissions.ts) let only the commune's staff and the admin get here.
		const actor = actorOf(signedInUser(event.locals));
		const context = writeContext(event);
		let savedId: number;
		try {
			const planId = values.planId === '' ? null : readPlanId(values.planId);
			if (planId === null && values.planId !== '') throw invalidPlanIdError();
			const plan =
				planId === null
					? await createPlan(db, actor, params.code, input, context)
					: await updatePlan(db, actor, params.code, planId, input, context);
			if (!plan) {
				throw InputError.notFound('unknown-plan', bilingual(m.plan_not_found_edit));
			}
			savedId = plan.id;
		} catch (thrown) {
			// Bad fields (400) next to their controls; an unknown commune or plan (404) above the form.
			if (thrown instanceof InputError) {
				return failInput(thrown, { values, errors: errorsByField(thrown.issues) } satisfies SaveFailure);
			}
			throw thrown;
		}
		redirect(303, plannerUrl(params.code, form, { saved: String(savedId) }));
	},

	/** Deletes the plan named by `planId` (decimal digits only). */
	delete: async (event) => {
		const { params, request } = event;
		const { db } = await getAppDatabase();
		const form = await request.formData();
		const planIdText = form.get('planId');
		const planId = typeof planIdText === 'string' ? readPlanId(planIdText) : null;
		if (planId === null) {
			const refused = invalidPlanIdError();
			return failInput(refused, { deleteError: localized(refused.label) });
		}
		const actor = actorOf(signedInUser(event.locals));
		const deleted = await deletePlan(db, actor, params.code, planId, writeContext(event));
		if (!deleted) {
			const refused = InputError.notFound('unknown-plan', bilingual(m.plan_not_found_delete));
			return failInput(refused, { deleteError: localized(refused.label) });
		}
		redirect(303, plannerUrl(params.code, form, { deleted: String(planId) }));
	},

	/** Undoes a delete of the plan named by `planId` while the undo window lasts. */
	restore: async (event) => {
		const { params, request } = event;
		const { db } = await getAppDatabase();
		const form = await request.formData();
		const planIdText = form.get('planId');
		const planId = typeof planIdText === 'string' ? readPlanId(planIdText) : null;
		try {
			if (planId === null) throw invalidPlanIdError();
			const actor = actorOf(signedInUser(event.locals));
			const restored = await restorePlan(db, actor, params.code, planId, writeContext(event));
			if (!restored) throw InputError.notFound('unknown-plan', bilingual(m.plan_not_found_delete));
		} catch (thrown) {
			if (thrown instanceof InputError) return failInput(thrown, { deleteError: localized(thrown.label) });
			throw thrown;
		}
		redirect(303, plannerUrl(params.code, form, { saved: String(planId), restored: '1' }));
	}
};
