// What a shared map link asked for that the map could not show: the page shows the map anyway (the
// latest month, no hamlet) with an inline notice, instead of an error page. Pure and client-safe: the
// server lists the notices, the page words them.

/** One thing of the link the map set aside. `text` is the parameter as written. */
export type MapNotice =
	/** `month` malformed or without data: `shown` is the month shown instead (YYYY-MM-01), if any. */
	| { kind: 'month'; text: string; shown: string | null }
	/** `since` malformed, without data or after the month shown: the default comparison is used. */
	| { kind: 'since'; text: string }
	/** `hamlet` names no hamlet. */
	| { kind: 'hamlet'; text: string }
	/** `commune` names no commune. */
	| { kind: 'commune'; text: string };

/**
 * A month parameter as a reader writes it, "13/2026" for `2026-13` (or `2026-13-01`); anything that is
 * not shaped like a month is quoted as written, shortened to 40 characters.
 */
export function writtenMonth(text: string): string {
	const match = /^(\d{4})-(\d{1,2})(?:-\d{1,2})?$/.exec(text);
	if (match) return `${match[2]!.padStart(2, '0')}/${match[1]}`;
	const short = text.length > 40 ? `${text.slice(0, 39)}…` : text;
	return `“${short}”`;
}

/** A month YYYY-MM-01 as MM/YYYY. */
export function numericMonth(month: string): string {
	return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}
