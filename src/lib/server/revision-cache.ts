import type { Database } from './db/index';
import { currentDataRevision } from './db/revision';

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
		const { tag } = await currentDataRevision(db);
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
