// One log line per request, and its id in the `X-Request-Id` response header and in its writes' audit
// events (write-context.ts reads `locals.requestId`), so a line, a header and an event can be matched.
import type { Handle } from '@sveltejs/kit';
import { logger } from './log';
import { requestIdOf } from './write-context';

function withHeader(response: Response, name: string, value: string): Response {
	try {
		response.headers.set(name, value);
		return response;
	} catch {
		// A response with immutable headers (e.g. one fetched and passed through): set it on a copy.
		const copy = new Response(response.body, response);
		copy.headers.set(name, value);
		return copy;
	}
}

/**
 * Logs method, route id (never the query, which may hold a searched name), status, duration and the
 * signed-in user's id. A request that throws past SvelteKit is logged with its error and rethrown.
 */
export const requestLog: Handle = async ({ event, resolve }) => {
	const requestId = requestIdOf(event.request);
	event.locals.requestId = requestId;
	const started = performance.now();
	// LOG_LEVEL=debug: also when it arrives, to see what is in flight (a hang, a shutdown).
	logger.debug({ requestId, method: event.request.method, route: event.route.id }, 'request received');
	const line = () => ({
		requestId,
		method: event.request.method,
		route: event.route.id,
		durationMs: Math.round((performance.now() - started) * 10) / 10,
		userId: event.locals.user?.id ?? null
	});
	try {
		const response = await resolve(event);
		const entry = { ...line(), status: response.status };
		if (response.status >= 500) logger.warn(entry, 'request');
		else logger.info(entry, 'request');
		return withHeader(response, 'x-request-id', requestId);
	} catch (error) {
		logger.error({ ...line(), status: 500, err: error }, 'request failed');
		throw error;
	}
};
