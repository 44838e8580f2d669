import { fail } from '@sveltejs/kit';
import { canChangeActivity, HISTORY_DAYS, OWN_EDIT_WINDOW_DAYS } from '$lib/field-records';
import { InputError } from '$lib/input-error';
import { localized } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import { signedInUser } from '$lib/server/auth/actor';
import { getAppDatabase } from '$lib/server/db/app-database';
import {
	activityHistory,
	deleteActivity,
	fieldTeams,
	hamletChoices,
	historyWindow,
	linkedTeamId,
	monthTotals,
	updateActivity,
	type ChangeOutcome,
	type HistoryScope
} from '$lib/server/db/field-activities';
import { fieldActor, readFieldRecord } from '$lib/server/field-request';
import { writeContext } from '$lib/server/write-context';
import type { SessionUser } from '$lib/roles';
import type { Database } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

/** Whose work the history shows: a commune user all teams of their communes; a member their team (or their own entries). */
async function scopeOf(db: Database, user: SessionUser): Promise<HistoryScope> {
	if (user.role === 'commune') return { communeCodes: user.communeCodes };
	const teamId = await linkedTeamId(db, user.id);
	return teamId === null
		? { communeCodes: user.communeCodes, recordedBy: user.id }
		: { communeCodes: user.communeCodes, teamId };
}

export const load: PageServerLoad = async ({ locals }) => {
	const user = signedInUser(locals);
	const { db } = await getAppDatabase();
	const scope = await scopeOf(db, user);
	const { since, until } = historyWindow(HISTORY_DAYS);
	const now = new Date();
	const activities = (await activityHistory(db, scope, since, until)).map((activity) => {
		const changeable = canChangeActivity(user, activity, now);
		// A member's own entry past the window says why it can no longer be changed, and by whom it can.
		return { ...activity, changeable, pastOwnWindow: !changeable && activity.recordedBy === user.id };
	});
	return {
		since,
		until,
		activities,
		totals: await monthTotals(db, scope, until),
		teams: await fieldTeams(db, user.communeCodes),
		hamlets: await hamletChoices(db, user.communeCodes),
		scope: user.role === 'commune' ? ('commune' as const) : ('team' as const),
		editWindowDays: OWN_EDIT_WINDOW_DAYS
	};
};

/** The form's fields as the activity definition reads them: counts as numbers (decimal digits only). */
function recordOfForm(form: FormData, id: string): Record<string, unknown> {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value.trim() : '';
	};
	const number = (name: string) =>
		/^\d{1,9}$/.test(text(name)) ? Number(text(name)) : text(name) === '' ? 0 : NaN;
	return {
		hamletId: number('hamletId'),
		teamId: text('teamId'),
		kind: text('kind'),
		occurredOn: text('occurredOn'),
		householdsNew: number('householdsNew'),
		householdsRevisited: number('householdsRevisited'),
		peopleGuided: number('peopleGuided'),
		peopleAged60Plus: number('peopleAged60Plus'),
		peopleFromMinorities: number('peopleFromMinorities'),
		topics: form.getAll('topics').filter((topic) => typeof topic === 'string'),
		note: typeof form.get('note') === 'string' ? form.get('note') : '',
		// A correction keeps the stored key and position; the definition wants a key, so the id stands in.
		idempotencyKey: id
	};
}

function refusal(outcome: Exclude<ChangeOutcome, 'changed'>, id: string) {
	return outcome === 'not-found'
		? fail(404, { id, problems: [m.history_not_found()] })
		: fail(403, { id, problems: [m.history_not_allowed({ days: OWN_EDIT_WINDOW_DAYS })] });
}

function activityId(form: FormData): string {
	const id = form.get('id');
	return typeof id === 'string' ? id : '';
}

export const actions = {
	update: async (event) => {
		const user = signedInUser(event.locals);
		const form = await event.request.formData();
		const id = activityId(form);
		const { db } = await getAppDatabase();
		try {
			const record = readFieldRecord(recordOfForm(form, id || 'no-activity-id'));
			const outcome = await updateActivity(db, fieldActor(user), id, record, {
				context: writeContext(event)
			});
			return outcome === 'changed' ? { id, updated: true } : refusal(outcome, id);
		} catch (thrown) {
			if (!(thrown instanceof InputError)) throw thrown;
			return fail(400, { id, problems: thrown.issues.map((issue) => localized(issue)) });
		}
	},
	delete: async (event) => {
		const user = signedInUser(event.locals);
		const form = await event.request.formData();
		const id = activityId(form);
		const { db } = await getAppDatabase();
		const outcome = await deleteActivity(db, fieldActor(user), id, { context: writeContext(event) });
		return outcome === 'changed' ? { id, deleted: true } : refusal(outcome, id);
	}
} satisfies Actions;
