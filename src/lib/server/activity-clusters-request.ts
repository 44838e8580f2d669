// GET /api/activities/clusters, apart from SvelteKit so that tests call it with their own database.
import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { Label } from '../domain';
import { activityIndexForMonth, clustersFromIndex, type ActivityClustersQuery } from './activity-clusters';
import { apiError, type ApiErrorBody } from './api-error';
import type { Database } from './db/index';
import { dataMonths } from './db/metrics';
import { etagMatches, notModified, REVALIDATE } from './http-cache';
import { RevisionCache } from './revision-cache';

export type ClustersQueryErrorCode = 'invalid-month' | 'month-out-of-range' | 'invalid-bbox' | 'invalid-zoom';

/** A refused query: `message` in Vietnamese (the users' language), `messageEn` in English. */
export class ClustersQueryError extends Error {
	readonly code: ClustersQueryErrorCode;
	readonly messageEn: string;

	constructor(code: ClustersQueryErrorCode, label: Label) {
		super(label.vi);
		this.name = 'ClustersQueryError';
		this.code = code;
		this.messageEn = label.en;
	}
}

/** The body of a 400 response. */
export type ClustersErrorBody = ApiErrorBody<ClustersQueryErrorCode>;

const BBOX_PROBLEMS = {
	format: {
		vi: 'Tham số bbox phải gồm bốn số tây,nam,đông,bắc (độ, WGS 84), ví dụ 105.7,20.9,105.9,21.1',
		en: 'The bbox parameter must be four numbers west,south,east,north (degrees, WGS 84), e.g. 105.7,20.9,105.9,21.1'
	},
	longitude: {
		vi: 'Kinh độ trong bbox phải nằm trong khoảng từ -180 đến 180',
		en: 'Longitudes in bbox must be between -180 and 180'
	},
	latitude: {
		vi: 'Vĩ độ trong bbox phải nằm trong khoảng từ -90 đến 90',
		en: 'Latitudes in bbox must be between -90 and 90'
	},
	westEast: {
		vi: 'Trong bbox, kinh độ phía tây phải nhỏ hơn kinh độ phía đông',
		en: 'In bbox, the west longitude must be less than the east longitude'
	},
	southNorth: {
		vi: 'Trong bbox, vĩ độ phía nam phải nhỏ hơn vĩ độ phía bắc',
		en: 'In bbox, the south latitude must be less than the north latitude'
	}
} satisfies Record<string, Label>;

const MONTH_PROBLEM: Label = {
	vi: 'Tham số month phải là một tháng dạng YYYY-MM hoặc YYYY-MM-01, ví dụ 2026-11',
	en: 'The month parameter must be a month as YYYY-MM or YYYY-MM-01, e.g. 2026-11'
};

const ZOOM_PROBLEM: Label = {
	vi: 'Tham số zoom phải là một số nguyên từ 0 đến 22',
	en: 'The zoom parameter must be an integer from 0 to 22'
};

type BboxProblem = keyof typeof BBOX_PROBLEMS;

const decimal = z
	.string()
	.regex(/^-?\d+(\.\d+)?$/, 'format' satisfies BboxProblem)
	.transform(Number);

// Each refinement's message is a key of BBOX_PROBLEMS, turned into both languages below.
const bboxSchema = z
	.string('format' satisfies BboxProblem)
	.transform((text) => text.split(','))
	.pipe(z.tuple([decimal, decimal, decimal, decimal], 'format' satisfies BboxProblem))
	.refine(
		([west, , east]) => Math.abs(west) <= 180 && Math.abs(east) <= 180,
		'longitude' satisfies BboxProblem
	)
	.refine(
		([, south, , north]) => Math.abs(south) <= 90 && Math.abs(north) <= 90,
		'latitude' satisfies BboxProblem
	)
	.refine(([west, , east]) => west < east, 'westEast' satisfies BboxProblem)
	.refine(([, south, , north]) => south < north, 'southNorth' satisfies BboxProblem);

/** YYYY-MM or YYYY-MM-01, normalised to the first day of the month. */
const monthSchema = z
	.string()
	.regex(/^\d{4}-(0[1-9]|1[0-2])(-01)?$/)
	.transform((text) => `${text.slice(0, 7)}-01`);

const zoomSchema = z
	.string()
	.regex(/^\d{1,2}$/)
	.transform(Number)
	.pipe(z.number().int().min(0).max(22));

/** Checks the query's form (not yet whether the data has the month); throws a ClustersQueryError. */
export function parseClustersQuery(params: URLSearchParams): ActivityClustersQuery {
	const month = monthSchema.safeParse(params.get('month') ?? undefined);
	if (!month.success) throw new ClustersQueryError('invalid-month', MONTH_PROBLEM);
	const bbox = bboxSchema.safeParse(params.get('bbox') ?? undefined);
	if (!bbox.success) {
		const problem = bbox.error.issues[0]?.message;
		const label =
			problem && problem in BBOX_PROBLEMS ? BBOX_PROBLEMS[problem as BboxProblem] : BBOX_PROBLEMS.format;
		throw new ClustersQueryError('invalid-bbox', label);
	}
	const zoom = zoomSchema.safeParse(params.get('zoom') ?? undefined);
	if (!zoom.success) throw new ClustersQueryError('invalid-zoom', ZOOM_PROBLEM);
	return { month: month.data, bbox: bbox.data, zoom: zoom.data };
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
	if (!months.includes(month)) {
		const shown = month.slice(0, 7);
		const range =
			months.length > 0 ? { first: months[0]!.slice(0, 7), last: months.at(-1)!.slice(0, 7) } : undefined;
		throw new ClustersQueryError(
			'month-out-of-range',
			range
				? {
						vi: `Không có dữ liệu tháng ${shown}: dữ liệu có từ tháng ${range.first} đến tháng ${range.last}`,
						en: `No data for ${shown}: the data covers ${range.first} to ${range.last}`
					}
				: {
						vi: `Không có dữ liệu tháng ${shown}: chưa có dữ liệu nào`,
						en: `No data for ${shown}: there is no data yet`
					}
		);
	}
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
export async function activityClustersResponse(db: Database, url: URL, request: Request): Promise<Response> {
	let query: ActivityClustersQuery;
	let currentTag: string;
	try {
		query = parseClustersQuery(url.searchParams);
		currentTag = await assertDataMonth(db, query.month);
	} catch (error) {
		if (error instanceof ClustersQueryError) {
			return apiError(400, error.code, { vi: error.message, en: error.messageEn });
		}
		throw error;
	}
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
