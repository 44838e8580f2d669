// GET /api/activities/clusters, apart from SvelteKit so that tests call it with their own database.
import { createHash } from 'node:crypto';
import {
	MONTH_WORDINGS,
	readBboxParam,
	readMonthFormat,
	readStrictParams,
	readZoomParam,
	requireDataMonth
} from '../params';
import { activityIndexForMonth, clustersFromIndex, type ActivityClustersQuery } from './activity-clusters';
import type { Database } from './db/index';
import { dataMonths } from './db/metrics';
import { etagMatches, notModified, REVALIDATE } from './http-cache';
import { answerJson, type ApiErrorBody } from './input-error-http';
import { RevisionCache } from './revision-cache';

/** The body of a 400 response. */
export type ClustersErrorBody = ApiErrorBody<
	'invalid-month' | 'month-out-of-range' | 'invalid-bbox' | 'invalid-zoom'
>;

/**
 * Checks the query's form (not yet whether the data has the month); throws an InputError. `month` is
 * required here: the map always asks for the month it shows.
 */
export function parseClustersQuery(search: URLSearchParams): ActivityClustersQuery {
	const params = new URLSearchParams(
		readStrictParams(search, ['month', 'bbox', 'zoom']) as Record<string, string>
	);
	const month = readMonthFormat(params, { absent: 'required', wording: MONTH_WORDINGS.clusters });
	return { month, bbox: readBboxParam(params), zoom: readZoomParam(params) };
}

const monthCaches = new WeakMap<Database, RevisionCache<string[]>>();

/** The data's months with the revision tag they belong to; read once per revision. */
async function cachedDataMonths(db: Database): Promise<{ value: string[]; tag: string }> {
	let cache = monthCaches.get(db);
	if (!cache) {
		cache = new RevisionCache<string[]>(1);
		monthCaches.set(db, cache);
	}
	return cache.get(db, 'months', () => dataMonths(db));
}

/** Throws unless the data covers `month` (YYYY-MM-01); returns the current revision tag. */
async function assertDataMonth(db: Database, month: string): Promise<string> {
	const { value: months, tag } = await cachedDataMonths(db);
	requireDataMonth(month, months, { wording: MONTH_WORDINGS.clusters });
	return tag;
}

/** An ETag that changes with the data (revision tag) and with the normalised query. */
export function clustersEtag(tag: string, query: ActivityClustersQuery): string {
	const digest = createHash('sha256')
		.update(`${query.month}|${query.bbox.join(',')}|${query.zoom}`)
		.digest('base64url')
		.slice(0, 16);
	return `"${tag}-${digest}"`;
}

/**
 * Answers `GET ?month=2026-11&bbox=w,s,e,n&zoom=12`: the month's clusters and single activities as
 * GeoJSON, 304 when If-None-Match still matches, 400 with a bilingual error for a bad query.
 */
export function activityClustersResponse(db: Database, url: URL, request: Request): Promise<Response> {
	return answerJson(() => clustersAnswer(db, url, request));
}

async function clustersAnswer(db: Database, url: URL, request: Request): Promise<Response> {
	const query = parseClustersQuery(url.searchParams);
	const currentTag = await assertDataMonth(db, query.month);
	const currentEtag = clustersEtag(currentTag, query);
	if (etagMatches(request.headers.get('if-none-match'), currentEtag)) {
		return notModified({ etag: currentEtag, 'cache-control': REVALIDATE });
	}
	const { index, tag } = await activityIndexForMonth(db, query.month);
	const collection = clustersFromIndex(index, query.bbox, query.zoom);
	return new Response(JSON.stringify(collection), {
		headers: {
			'content-type': 'application/geo+json; charset=utf-8',
			etag: clustersEtag(tag, query),
			'cache-control': REVALIDATE
		}
	});
}
