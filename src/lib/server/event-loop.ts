// On the embedded database every query runs on the server's one thread (PGlite is WebAssembly in this
// process), and so does the analysis: a long computation in one piece holds every request behind it.
// Long background work is cut into pieces with a turn for the waiting requests between them, and the
// public map's refresh (background work no viewer waits for) goes further: between its pieces it waits
// until no request is being answered, so a viewer who arrives while it runs waits for one piece at most.
import { AsyncLocalStorage } from 'node:async_hooks';

/** The longest a background piece waits for the requests in flight: under a crowd it still progresses. */
export const BACKGROUND_MAX_WAIT_MS = 50;

const inRequest = new AsyncLocalStorage<true>();
const inBackground = new AsyncLocalStorage<true>();
/** Requests being answered, less those parked on background work (see `awaitBackground`). */
let activeRequests = 0;
const idleWaiters = new Set<() => void>();

function leave(): void {
	activeRequests = Math.max(0, activeRequests - 1);
	if (activeRequests === 0) for (const wake of [...idleWaiters]) wake();
}

/** Answers a request counted as active (the outermost handle wraps every request in it). */
export async function asRequest<T>(answer: () => T | Promise<T>): Promise<T> {
	activeRequests++;
	try {
		return await inRequest.run(true, answer);
	} finally {
		leave();
	}
}

/** Runs `work` as background work: its `yieldToRequests` let every active request finish first. */
export function asBackground<T>(work: () => Promise<T>): Promise<T> {
	// Not the request that happened to start it: the work outlives it, and is not it.
	return inRequest.exit(() => inBackground.run(true, work));
}

/**
 * A request waiting for background work (the first computation of a revision) is not active meanwhile:
 * otherwise the work it waits for would wait for it at every piece.
 */
export async function awaitBackground<T>(work: Promise<T>): Promise<T> {
	if (!inRequest.getStore()) return work;
	leave();
	try {
		return await work;
	} finally {
		activeRequests++;
	}
}

/**
 * Lets the requests (and timers) waiting on the event loop run before the caller continues; in
 * background work, also every request being answered, for at most BACKGROUND_MAX_WAIT_MS.
 */
export async function yieldToRequests(): Promise<void> {
	await new Promise((resolve) => setImmediate(resolve));
	if (!inBackground.getStore() || activeRequests === 0) return;
	await new Promise<void>((resolve) => {
		const wake = () => {
			clearTimeout(timer);
			idleWaiters.delete(wake);
			resolve();
		};
		const timer = setTimeout(wake, BACKGROUND_MAX_WAIT_MS);
		idleWaiters.add(wake);
	});
}

/** Requests counted as active now (for tests and the load probe). */
export function activeRequestCount(): number {
	return activeRequests;
}
