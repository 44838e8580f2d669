import { json } from '@sveltejs/kit';
import { apiError } from '$lib/server/api-error';
import { getAppDatabase } from '$lib/server/db/app-database';
import { SEARCH_LIMITS, searchPlaces } from '$lib/server/search';
import type { RequestHandler } from './$types';

/** GET /api/search?q=ba%20dinh&limit=8 — communes and hamlets by name, for the map's search box and others. */
export const GET: RequestHandler = async ({ url }) => {
	const query = url.searchParams.get('q') ?? '';
	if (query.length > SEARCH_LIMITS.maxQueryLength) {
		return apiError(400, 'query-too-long', {
			vi: `Từ khóa tìm kiếm dài quá ${SEARCH_LIMITS.maxQueryLength} ký tự`,
			en: `The search text is longer than ${SEARCH_LIMITS.maxQueryLength} characters`
		});
	}
	const limitText = url.searchParams.get('limit');
	const limit = limitText === null ? SEARCH_LIMITS.defaultResults : Number(limitText);
	if (!Number.isInteger(limit) || limit < 1 || limit > SEARCH_LIMITS.maxResults) {
		return apiError(400, 'invalid-limit', {
			vi: `Số kết quả phải là số nguyên từ 1 đến ${SEARCH_LIMITS.maxResults}`,
			en: `limit must be a whole number from 1 to ${SEARCH_LIMITS.maxResults}`
		});
	}
	const { db } = await getAppDatabase();
	return json({ results: await searchPlaces(db, query, limit) });
};
