// The app's better-auth instance (better-auth.ts), over the app's database and environment.
import { getRequestEvent } from '$app/server';
import { env } from '$env/dynamic/private';
import { randomBytes } from 'node:crypto';
import { getAppDatabase } from '../db/app-database';
import { createAuth, type Auth } from './better-auth';

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

const AUTH_KEY = Symbol.for('go-tung-nha.auth');
const store = globalThis as { [AUTH_KEY]?: Promise<Auth> };

/** The app's better-auth instance, over the app database (one per process, like the database). */
export function getAuth(): Promise<Auth> {
	store[AUTH_KEY] ??= getAppDatabase().then(({ db }) =>
		createAuth(db, { secret: authSecret(), origin: env.ORIGIN || undefined, requestEvent: getRequestEvent })
	);
	return store[AUTH_KEY];
}
