import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	// A page the guard refused (hooks.server.ts): its 403 page, rendered here so that every handle applies.
	if (locals.refusal) {
		const { status, ...body } = locals.refusal;
		error(status, body);
	}
	const user = locals.user;
	return { user: user && { username: user.username, role: user.role } };
};
