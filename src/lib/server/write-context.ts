// From which request a write comes, as a route hands it to the data layer's writes (withWrite); who
// writes is auth/actor.ts's actorOf.
import { randomUUID } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import type { WriteContext } from './db/write';

/** A request id a proxy may set; anything else (too long, odd characters) is replaced by our own. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request id and the client address of a write's audit event. */
export function writeContext(event: Pick<RequestEvent, 'request' | 'getClientAddress'>): WriteContext {
	const header = event.request.headers.get('x-request-id');
	let clientAddress: string | null;
	try {
		clientAddress = event.getClientAddress();
	} catch {
		// Some adapters (and prerendering) cannot tell; the event keeps null rather than failing the write.
		clientAddress = null;
	}
	return { requestId: header && REQUEST_ID.test(header) ? header : randomUUID(), clientAddress };
}
