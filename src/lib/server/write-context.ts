// Who writes and from which request, as a route hands them to the data layer's writes (withWrite).
import { randomUUID } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import type { Actor, WriteContext } from './db/write';

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

/**
 * The signed-in user as the writes' actor. Until sign-in lands (issue 9, items 1–3) the planner has no
 * user and writes as the system, as it did before the audit trail.
 */
export function writeActor(event: Pick<RequestEvent, 'locals'>): Actor {
	const user = event.locals.user;
	if (!user) return { kind: 'system', reason: 'planner (no accounts yet)' };
	const { id, username, role, communeCodes } = user;
	return { kind: 'user', id, username, role, communeCodes };
}
