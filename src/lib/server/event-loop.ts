// On the embedded database every query runs on the server's one thread (PGlite is WebAssembly in this
// process), and so does the analysis: a long computation in one piece holds every request behind it.
// Long background work is cut into pieces with a turn for the waiting requests between them.

/** Lets the requests (and timers) waiting on the event loop run before the caller continues. */
export function yieldToRequests(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}
