import { fail, type RequestEvent } from '@sveltejs/kit';
import {
	communesFitRole,
	isRole,
	normalUsername,
	passwordHash,
	temporaryPassword
} from '$lib/server/auth/accounts';
import { actorOf, signedInUser } from '$lib/server/auth/actor';
import { getAppDatabase } from '$lib/server/db/app-database';
import { listCommunes } from '$lib/server/db/communes';
import {
	createUser,
	listUsers,
	setPassword,
	setUserDisabled,
	unknownCommuneCodes,
	updateUserAccess,
	usernameTaken
} from '$lib/server/db/users';
import type { Role } from '$lib/roles';
import { writeContext } from '$lib/server/write-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const { db } = await getAppDatabase();
	return { users: await listUsers(db), communes: await listCommunes(db) };
};

/** Why the admin's form was refused: a code the page turns into a message. */
type AdminProblem =
	| 'bad-username'
	| 'username-taken'
	| 'bad-role'
	| 'communes-for-role'
	| 'unknown-commune'
	| 'unknown-user'
	| 'self';

const refused = (problem: AdminProblem, status = 400) => fail(status, { problem });

/** Role and communes from a form, checked against each other and the communes that exist. */
async function readAccess(form: FormData): Promise<{ role: Role; communeCodes: string[] } | AdminProblem> {
	const role = String(form.get('role') ?? '');
	if (!isRole(role)) return 'bad-role';
	const communeCodes = [
		...new Set(
			form
				.getAll('communes')
				.map(String)
				.filter((code) => code !== '')
		)
	];
	if (!communesFitRole(role, communeCodes)) return 'communes-for-role';
	const { db } = await getAppDatabase();
	if ((await unknownCommuneCodes(db, communeCodes)).length > 0) return 'unknown-commune';
	return { role, communeCodes };
}

/** Disables or enables the user the form names; never the admin themselves (no one could undo it). */
async function setDisabled(event: RequestEvent, disabled: boolean) {
	const admin = signedInUser(event.locals);
	const userId = String((await event.request.formData()).get('userId') ?? '');
	if (userId === admin.id) return refused('self');
	const { db } = await getAppDatabase();
	if (!(await setUserDisabled(db, actorOf(admin), userId, disabled, writeContext(event))))
		return refused('unknown-user', 404);
	return { updated: userId };
}

export const actions: Actions = {
	/** A new user with a temporary password, shown once to the admin, to be changed at first sign-in. */
	create: async (event) => {
		const { request, locals } = event;
		const actor = actorOf(signedInUser(locals));
		const form = await request.formData();
		const username = normalUsername(String(form.get('username') ?? ''));
		if (!username) return refused('bad-username');
		const access = await readAccess(form);
		if (typeof access === 'string') return refused(access);
		const { db } = await getAppDatabase();
		if (await usernameTaken(db, username)) return refused('username-taken');
		const password = temporaryPassword();
		await createUser(
			db,
			actor,
			{
				username,
				...access,
				passwordHash: await passwordHash(password),
				mustChangePassword: true
			},
			writeContext(event)
		);
		return { temporary: { username, password } };
	},

	/** Changes a user's role and communes. */
	access: async (event) => {
		const { request, locals } = event;
		const admin = signedInUser(locals);
		const form = await request.formData();
		const userId = String(form.get('userId') ?? '');
		const access = await readAccess(form);
		if (typeof access === 'string') return refused(access);
		// An admin who demoted themselves could lock everyone out of this page.
		if (userId === admin.id && access.role !== 'admin') return refused('self');
		const { db } = await getAppDatabase();
		if (!(await updateUserAccess(db, actorOf(admin), userId, access, writeContext(event))))
			return refused('unknown-user', 404);
		return { updated: userId };
	},

	/** Disables a user: their sessions end at once, and they can no longer sign in. */
	disable: (event) => setDisabled(event, true),

	enable: (event) => setDisabled(event, false),

	/** A new temporary password, shown once; the user's sessions end and the change is required. */
	resetPassword: async (event) => {
		const { request, locals } = event;
		const admin = signedInUser(locals);
		const form = await request.formData();
		const userId = String(form.get('userId') ?? '');
		const username = String(form.get('username') ?? '');
		const password = temporaryPassword();
		const { db } = await getAppDatabase();
		const done = await setPassword(
			db,
			actorOf(admin),
			userId,
			{
				passwordHash: await passwordHash(password),
				mustChange: true
			},
			writeContext(event)
		);
		if (!done) return refused('unknown-user', 404);
		return { temporary: { username, password } };
	}
};
