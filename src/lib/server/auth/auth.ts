// better-auth, configured once for the app: username + password, sessions in our database (so several
// instances share them), the admin plugin's role and ban fields. Its HTTP handler is NOT mounted: the
// forms call `auth.api.*` from actions, which SvelteKit's origin check protects, so no JSON sign-in
// route exists for a cross-site request to use.
import { getRequestEvent } from '$app/server';
import { env } from '$env/dynamic/private';
import { betterAuth } from 'better-auth';
import { admin, username } from 'better-auth/plugins';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import { randomBytes } from 'node:crypto';
import { authDatabaseAdapter } from '../db/auth-adapter';
import type { Database } from '../db/index';
import { getAppDatabase } from '../db/app-database';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './accounts';

const HOUR = 60 * 60;

/** A session unused for this long ends (better-auth's expiry, pushed forward as it is used). */
export const SESSION_IDLE_SECONDS = 8 * HOUR;
/** However much it is used, a session ends this long after sign-in (checked by session.ts). */
export const SESSION_ABSOLUTE_SECONDS = 7 * 24 * HOUR;

/**
 * The key that signs session cookies. Several instances must share it (BETTER_AUTH_SECRET); without
 * it, a random one per process: sessions then end when the server restarts.
 */
function authSecret(): string {
	if (env.BETTER_AUTH_SECRET) return env.BETTER_AUTH_SECRET;
	console.warn(
		'BETTER_AUTH_SECRET chưa đặt: phiên đăng nhập sẽ mất khi khởi động lại (unset: sessions end at restart)'
	);
	return randomBytes(32).toString('base64url');
}

function createAuth(db: Database) {
	const origin = env.ORIGIN || undefined;
	return betterAuth({
		appName: 'Gõ Từng Nhà',
		baseURL: origin,
		trustedOrigins: origin ? [origin] : [],
		secret: authSecret(),
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
			sveltekitCookies(getRequestEvent)
		]
	});
}

export type Auth = ReturnType<typeof createAuth>;

const AUTH_KEY = Symbol.for('go-tung-nha.auth');
const store = globalThis as { [AUTH_KEY]?: Promise<Auth> };

/** The app's better-auth instance, over the app database (one per process, like the database). */
export function getAuth(): Promise<Auth> {
	store[AUTH_KEY] ??= getAppDatabase().then(({ db }) => createAuth(db));
	return store[AUTH_KEY];
}
