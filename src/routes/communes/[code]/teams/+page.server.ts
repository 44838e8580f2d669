import { fail } from '@sveltejs/kit';
import { localized } from '$lib/i18n';
import { InputError } from '$lib/input-error';
import { readCommuneCode, unknownCommuneError } from '$lib/params';
import { m } from '$lib/paraglide/messages';
import { actorOf, signedInUser } from '$lib/server/auth/actor';
import { getAppDatabase } from '$lib/server/db/app-database';
import { findCommune } from '$lib/server/db/communes';
import {
	addTeamMember,
	communeRoster,
	createTeam,
	removeTeamMember,
	teamAccounts,
	updateTeamMember
} from '$lib/server/db/teams';
import { withErrorPage } from '$lib/server/input-error-http';
import { writeContext } from '$lib/server/write-context';
import { validateTeamMember, validateTeamName } from '$lib/team-roster';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) =>
	withErrorPage(async () => {
		const { db } = await getAppDatabase();
		const commune = await findCommune(db, readCommuneCode(params.code, 'code'));
		if (!commune) throw unknownCommuneError(params.code, 'code');
		const user = signedInUser(locals);
		return {
			commune,
			teams: await communeRoster(db, commune.code),
			accounts: await teamAccounts(db, commune.code),
			canEdit: user.role === 'admin' || user.role === 'commune'
		};
	});

function text(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}

/** An id field: decimal digits in an `integer` column's range, else null. */
function idOf(form: FormData, name: string): number | null {
	const value = text(form, name);
	return /^\d{1,10}$/.test(value) && Number(value) >= 1 && Number(value) <= 2_147_483_647
		? Number(value)
		: null;
}

function memberOfForm(form: FormData) {
	return {
		name: text(form, 'name'),
		role: text(form, 'role'),
		trained: form.get('trained') === 'on',
		trainedOn: text(form, 'trainedOn') || null,
		course: text(form, 'course'),
		digitalAmbassador: form.get('digitalAmbassador') === 'on',
		userId: text(form, 'userId') || null
	};
}

/** A refused roster write: 400 with every problem in the page's language, next to the form it came from. */
function refused(formId: string, problems: readonly { vi: string; en: string }[], status = 400) {
	return fail(status, { formId, problems: problems.map((problem): string => localized(problem)) });
}

/** Runs a roster write; refused input becomes the form's problems. */
async function attempt(formId: string, write: () => Promise<unknown>) {
	try {
		await write();
		return { formId, done: true };
	} catch (thrown) {
		if (thrown instanceof InputError) return refused(formId, thrown.issues);
		throw thrown;
	}
}

const notFound = (formId: string) => fail(404, { formId, problems: [m.roster_not_found() as string] });

export const actions = {
	createTeam: async (event) => {
		const form = await event.request.formData();
		const name = validateTeamName(text(form, 'name'));
		if (!name.ok) return refused('new-team', name.issues);
		const { db } = await getAppDatabase();
		const actor = actorOf(signedInUser(event.locals));
		return attempt('new-team', () =>
			createTeam(db, actor, event.params.code, name.value, writeContext(event))
		);
	},
	addMember: async (event) => {
		const form = await event.request.formData();
		const teamId = idOf(form, 'teamId');
		const formId = `add-${teamId}`;
		if (teamId === null) return notFound(formId);
		const member = validateTeamMember(memberOfForm(form));
		if (!member.ok) return refused(formId, member.issues);
		const { db } = await getAppDatabase();
		const actor = actorOf(signedInUser(event.locals));
		return attempt(formId, () =>
			addTeamMember(db, actor, event.params.code, teamId, member.value, writeContext(event))
		);
	},
	updateMember: async (event) => {
		const form = await event.request.formData();
		const memberId = idOf(form, 'memberId');
		const formId = `member-${memberId}`;
		if (memberId === null) return notFound(formId);
		const member = validateTeamMember(memberOfForm(form));
		if (!member.ok) return refused(formId, member.issues);
		const { db } = await getAppDatabase();
		const actor = actorOf(signedInUser(event.locals));
		let found = true;
		const result = await attempt(formId, async () => {
			found = await updateTeamMember(
				db,
				actor,
				event.params.code,
				memberId,
				member.value,
				writeContext(event)
			);
		});
		return found ? result : notFound(formId);
	},
	removeMember: async (event) => {
		const form = await event.request.formData();
		const memberId = idOf(form, 'memberId');
		const formId = `member-${memberId}`;
		if (memberId === null) return notFound(formId);
		const { db } = await getAppDatabase();
		const actor = actorOf(signedInUser(event.locals));
		const removed = await removeTeamMember(db, actor, event.params.code, memberId, writeContext(event));
		return removed ? { formId, done: true } : notFound(formId);
	}
} satisfies Actions;
