// Who is asking: better-auth's session check, then the user's current role and communes from our
// tables, into `event.locals.user` for the guard and every route.
import type { Handle } from '@sveltejs/kit';
import { getSessionCookie } from 'better-auth/cookies';
import type { SessionUser } from '../../roles';
import { getAppDatabase } from '../db/app-database';
import { endSession, userAccess } from '../db/users';
import { getAuth, SESSION_ABSOLUTE_SECONDS } from './auth';

/** The signed-in user of a request, or null; ends a session past its absolute lifetime. */
async function sessionUser(request: Request): Promise<SessionUser | null> {
	// No session cookie: anonymous, without a query (the public map's requests cost nothing more).
	if (!getSessionCookie(request)) return null;
	const auth = await getAuth();
	const found = await auth.api.getSession({ headers: request.headers });
	if (!found) return null;
	const { db } = await getAppDatabase();
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
	event.locals.user = await sessionUser(event.request);
	return resolve(event);
};
