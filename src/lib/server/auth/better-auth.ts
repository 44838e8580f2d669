// better-auth, configured once: username + password, sessions in our database (so several instances
// share them), the admin plugin's role and ban fields. Its HTTP handler is NOT mounted: the forms call
// `auth.api.*` from actions, which SvelteKit's origin check protects, so no JSON sign-in route exists
// for a cross-site request to use. The app's instance is in auth.ts; tests build their own here.
import type { RequestEvent } from '@sveltejs/kit';
import { betterAuth } from 'better-auth';
import { admin, username } from 'better-auth/plugins';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import { authDatabaseAdapter } from '../db/auth-adapter';
import type { Database } from '../db/index';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './accounts';

const HOUR = 60 * 60;

/** A session unused for this long ends (better-auth's expiry, pushed forward as it is used). */
const SESSION_IDLE_SECONDS = 8 * HOUR;
/** However much it is used, a session ends this long after sign-in (checked by session.ts). */
export const SESSION_ABSOLUTE_SECONDS = 7 * 24 * HOUR;

export interface AuthSettings {
	/** The key that signs session cookies (BETTER_AUTH_SECRET). */
	secret: string;
	/** The site's address (ORIGIN): https makes the cookies Secure. */
	origin: string | undefined;
	/** The request being answered, whose response gets the session cookie. */
	requestEvent: () => RequestEvent | undefined;
}

export function createAuth(db: Database, settings: AuthSettings) {
	const origin = settings.origin;
	return betterAuth({
		appName: 'Gõ Từng Nhà',
		baseURL: origin,
		trustedOrigins: origin ? [origin] : [],
		secret: settings.secret,
		database: authDatabaseAdapter(db),
		emailAndPassword: {
			enabled: true,
			// People are created by an admin (or the CLI), never by signing themselves up.
			disableSignUp: true,
			minPasswordLength: MIN_PASSWORD_LENGTH,
			maxPasswordLength: MAX_PASSWORD_LENGTH
		},
		session: {
			expiresIn: SESSION_IDLE_SECONDS,
			// Push the expiry forward at most once an hour, not on every request.
			updateAge: HOUR
		},
		// Ours (sign-in.ts) counts per username and address in the database; better-auth's acts only on
		// its HTTP handler, which is not mounted.
		rateLimit: { enabled: false },
		advanced: {
			// Secure cookies exactly when the site is served over https (ORIGIN says so behind a proxy too).
			useSecureCookies: origin?.startsWith('https://') ?? false,
			defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' }
		},
		plugins: [
			username(),
			admin({ defaultRole: 'team', adminRoles: ['admin'] }),
			// Last, as better-auth asks: copies the cookies of auth.api calls onto SvelteKit's response.
			// Without a request (tests, scripts) it has nothing to copy to and does nothing.
			sveltekitCookies(() => settings.requestEvent() as RequestEvent)
		]
	});
}

export type Auth = ReturnType<typeof createAuth>;
