// What an unexpected error becomes: one log line with its stack, and for the asker a plain message in
// both languages with the request's id (the same as in the log and the X-Request-Id header).
import type { RequestEvent } from '@sveltejs/kit';
import { bilingual } from '../i18n';
import { m } from '../paraglide/messages';
import { logger } from './log';

/** PostgreSQL's codes for a lost or refused connection: class 08, and the server shutting down (57P0x). */
const CONNECTION_CODES = /^(08|57P0)/;
const CONNECTION_MESSAGES =
	/ECONNREFUSED|ECONNRESET|Connection terminated|connection.*(closed|ended)|terminating connection/i;

/** Whether an error (or one of its causes: drizzle wraps the driver's) is the database being out of reach. */
export function isDatabaseUnavailable(error: unknown): boolean {
	for (let cause = error, depth = 0; cause && depth < 5; depth++) {
		const { code, message } = cause as { code?: unknown; message?: unknown };
		if (typeof code === 'string' && (CONNECTION_CODES.test(code) || code === 'ECONNREFUSED')) return true;
		if (typeof message === 'string' && CONNECTION_MESSAGES.test(message)) return true;
		cause = (cause as { cause?: unknown }).cause;
	}
	return false;
}

export function serverErrorBody(
	error: unknown,
	event: Pick<RequestEvent, 'locals' | 'route' | 'request'>,
	status: number,
	message: string
): App.Error {
	const requestId = event.locals.requestId;
	// A 404 is an answer, not a fault; SvelteKit's own message ("Not Found") goes out as it is.
	if (status < 500) return { message, requestId };
	const unavailable = isDatabaseUnavailable(error);
	logger.error(
		{
			err: error,
			requestId,
			method: event.request.method,
			route: event.route.id,
			status,
			databaseUnavailable: unavailable
		},
		'request error'
	);
	const text = bilingual(unavailable ? m.error_database_unavailable : m.error_server_text);
	return {
		message: text.vi,
		messageEn: text.en,
		code: unavailable ? 'database-unavailable' : 'internal-error',
		requestId
	};
}
