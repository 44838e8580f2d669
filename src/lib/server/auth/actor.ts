import { error } from '@sveltejs/kit';
import type { SessionUser } from '../../roles';
import type { Actor } from '../db/write';

/** The writer a signed-in person is to the write path (and to its audit event). */
export function actorOf(user: SessionUser): Actor {
	return {
		kind: 'user',
		id: user.id,
		username: user.username,
		role: user.role,
		communeCodes: user.communeCodes
	};
}

/**
 * The signed-in user of a route the guard lets only signed-in people reach; a route reached without
 * one is a gap in the permission table, refused rather than run as nobody.
 */
export function signedInUser(locals: App.Locals): SessionUser {
	if (!locals.user)
		error(401, { message: 'Cần đăng nhập', messageEn: 'Sign-in required', code: 'sign-in-required' });
	return locals.user;
}
