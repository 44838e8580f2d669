import { fail, redirect } from '@sveltejs/kit';
import { verifyPassword } from 'better-auth/crypto';
import { passwordHash, passwordProblem, type PasswordProblem } from '$lib/server/auth/accounts';
import { actorOf, signedInUser } from '$lib/server/auth/actor';
import { currentSessionId, signOut } from '$lib/server/auth/sign-in';
import { localizeHref } from '$lib/paraglide/runtime';
import { getAppDatabase } from '$lib/server/db/app-database';
import { passwordHashOf, setPassword } from '$lib/server/db/users';
import { writeContext } from '$lib/server/write-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const user = signedInUser(locals);
	return {
		username: user.username,
		role: user.role,
		communeCodes: user.communeCodes,
		mustChangePassword: user.mustChangePassword
	};
};

type PasswordFailure = { problem: PasswordProblem | 'wrong-current' | 'mismatch' };

export const actions: Actions = {
	/** Changes the user's own password (a temporary one first of all); other sessions end. */
	password: async (event) => {
		const user = signedInUser(event.locals);
		const form = await event.request.formData();
		const current = String(form.get('current') ?? '');
		const next = String(form.get('password') ?? '');
		if (next !== String(form.get('confirm') ?? ''))
			return fail(400, { problem: 'mismatch' } satisfies PasswordFailure);
		const problem = passwordProblem(next, user.username);
		if (problem) return fail(400, { problem } satisfies PasswordFailure);
		const { db } = await getAppDatabase();
		const hash = await passwordHashOf(db, user.id);
		if (!hash || !(await verifyPassword({ hash, password: current }))) {
			return fail(400, { problem: 'wrong-current' } satisfies PasswordFailure);
		}
		await setPassword(
			db,
			actorOf(user),
			user.id,
			{
				passwordHash: await passwordHash(next),
				mustChange: false,
				keepSessionId: (await currentSessionId(event)) ?? undefined
			},
			writeContext(event)
		);
		// A first change (temporary password) opens the rest of the app: go to the map.
		if (user.mustChangePassword) redirect(303, localizeHref('/'));
		return { changed: true };
	},

	signOut: async (event) => {
		await signOut(event);
		redirect(303, localizeHref('/'));
	}
};
