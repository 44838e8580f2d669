// Months travel as 'YYYY-MM' in URLs and as their first day, 'YYYY-MM-01', everywhere else.

/** '2026-11' or '2026-11-01' → '2026-11-01'; undefined for anything else. */
export function monthFromParam(text: string): string | undefined {
	const match = /^(\d{4})-(0[1-9]|1[0-2])(-01)?$/.exec(text);
	return match ? `${match[1]}-${match[2]}-01` : undefined;
}

/** '2026-11-01' → '2026-11', for the URL. */
export function monthParam(month: string): string {
	return month.slice(0, 7);
}
