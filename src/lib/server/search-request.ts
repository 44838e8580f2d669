// GET /api/search, apart from SvelteKit so that tests call it with their own database.
import { createHash } from 'node:crypto';
import { foldVietnamese } from '../text';
import { InputError } from '../input-error';
import { readStrictParams } from '../params';
import type { Database } from './db/index';
import { currentDataRevision } from './db/revision';
import { etagMatches, notModified, REVALIDATE } from './http-cache';
import { answerJson } from './input-error-http';
import { SEARCH_LIMITS, searchPlaces } from './search';

/** A valid search: the text as typed and how many results. */
interface SearchQuery {
	text: string;
	limit: number;
}

/** Reads `q` (at most {@link SEARCH_LIMITS}.maxQueryLength characters) and `limit` (1 to maxResults). */
function readSearchQuery(search: URLSearchParams): SearchQuery {
	const params = readStrictParams(search, ['q', 'limit']);
	const text = params.q ?? '';
	if (text.length > SEARCH_LIMITS.maxQueryLength) {
		throw InputError.invalid(
			'query-too-long',
			{
				vi: `Từ khóa tìm kiếm dài quá ${SEARCH_LIMITS.maxQueryLength} ký tự`,
				en: `The search text is longer than ${SEARCH_LIMITS.maxQueryLength} characters`
			},
			'q'
		);
	}
	const limitText = params.limit;
	// Decimal digits only: Number() would also read 0x5 and 5e0.
	const limit =
		limitText === undefined
			? SEARCH_LIMITS.defaultResults
			: /^\d{1,3}$/.test(limitText)
				? Number(limitText)
				: Number.NaN;
	if (!Number.isInteger(limit) || limit < 1 || limit > SEARCH_LIMITS.maxResults) {
		throw InputError.invalid(
			'invalid-limit',
			{
				vi: `Số kết quả phải là số nguyên từ 1 đến ${SEARCH_LIMITS.maxResults}`,
				en: `limit must be a whole number from 1 to ${SEARCH_LIMITS.maxResults}`
			},
			'limit'
		);
	}
	return { text, limit };
}

/**
 * The ETag of a search: the data revision (names and boundaries change only with it) and the query as
 * searched, so "Ba Đình" and "ba dinh" are one resource.
 */
function searchEtag(tag: string, query: SearchQuery): string {
	const digest = createHash('sha256')
		.update(`${query.limit}|${foldVietnamese(query.text)}`)
		.digest('base64url')
		.slice(0, 22);
	return `"${tag}.${digest}"`;
}

/**
 * Answers `GET ?q=ba%20dinh&limit=8`: `{ results }`, revalidated by ETag (304 when If-None-Match still
 * matches, before any search), or a 400 JSON error for a bad query.
 */
export function searchResponse(db: Database, request: Request): Promise<Response> {
	return answerJson(async () => {
		const query = readSearchQuery(new URL(request.url).searchParams);
		const { tag } = await currentDataRevision(db);
		const etag = searchEtag(tag, query);
		const headers = { etag, 'cache-control': REVALIDATE, vary: 'Accept-Encoding' };
		if (etagMatches(request.headers.get('if-none-match'), etag)) return notModified(headers);
		const results = await searchPlaces(db, query.text, query.limit);
		return new Response(JSON.stringify({ results }), {
			headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }
		});
	});
}
