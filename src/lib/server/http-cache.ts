// HTTP caching shared by the machine endpoints: Cache-Control values, If-None-Match, 304.

/** Cached by browsers and CDNs, but revalidated (ETag) before each use: the data can change at any request. */
export const REVALIDATE = 'public, max-age=0, must-revalidate';

/** A URL that never changes (it carries its version): CDNs and browsers keep it for a year without asking. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Whether an If-None-Match header (a list of ETags, or `*`) names `etag`; W/ prefixes are ignored. */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	return ifNoneMatch
		.split(',')
		.map((candidate) => candidate.trim().replace(/^W\//, ''))
		.some((candidate) => candidate === '*' || candidate === etag);
}

/** The 304 for a client whose copy is current, with the headers (ETag, Cache-Control…) a 200 would have. */
export function notModified(headers: HeadersInit): Response {
	return new Response(null, { status: 304, headers });
}
