// From which request a write comes, as a route hands it to the data layer's writes (withWrite); who
// writes is auth/actor.ts's actorOf.
import { randomUUID } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import type { WriteContext } from './db/write';

/** A request id a proxy may set; anything else (too long, odd characters) is replaced by our own. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A request's id: the proxy's `x-request-id` when it is a sane one, else a random UUID. */
export function requestIdOf(request: Request): string {
	const header = request.headers.get('x-request-id');
	return header && REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * The request id (the one request-log.ts logged and sent back, when it ran) and the client address of
 * a write's audit event.
 */
export function writeContext(
	event: Pick<RequestEvent, 'request' | 'getClientAddress'> & { locals?: Partial<App.Locals> }
): WriteContext {
	let clientAddress: string | null;
	try {
		clientAddress = event.getClientAddress();
	} catch {
		// Some adapters (and prerendering) cannot tell; the event keeps null rather than failing the write.
		clientAddress = null;
	}
	return { requestId: event.locals?.requestId ?? requestIdOf(event.request), clientAddress };
}
