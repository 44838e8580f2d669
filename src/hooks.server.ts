import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { compressResponse } from '$lib/server/compression';
import { closeAppDatabase, getAppDatabase } from '$lib/server/db/app-database';
import { baseLocalePrefixRedirect } from '$lib/i18n';
import { paraglideMiddleware } from '$lib/paraglide/server';

/** Open, migrate and (on first run) seed the database before the first request is served. */
export const init: ServerInit = async () => {
	await getAppDatabase();
	// adapter-node emits this on SIGINT/SIGTERM once requests have drained.
	process.once('sveltekit:shutdown', () => void closeAppDatabase());
};

/** `/vi/…` would serve a copy of `/…`: send it to the one address of the Vietnamese page. */
const redirectBaseLocalePrefix: Handle = ({ event, resolve }) => {
	const location = baseLocalePrefixRedirect(event.url);
	return location ? new Response(null, { status: 308, headers: { location } }) : resolve(event);
};

/** The request's locale (from its URL) for every message rendered or sent, and in `<html lang>`. */
const localize: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

const compress: Handle = async ({ event, resolve }) => compressResponse(event.request, await resolve(event));

export const handle = sequence(redirectBaseLocalePrefix, localize, compress);
