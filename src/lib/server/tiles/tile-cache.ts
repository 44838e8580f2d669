/**
 * Rendered tiles of the current data version, least recently used first out, bounded in bytes. A
 * request with a newer version empties it: tiles are only ever served for the version they were
 * rendered from, so a data write needs no invalidation call. Concurrent requests for the same tile
 * share one rendering.
 */
export class TileCache {
	#version: string | undefined;
	#entries = new Map<string, Promise<Uint8Array | null>>();
	#sizes = new Map<string, number>();
	#bytes = 0;
	/** Requests served from memory and requests that rendered, since the start. */
	readonly stats = { hits: 0, misses: 0 };

	constructor(
		private readonly maxBytes = 32 * 1024 * 1024, // about 500 dense z10 tiles, or thousands at z14
		private readonly maxEntries = 4096 // empty tiles weigh nothing but still take an entry
	) {}

	/** The tile `key` of data version `version`, rendered by `render` unless in memory. */
	get(version: string, key: string, render: () => Promise<Uint8Array | null>): Promise<Uint8Array | null> {
		if (version !== this.#version) {
			this.#version = version;
			this.#entries.clear();
			this.#sizes.clear();
			this.#bytes = 0;
		}
		const cached = this.#entries.get(key);
		if (cached) {
			this.stats.hits++;
			// Re-inserting moves the key to the end: Maps iterate in insertion order, oldest first.
			this.#entries.delete(key);
			this.#entries.set(key, cached);
			return cached;
		}
		this.stats.misses++;
		const entry = render();
		this.#entries.set(key, entry);
		entry.then(
			(bytes) => {
				if (this.#entries.get(key) !== entry) return;
				const size = bytes?.byteLength ?? 0;
				this.#sizes.set(key, size);
				this.#bytes += size;
				this.#evict();
			},
			// A failed rendering must not be cached: the next request tries again.
			() => {
				if (this.#entries.get(key) === entry) this.#entries.delete(key);
			}
		);
		this.#evict();
		return entry;
	}

	/** Tiles held and their total size in bytes (pending renderings count as 0). */
	get usage(): { tiles: number; bytes: number } {
		return { tiles: this.#entries.size, bytes: this.#bytes };
	}

	#evict(): void {
		while (this.#bytes > this.maxBytes || this.#entries.size > this.maxEntries) {
			const oldest = this.#entries.keys().next().value;
			if (oldest === undefined) return;
			this.#entries.delete(oldest);
			this.#bytes -= this.#sizes.get(oldest) ?? 0;
			this.#sizes.delete(oldest);
		}
	}
}
