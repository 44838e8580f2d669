import { env } from '$env/dynamic/private';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { authorize } from '$lib/server/auth/guard';
import { authenticate } from '$lib/server/auth/session';
import { compressResponse } from '$lib/server/compression';
import { serverErrorBody } from '$lib/server/server-error';
import { requestLog } from '$lib/server/request-log';
import { installProcessHandlers, openAppDatabaseWithRetry } from '$lib/server/startup';
import { createLoadShedder, loadSheddingOptions } from '$lib/server/load-shedding';
import { createPublicPageCache } from '$lib/server/public-page-cache';
import { publicRefreshSeconds } from '$lib/server/public-map';
import { inputErrorResponse } from '$lib/server/input-error-http';
import { InputError } from '$lib/input-error';
import { requireShortQuery } from '$lib/params';
import { securityHeaders } from '$lib/server/security-headers';
import { startWriteStream } from '$lib/server/write-stream';
import { asRequest } from '$lib/server/event-loop';
import { baseLocalePrefixRedirect } from '$lib/i18n';
import { baseLocale } from '$lib/paraglide/runtime';
import { paraglideMiddleware } from '$lib/paraglide/server';

/**
 * Open, migrate and (on first run) seed the database, and create the first accounts, before serving;
 * an unreachable database is retried, never a crash.
 */
export const init: ServerInit = async () => {
	installProcessHandlers();
	const { db } = await openAppDatabaseWithRetry();
	// The load bench's synthetic field records (unset: nothing runs).
	const stopWriteStream = startWriteStream(db, env.BENCH_WRITES_PER_SECOND);
	process.once('sveltekit:shutdown', stopWriteStream);
};

/** An unexpected error: logged with its stack and request id; the asker gets a plain message and the id. */
export const handleError: HandleServerError = ({ error, event, status, message }) =>
	serverErrorBody(error, event, status, message);

/** `/vi/…` would serve a copy of `/…`: send it to the one address of the Vietnamese page. */
const redirectBaseLocalePrefix: Handle = ({ event, resolve }) => {
	const location = baseLocalePrefixRedirect(event.url);
	return location ? new Response(null, { status: 308, headers: { location } }) : resolve(event);
};

/** Tiles, JSON and probes answer the same in every language (errors carry both): they skip the locale (≈ 50 µs). */
const MACHINE_ENDPOINTS = /^\/(tiles\/|api\/|healthz$|readyz$)/;

/** The request's locale (from its URL) for every message rendered or sent, and in `<html lang>`. */
const localize: Handle = ({ event, resolve }) => {
	const withLang = (locale: string) => ({
		transformPageChunk: ({ html }: { html: string }) => html.replace('%paraglide.lang%', locale)
	});
	// An error page there (a browser on a wrong /api/ address) is in the base locale.
	if (MACHINE_ENDPOINTS.test(event.url.pathname)) return resolve(event, withLang(baseLocale));
	return paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, withLang(locale));
	});
};

const compress: Handle = async ({ event, resolve }) => compressResponse(event.request, await resolve(event));

/** A handle made at its first request, once the environment has been read (SvelteKit's init). */
function madeOnFirstUse(make: () => Handle): Handle {
	let made: Handle | undefined;
	return (input) => (made ??= make())(input);
}

/** The public map's pages for anonymous viewers: one render per address and refresh interval. */
const publicPages = madeOnFirstUse(() =>
	createPublicPageCache({
		paths: new Set(['/', '/en', '/embed', '/en/embed']),
		maxAgeMs: publicRefreshSeconds() * 1000,
		maxEntries: 500
	})
);

/** Over its limits the server answers 503 + Retry-After at once (cached public pages are still served). */
const shedLoad = madeOnFirstUse(() => createLoadShedder(loadSheddingOptions(env)).handle);

/** A machine endpoint's query longer than any valid one is refused before it is parsed (400, our shape). */
const refuseLongQueries: Handle = ({ event, resolve }) => {
	if (!MACHINE_ENDPOINTS.test(event.url.pathname) && event.url.pathname !== '/oembed') return resolve(event);
	try {
		requireShortQuery(event.url);
	} catch (refused) {
		if (refused instanceof InputError) return inputErrorResponse(refused);
		throw refused;
	}
	return resolve(event);
};

/** Every request counts as active while it is answered: the public map's refresh waits between its pieces. */
const countActive: Handle = ({ event, resolve }) => asRequest(() => resolve(event));

// Outermost first: the request log times and ids everything; the security headers wrap every answer,
// the guard's refusals included; cached public pages are answered before load shedding, which comes
// before any work; the guard runs in the request's locale (its messages) and knows who is asking.
export const handle = sequence(
	countActive,
	requestLog,
	securityHeaders,
	redirectBaseLocalePrefix,
	publicPages,
	shedLoad,
	refuseLongQueries,
	localize,
	compress,
	authenticate,
	authorize
);
