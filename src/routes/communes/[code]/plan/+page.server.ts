import bbox from '@turf/bbox';
import { error, fail, redirect } from '@sveltejs/kit';
import { formatIsoDay, parseIsoDay } from '$lib/analysis/dates';
import { monthFromParam, monthParam } from '$lib/months';
import { getAppDatabase } from '$lib/server/db/app-database';
import { LoadError } from '$lib/server/db/load-error';
import { dataMonths } from '$lib/server/db/metrics';
import {
	communeTeams,
	createPlan,
	deletePlan,
	listPlans,
	PlanInputError,
	updatePlan
} from '$lib/server/db/plans';
import { communeGapAnalysis, communePace, gapAnalysisGeometries } from '$lib/server/gap-analysis';
import { communeHeading } from '$lib/server/plan-report';
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

export const load: PageServerLoad = async ({ params, url }) => {
	const { db } = await getAppDatabase();
	const commune = await communeHeading(db, params.code);
	if (!commune) {
		error(404, {
			message: `Không có xã/phường mã ${params.code}`,
			messageEn: `No commune has code ${params.code}`
		});
	}
	const months = await dataMonths(db);
	const monthText = url.searchParams.get('month');
	const month = monthText === null ? months.at(-1) : monthFromParam(monthText);
	if (!month || !months.includes(month)) {
		error(404, {
			message: monthText ? `Không có số liệu tháng ${monthText}` : 'Chưa có số liệu tháng nào',
			messageEn: monthText ? `No data for ${monthText}` : 'There is no monthly data yet'
		});
	}
	// One at a time: the embedded PGlite runs a single connection anyway.
	const analysis = await communeGapAnalysis(db, commune.code, month);
	const geometries = await gapAnalysisGeometries(db, month, { communeCode: commune.code });
	const teams = await communeTeams(db, commune.code);
	const plans = await listPlans(db, commune.code);
	const pace = await communePace(db, commune.code, analysis.asOf);

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
		capacity,
		editing: plans.find((plan) => plan.id === editId) ?? null,
		savedId: Number(search.get('saved')) || null
	};
};

/** Where the planner returns after a save or delete: the same month, nothing being edited. */
function plannerUrl(code: string, form: FormData, extra: Record<string, string> = {}): string {
	const month = monthFromParam(String(form.get('month') ?? ''));
	const search = new URLSearchParams({ ...(month ? { month: monthParam(month) } : {}), ...extra });
	return `/communes/${code}/plan?${search}#saved-plans`;
}

type SaveFailure = { values: PlanFormValues; errors: PlanFormErrors };

export const actions: Actions = {
	/** Creates a plan, or updates the one named by `planId`. */
	save: async ({ params, request }) => {
		const { db } = await getAppDatabase();
		const form = await request.formData();
		const { values, input } = readPlanForm(form);
		const planId = values.planId === '' ? null : Number(values.planId);
		let savedId: number;
		try {
			const plan =
				planId === null
					? await createPlan(db, params.code, input)
					: await updatePlan(db, params.code, planId, input);
			if (!plan) {
				return fail(404, {
					values,
					errors: { form: [{ vi: 'Không tìm thấy kế hoạch cần sửa', en: 'The plan to edit was not found' }] }
				} satisfies SaveFailure);
			}
			savedId = plan.id;
		} catch (thrown) {
			if (thrown instanceof PlanInputError) {
				return fail(400, { values, errors: errorsByField(thrown.issues) } satisfies SaveFailure);
			}
			if (thrown instanceof LoadError) {
				return fail(404, {
					values,
					errors: { form: [{ vi: thrown.message, en: thrown.messageEn }] }
				} satisfies SaveFailure);
			}
			throw thrown;
		}
		redirect(303, plannerUrl(params.code, form, { saved: String(savedId) }));
	},

	/** Deletes the plan named by `planId`. */
	delete: async ({ params, request }) => {
		const { db } = await getAppDatabase();
		const form = await request.formData();
		const deleted = await deletePlan(db, params.code, Number(form.get('planId')));
		if (!deleted) {
			return fail(404, {
				deleteError: { vi: 'Không tìm thấy kế hoạch cần xóa', en: 'The plan to delete was not found' }
			});
		}
		redirect(303, plannerUrl(params.code, form));
	}
};
