// Signing in and out, with our throttling: better-auth's limiter covers only its HTTP handler, which
// is not mounted (auth.ts), so failures are counted here, in the database, per username and per address.
import type { RequestEvent } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import { getAppDatabase } from '../db/app-database';
import { clearLoginFailures, loginFailureCounts, recordLoginFailure } from '../db/login-failures';
import { noteSignIn } from '../db/users';
import { MAX_PASSWORD_LENGTH, normalUsername } from './accounts';
import { getAuth } from './auth';
import type { Auth } from './better-auth';
import type { Database } from '../db/index';

/** At most this many failures per username and per client address… */
export const MAX_LOGIN_FAILURES = 5;
/** …within this window; then sign-in is refused until older failures leave it. */
const LOGIN_WINDOW_MS = 15 * 60 * 1000;

/**
 * 'refused' is the same for an unknown user, a wrong password and a disabled account, so the answer
 * never tells which usernames exist.
 */
export type SignInResult = { ok: true } | { ok: false; reason: 'refused' | 'throttled' };

/** A sign-in attempt as the form action receives it. */
export interface SignInAttempt {
	username: string;
	password: string;
	/** Behind a proxy, adapter-node's ADDRESS_HEADER and XFF_DEPTH make this the client's address. */
	clientAddress: string;
	headers: Headers;
}

/** Signs in unless throttled; counts each failure against the username and the address. */
export async function attemptSignIn(db: Database, auth: Auth, attempt: SignInAttempt): Promise<SignInResult> {
	const keys = [`user:${attempt.username.trim().toLowerCase()}`, `ip:${attempt.clientAddress}`];
	const since = new Date(Date.now() - LOGIN_WINDOW_MS);
	const counts = await loginFailureCounts(db, keys, since);
	if (keys.some((key) => (counts.get(key) ?? 0) >= MAX_LOGIN_FAILURES))
		return { ok: false, reason: 'throttled' };

	const fail = async (): Promise<SignInResult> => {
		await recordLoginFailure(db, keys, since);
		return { ok: false, reason: 'refused' };
	};
	const username = normalUsername(attempt.username);
	const password = attempt.password;
	if (!username || password.length === 0 || password.length > MAX_PASSWORD_LENGTH) return fail();
	try {
		const signedIn = await auth.api.signInUsername({
			body: { username, password, rememberMe: true },
			headers: attempt.headers
		});
		if (!signedIn) return fail();
		await clearLoginFailures(db, keys[0]!);
		await noteSignIn(db, signedIn.user.id);
		// A temporary password: the guard sends the user to /account from wherever they go next.
		return { ok: true };
	} catch (thrown) {
		// Wrong user, wrong password, disabled (banned) account: all refused alike.
		if (thrown instanceof APIError) return fail();
		throw thrown;
	}
}

/** The sign-in form's attempt, on the app's database. */
export async function signIn(event: RequestEvent, username: string, password: string): Promise<SignInResult> {
	const { db } = await getAppDatabase();
	return attemptSignIn(db, await getAuth(), {
		username,
		password,
		clientAddress: event.getClientAddress(),
		headers: event.request.headers
	});
}

/** Ends the request's session and clears its cookie. */
export async function signOut(event: RequestEvent): Promise<void> {
	const auth = await getAuth();
	await auth.api.signOut({ headers: event.request.headers });
}

/** The id of the request's session (to keep it when the user changes the password), or null. */
export async function currentSessionId(event: RequestEvent): Promise<string | null> {
	const auth = await getAuth();
	const found = await auth.api.getSession({ headers: event.request.headers });
	return found?.session.id ?? null;
}
