// Who is asking: better-auth's session check, then the user's current role and communes from our
// tables, into `event.locals.user` for the guard and every route.
import type { Handle } from '@sveltejs/kit';
import { getSessionCookie } from 'better-auth/cookies';
import type { SessionUser } from '../../roles';
import { getAppDatabase } from '../db/app-database';
import type { Database } from '../db/index';
import { endSession, userAccess } from '../db/users';
import { getAuth } from './auth';
import { SESSION_ABSOLUTE_SECONDS, type Auth } from './better-auth';

/** The signed-in user of a request with these headers, or null; ends a session past its absolute lifetime. */
export async function sessionUser(db: Database, auth: Auth, headers: Headers): Promise<SessionUser | null> {
	const found = await auth.api.getSession({ headers });
	if (!found) return null;
	if (Date.now() - found.session.createdAt.getTime() > SESSION_ABSOLUTE_SECONDS * 1000) {
		await endSession(db, found.session.id);
		return null;
	}
	// Read at every request, so a change of role or communes, or a disabled account, applies at once.
	const access = await userAccess(db, found.user.id);
	if (!access) return null;
	return {
		id: found.user.id,
		username: found.user.username ?? found.user.name,
		name: found.user.name,
		...access
	};
}

export const authenticate: Handle = async ({ event, resolve }) => {
	// No session cookie: anonymous, without a query (the public map's requests cost nothing more).
	event.locals.user = getSessionCookie(event.request)
		? await sessionUser((await getAppDatabase()).db, await getAuth(), event.request.headers)
		: null;
	return resolve(event);
};
