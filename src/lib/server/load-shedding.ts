// Under overload, refuse at once (503 + Retry-After) rather than queue work the client will have given
// up on by the time it is answered; the server is then free as soon as the burst ends.
import type { Handle } from '@sveltejs/kit';
import { apiErrorResponse } from './input-error-http';

export interface LoadSheddingOptions {
	/** Requests being answered at once; one more is refused. */
	maxInFlight: number;
	/** When the oldest request in flight is older than this, the server is behind: new ones are refused… */
	maxAgeMs: number;
	/** …provided at least this many are in flight (one slow export alone is not an overload). */
	minInFlightForAge: number;
	/** What Retry-After says, in seconds. */
	retryAfterSeconds: number;
}

/** Defaults, overridable by MAX_IN_FLIGHT (requests) and SHED_AFTER_MS. */
export function loadSheddingOptions(env: Record<string, string | undefined>): LoadSheddingOptions {
	const positive = (text: string | undefined, fallback: number) => {
		const value = Number(text);
		return text !== undefined && /^\d+$/.test(text) && value > 0 ? value : fallback;
	};
	return {
		maxInFlight: positive(env.MAX_IN_FLIGHT, 128),
		maxAgeMs: positive(env.SHED_AFTER_MS, 3000),
		minInFlightForAge: 8,
		retryAfterSeconds: 2
	};
}

/** The 503 an overloaded server answers: the JSON error shape, never cached. */
function overloadedResponse(retryAfterSeconds: number): Response {
	const response = apiErrorResponse(503, {
		code: 'overloaded',
		message: 'Máy chủ đang quá tải, xin thử lại sau giây lát',
		messageEn: 'The server is overloaded, please try again in a moment'
	});
	response.headers.set('retry-after', String(retryAfterSeconds));
	return response;
}

/** A handle that counts the requests it lets through and refuses the rest while over the limits. */
export function createLoadShedder(
	options: LoadSheddingOptions,
	now: () => number = performance.now.bind(performance)
) {
	// Start times by request; a Map iterates in insertion order, so the first is the oldest.
	const started = new Map<symbol, number>();
	const overloaded = () => {
		if (started.size >= options.maxInFlight) return true;
		if (started.size < options.minInFlightForAge) return false;
		const oldest = started.values().next().value!;
		return now() - oldest > options.maxAgeMs;
	};
	const handle: Handle = async ({ event, resolve }) => {
		if (overloaded()) return overloadedResponse(options.retryAfterSeconds);
		const id = Symbol();
		started.set(id, now());
		try {
			return await resolve(event);
		} finally {
			started.delete(id);
		}
	};
	return { handle, inFlight: () => started.size };
}
