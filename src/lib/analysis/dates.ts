// Calendar dates as UTC day numbers, so date arithmetic never depends on the machine's time zone.

const MILLISECONDS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; null when the text is not a real calendar date. */
export function parseIsoDay(text: unknown): number | null {
	if (typeof text !== 'string') return null;
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!match) return null;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const time = Date.UTC(year, month - 1, day);
	const date = new Date(time);
	// Date.UTC rolls 2026-02-30 over to March; a real date survives the round trip.
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
		return null;
	return time / MILLISECONDS_PER_DAY;
}

/** The `YYYY-MM-DD` text of a UTC day number. */
export function formatIsoDay(day: number): string {
	return new Date(day * MILLISECONDS_PER_DAY).toISOString().slice(0, 10);
}
