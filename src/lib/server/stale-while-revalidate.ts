/**
 * A value read at most once per `intervalMs`: after the interval the next caller still gets the value at
 * hand at once while one refresh runs behind it (stale-while-revalidate). Only the very first call waits.
 * A failed refresh keeps the old value and is tried again after the next interval.
 */
export class StaleWhileRevalidate<TValue> {
	#value: { value: TValue; readAt: number } | undefined;
	#pending: Promise<TValue> | undefined;

	constructor(
		private readonly read: () => Promise<TValue>,
		private readonly intervalMs: number,
		private readonly now: () => number = Date.now
	) {}

	async get(): Promise<TValue> {
		if (!this.#value) return this.#refresh();
		if (this.now() - this.#value.readAt >= this.intervalMs) this.#refresh().catch(() => {});
		return this.#value.value;
	}

	/** Reads now (once at a time); what a first call and an interval's end do. */
	#refresh(): Promise<TValue> {
		this.#pending ??= this.read()
			.then((value) => {
				this.#value = { value, readAt: this.now() };
				return value;
			})
			.catch((reason: unknown) => {
				// The old value stays for another interval: a database that is away is not asked on every request.
				if (this.#value) this.#value = { ...this.#value, readAt: this.now() };
				throw reason;
			})
			.finally(() => {
				this.#pending = undefined;
			});
		return this.#pending;
	}
}
