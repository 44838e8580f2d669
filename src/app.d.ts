// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser } from '$lib/roles';

declare global {
	namespace App {
		interface Locals {
			/** The signed-in user, or null for an anonymous request (filled by hooks.server.ts). */
			user: SessionUser | null;
			/** The request's id: logged, sent as `X-Request-Id` and kept in its audit events (request-log.ts). */
			requestId?: string;
			/** Set by the guard when a page is refused: the root layout renders it as the error page. */
			refusal?: { status: number; code: string; message: string; messageEn: string };
		}
		interface Error {
			/** Shown to the user on Vietnamese pages (and in JSON bodies, for machines). */
			message: string;
			/** The same in English, shown on English pages; `message` when missing (SvelteKit's own errors). */
			messageEn?: string;
			/** The stable code of refused input (see InputError), for tests and support. */
			code?: string;
			/** The failed request's id, as in the log and the `X-Request-Id` header, for support. */
			requestId?: string;
		}
	}
}

export {};
