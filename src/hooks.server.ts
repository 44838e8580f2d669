import type { Handle, ServerInit } from '@sveltejs/kit';
import { compressResponse } from '$lib/server/compression';
import { closeAppDatabase, getAppDatabase } from '$lib/server/db/app-database';

/** Open, migrate and (on first run) seed the database before the first request is served. */
export const init: ServerInit = async () => {
	await getAppDatabase();
	// adapter-node emits this on SIGINT/SIGTERM once requests have drained.
	process.once('sveltekit:shutdown', () => void closeAppDatabase());
};

export const handle: Handle = async ({ event, resolve }) =>
	compressResponse(event.request, await resolve(event));
