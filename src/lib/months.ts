// Months travel as 'YYYY-MM' in URLs and as their first day, 'YYYY-MM-01', everywhere else.
import type { ResolvedPathname } from '$app/types';

/** '2026-11' or '2026-11-01' → '2026-11-01'; undefined for anything else. */
export function monthFromParam(text: string): string | undefined {
	const match = /^(\d{4})-(0[1-9]|1[0-2])(-01)?$/.exec(text);
	return match ? `${match[1]}-${match[2]}-01` : undefined;
}

/** '2026-11-01' → '2026-11', for the URL. */
export function monthParam(month: string): string {
	return month.slice(0, 7);
}

/** A page's address with the month it shows, `/dashboard?month=2026-11`, as a link SvelteKit accepts. */
export function withMonthParam(path: ResolvedPathname, month: string): ResolvedPathname {
	return `${path}?month=${monthParam(month)}` as ResolvedPathname;
}
