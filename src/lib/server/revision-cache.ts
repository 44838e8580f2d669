import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database } from './db/index';
import { currentDataRevision } from './db/revision';

const pinnedRevision = new AsyncLocalStorage<string>();

/**
 * Runs `compute` on one data revision: every RevisionCache read inside it (however deep, across awaits)
 * takes `tag` instead of reading the current one. A computation that yields between its steps (the
 * public map's refresh) would otherwise see a newer revision at each step under a stream of writes, drop
 * what its earlier steps cached and do the city-wide work again.
 */
export function onRevision<TValue>(tag: string, compute: () => Promise<TValue>): Promise<TValue> {
	return pinnedRevision.run(tag, compute);
}

/**
 * Results computed from the data, kept until the data changes. Every `get` reads the current revision
 * tag (one primary-key lookup) and drops everything computed for an older tag, so a write is visible on
 * the next request with no invalidation calls scattered through the loaders.
 */
export class RevisionCache<TValue> {
	#tag: string | undefined;
	#entries = new Map<string, Promise<TValue>>();

	constructor(private readonly maxEntries = 64) {}

	async get(
		db: Database,
		key: string,
		compute: () => Promise<TValue>
	): Promise<{ value: TValue; tag: string }> {
		const tag = pinnedRevision.getStore() ?? (await currentDataRevision(db)).tag;
		if (tag !== this.#tag) {
			this.#tag = tag;
			this.#entries.clear();
		}
		let entry = this.#entries.get(key);
		if (!entry) {
			if (this.#entries.size >= this.maxEntries) {
				// Maps iterate in insertion order: the first key is the oldest.
				this.#entries.delete(this.#entries.keys().next().value!);
			}
			entry = compute();
			// A failed computation must not be cached: the next request tries again.
			entry.catch(() => {
				if (this.#entries.get(key) === entry) this.#entries.delete(key);
			});
			this.#entries.set(key, entry);
		}
		return { value: await entry, tag };
	}
}
