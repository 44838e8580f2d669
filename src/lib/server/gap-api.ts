// What /api/gap and /api/hotspots share: reading the query, errors as JSON, and revision ETags.
import { createHash } from 'node:crypto';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { HotSpotClass } from '$lib/analysis/types';
import type { Label } from '$lib/domain';
import type { GapWeights, HamletGapResult } from '$lib/gap-planning';
import { bilingual } from '$lib/i18n';
import { bilingualRecord, GAP_COMPONENT_MESSAGES, HOT_SPOT_CLASS_MESSAGES } from '$lib/labels';
import { monthParam } from '$lib/months';
import {
	readChoiceParam,
	readCommuneCodeParam,
	readMonthParam,
	readStrictParams,
	readWeightsParam,
	unknownCommuneError
} from '$lib/params';
import { findCommune } from './db/communes';
import type { Database } from './db/index';
import { dataMonths } from './db/metrics';
import { currentDataRevision } from './db/revision';
import {
	cityGapAnalysis,
	communeGapAnalysis,
	gapAnalysisGeometries,
	type CommuneGapAnalysis,
	type GapAnalysis
} from './gap-analysis';
import { etagMatches, notModified, REVALIDATE } from './http-cache';
import { answerJson } from './input-error-http';
import { publicGapRecord, type PublicGapRecord } from '$lib/suppression';

const API_FORMATS = ['json', 'geojson'] as const;
const GAP_PARAMS = ['month', 'commune', 'weights', 'format'] as const;
const HOTSPOT_PARAMS = ['month', 'commune', 'format'] as const;
type ApiFormat = (typeof API_FORMATS)[number];

/** A valid query of the gap and hot-spot endpoints. */
export interface GapQuery {
	/** First day of the month, one of `dataMonths`. */
	month: string;
	/** A commune that exists, or undefined for the whole city. */
	communeCode: string | undefined;
	weights: GapWeights;
	format: ApiFormat;
	/** An anonymous request: figures on too few people are withheld (`publicGapRecord`, $lib/suppression). */
	public: boolean;
}

/**
 * Reads `month` (YYYY-MM, default the latest month with data), `commune` (5-digit code, default the
 * city), `weights` (`skills:0.3,coverage:0.2,…`, default the documented weights) and `format`
 * (json | geojson); throws InputError (400, or 404 for an unknown commune) on anything else.
 */
async function readGapQuery(
	db: Database,
	search: URLSearchParams,
	endpoint: string,
	isPublic: boolean
): Promise<GapQuery> {
	// One schema per endpoint: hot spots take no weights (Gi* is computed on the default index).
	const params = new URLSearchParams(
		readStrictParams(search, endpoint === 'gap' ? GAP_PARAMS : HOTSPOT_PARAMS) as Record<string, string>
	);
	const format = readChoiceParam(params, 'format', API_FORMATS, 'json', (text) => ({
		code: 'invalid-format',
		message: {
			vi: `Định dạng không hỗ trợ: "${text}" (dùng json hoặc geojson)`,
			en: `Unsupported format: "${text}" (use json or geojson)`
		}
	}));
	const month = readMonthParam(params, await dataMonths(db), { absent: 'latest' });
	const communeCode = readCommuneCodeParam(params);
	if (communeCode !== undefined && (await findCommune(db, communeCode)) === null) {
		throw unknownCommuneError(communeCode);
	}
	return { month, communeCode, weights: readWeightsParam(params), format, public: isPublic };
}

/** A strong ETag from the data revision tag and the normalised query. */
function gapEtag(revisionTag: string, endpoint: string, query: GapQuery): string {
	const canonical = JSON.stringify([
		endpoint,
		query.month,
		query.communeCode ?? '',
		query.format,
		query.weights,
		query.public
	]);
	const digest = createHash('sha256').update(canonical).digest('base64url').slice(0, 22);
	return `"${revisionTag}.${digest}"`;
}

/**
 * Answers a gap or hot-spot request: errors as JSON, 304 when the client's copy is current (checked
 * before any analysis runs), else the body `build` makes, numbers rounded (see `compactNumbers`).
 * `signedIn` requests see every figure; anonymous ones the public figures (Decree 13/2023).
 */
export async function gapApiResponse(
	db: Database,
	request: Request,
	endpoint: string,
	build: (query: GapQuery) => Promise<unknown>,
	signedIn = false
): Promise<Response> {
	return answerJson(() => gapApiAnswer(db, request, endpoint, build, signedIn));
}

async function gapApiAnswer(
	db: Database,
	request: Request,
	endpoint: string,
	build: (query: GapQuery) => Promise<unknown>,
	signedIn: boolean
): Promise<Response> {
	const query = await readGapQuery(db, new URL(request.url).searchParams, endpoint, !signedIn);
	const { tag } = await currentDataRevision(db);
	const etag = gapEtag(tag, endpoint, query);
	// Revalidated every time, cheaply: the ETag changes with the data revision and the query. A signed-in
	// answer holds withheld figures: no shared cache may keep it.
	const headers = {
		etag,
		'cache-control': signedIn ? 'private, max-age=0, must-revalidate' : REVALIDATE,
		vary: signedIn ? 'Accept-Encoding, Cookie' : 'Accept-Encoding'
	};
	if (etagMatches(request.headers.get('if-none-match'), etag)) return notModified(headers);
	const body = await build(query);
	const contentType =
		query.format === 'geojson' ? 'application/geo+json; charset=utf-8' : 'application/json; charset=utf-8';
	return new Response(JSON.stringify(body, compactNumbers), {
		status: 200,
		headers: { ...headers, 'content-type': contentType }
	});
}

/**
 * JSON replacer that keeps the payload light: coordinates and other values of magnitude ≥ 1 to 6
 * decimals (about 10 cm in degrees), smaller ones (rates, p-values) to 6 significant digits.
 */
function compactNumbers(_key: string, value: unknown): unknown {
	if (typeof value !== 'number' || Number.isInteger(value) || !Number.isFinite(value)) return value;
	return Math.abs(value) >= 1 ? Math.round(value * 1e6) / 1e6 : Number(value.toPrecision(6));
}

async function analysisFor(db: Database, query: GapQuery): Promise<GapAnalysis | CommuneGapAnalysis> {
	return query.communeCode === undefined
		? cityGapAnalysis(db, query.month, query.weights)
		: communeGapAnalysis(db, query.communeCode, query.month, query.weights);
}

/** Joins per-hamlet records to the analysed polygons, in the records' order. */
async function withGeometries<TProperties extends { id: number }>(
	db: Database,
	query: GapQuery,
	records: TProperties[]
): Promise<Feature<Polygon | MultiPolygon, TProperties>[]> {
	const geometries = await gapAnalysisGeometries(db, query.month, { communeCode: query.communeCode });
	const byId = new Map(geometries.features.map((feature) => [feature.properties.id, feature.geometry]));
	return records.map((properties) => ({
		type: 'Feature',
		id: properties.id,
		properties,
		geometry: byId.get(properties.id)!
	}));
}

/** What the gap analysis was run on and how, shared by both endpoints' bodies. */
function metadata(query: GapQuery, analysis: GapAnalysis | CommuneGapAnalysis) {
	return {
		month: monthParam(analysis.month),
		asOf: analysis.asOf,
		commune: query.communeCode ?? null,
		weights: analysis.weights,
		normalisation: analysis.normalisation,
		classWindowDays: analysis.classWindowDays,
		components: bilingualRecord(GAP_COMPONENT_MESSAGES),
		summary: analysis.summary,
		...('totals' in analysis ? { totals: analysis.totals } : {})
	};
}

/**
 * The body of GET /api/gap: every hamlet in scope with its index, contributions, raw and normalised
 * components, flags, hot-spot statistics and rates; as GeoJSON with the polygons when asked.
 */
export async function gapBody(
	db: Database,
	query: GapQuery
): Promise<
	| (ReturnType<typeof metadata> & { hamlets: (HamletGapResult | PublicGapRecord<HamletGapResult>)[] })
	| FeatureCollection
> {
	const analysis = await analysisFor(db, query);
	const hamlets: (HamletGapResult | PublicGapRecord<HamletGapResult>)[] = query.public
		? analysis.hamlets.map(publicGapRecord)
		: analysis.hamlets;
	if (query.format === 'json') return { ...metadata(query, analysis), hamlets };
	return {
		type: 'FeatureCollection',
		// A foreign member (RFC 7946 §6.1): GeoJSON readers ignore it.
		metadata: metadata(query, analysis),
		features: await withGeometries(db, query, hamlets)
	} as FeatureCollection;
}

/** One hamlet's Getis–Ord Gi* result, as GET /api/hotspots returns it. */
interface HotSpotRecord {
	id: number;
	name: string;
	communeCode: string;
	households: number;
	adultsAssessed: number;
	gapIndex: number | null;
	z: number | null;
	p: number | null;
	q: number | null;
	hotSpotClass: HotSpotClass;
	label: Label;
}

/** The method, in words, for the hot-spot body. */
const HOT_SPOT_METHOD: Label = {
	vi: 'Getis–Ord Gi* của chỉ số khoảng cách số trên toàn thành phố, láng giềng chung ranh giới; giá trị q hiệu chỉnh tỷ lệ phát hiện sai (Benjamini–Hochberg)',
	en: 'Getis–Ord Gi* of the digital-gap index over the whole city, neighbours sharing a boundary; q-values corrected for the false discovery rate (Benjamini–Hochberg)'
};

/** The body of GET /api/hotspots: each hamlet's Gi* z, p, q and class (city-wide statistics). */
export async function hotSpotsBody(
	db: Database,
	query: GapQuery
): Promise<Record<string, unknown> | FeatureCollection> {
	const analysis = await analysisFor(db, query);
	const records = analysis.hamlets.map((hamlet) => {
		const record: HotSpotRecord = {
			id: hamlet.id,
			name: hamlet.name,
			communeCode: hamlet.communeCode,
			households: hamlet.households,
			adultsAssessed: hamlet.adultsAssessed,
			gapIndex: hamlet.gapIndex,
			...hamlet.hotSpot,
			label: bilingual(HOT_SPOT_CLASS_MESSAGES[hamlet.hotSpot.hotSpotClass])
		};
		return query.public ? publicGapRecord(record) : record;
	});
	const meta = {
		month: monthParam(analysis.month),
		asOf: analysis.asOf,
		commune: query.communeCode ?? null,
		weights: analysis.weights,
		method: HOT_SPOT_METHOD,
		classes: bilingualRecord(HOT_SPOT_CLASS_MESSAGES),
		counts: analysis.summary.hotSpots
	};
	if (query.format === 'json') return { ...meta, hamlets: records };
	return {
		type: 'FeatureCollection',
		metadata: meta,
		features: await withGeometries(db, query, records)
	} as FeatureCollection;
}
