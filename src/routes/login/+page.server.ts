import { fail, redirect } from '@sveltejs/kit';
import { redirectTarget } from '$lib/server/auth/redirect-target';
import { signIn } from '$lib/server/auth/sign-in';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => ({
	redirectTo: redirectTarget(url.searchParams.get('redirectTo')),
	signedInAs: locals.user?.username ?? null
});

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const username = String(form.get('username') ?? '');
		const password = String(form.get('password') ?? '');
		const redirectTo = redirectTarget(String(form.get('redirectTo') ?? ''));
		const result = await signIn(event, username, password);
		if (!result.ok) {
			// The password is never sent back; the reason is one of two, never which field was wrong.
			return fail(result.reason === 'throttled' ? 429 : 400, { username, reason: result.reason });
		}
		redirect(303, redirectTo);
	}
};
