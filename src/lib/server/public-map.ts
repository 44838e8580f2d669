// The public map's read path: every anonymous view of one figures revision and month gets the same
// answer, so it is computed once and kept as gzipped JSON bytes (GET /api/map), and the page shell's
// data once per revision. The revisions themselves are read at most once per PUBLIC_REFRESH_SECONDS
// (stale-while-revalidate): under a stream of field records the crowd sees figures at most that old,
// "số liệu lúc 14:05" on the page, instead of recomputing on every write.
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import bbox from '@turf/bbox';
// Public, not private: SvelteKit keeps variables named PUBLIC_… out of $env/dynamic/private, so reading
// it there always gave the default.
import { env } from '$env/dynamic/public';
import type { MapGapValues, MonthValues } from '$lib/map/map-states';
import { METRICS } from '$lib/metrics';
import type { PublicMapData } from '$lib/public-map';
import { readMonthParam, readStrictParams } from '$lib/params';
import { tooFewToPublish } from '$lib/suppression';
import { progressByMetric } from '$lib/target-progress';
import { acceptsGzip } from './compression';
import { cityOutlineCollection } from './db/city-outline';
import { communeLabelPoints, communesFeatureCollection } from './db/communes';
import { approximateBoundaryCount } from './db/hamlets';
import type { Database } from './db/index';
import { dataMonths } from './db/metrics';
import { currentDataRevision, currentGeometryRevision } from './db/revision';
import { databaseSummary } from './db/summary';
import { etagMatches, IMMUTABLE, notModified, REVALIDATE } from './http-cache';
import { answerJson } from './input-error-http';
import { cityGapAnalysis } from './gap-analysis';
import { cityGapIndex, mapGapValues } from './map-gap-values';
import { hamletFiguresOfMonth, monthValues } from './month-values';
import { StaleWhileRevalidate } from './stale-while-revalidate';
import { asBackground, awaitBackground, yieldToRequests } from './event-loop';
import { onRevision } from './revision-cache';
import { tileVersionOf } from './tiles/tile-response';

const gzipAsync = promisify(gzip);

/** How often anonymous views look for new data, in seconds (env PUBLIC_REFRESH_SECONDS, default 60). */
export function publicRefreshSeconds(): number {
	const text = env.PUBLIC_REFRESH_SECONDS;
	return text !== undefined && /^\d{1,5}$/.test(text) ? Number(text) : 60;
}

interface PublicRevisions {
	/** The figures (data) revision's tag: page data, the month's values, the analysis. */
	figures: string;
	/** The geometry revision's tag: tiles, the city outline, the communes' label points. */
	geometry: string;
}

const revisionReaders = new WeakMap<Database, StaleWhileRevalidate<PublicRevisions>>();

/** The revisions anonymous views are built on: read at most once per refresh interval. */
function publicRevisions(db: Database): Promise<PublicRevisions> {
	let reader = revisionReaders.get(db);
	if (!reader) {
		reader = new StaleWhileRevalidate(async () => {
			const [figures, geometry] = await Promise.all([currentDataRevision(db), currentGeometryRevision(db)]);
			return { figures: figures.tag, geometry: geometry.tag };
		}, publicRefreshSeconds() * 1000);
		revisionReaders.set(db, reader);
	}
	return reader.get();
}

/**
 * A value per revision that keeps answering with the previous one while the new one is computed, so a
 * change of data never makes the crowd wait: only the very first computation is waited for. The
 * computation is background work (asBackground): between its pieces the requests being answered go first.
 */
class PerRevision<TValue> {
	#current: { tag: string; value: TValue } | undefined;
	#building: { tag: string; promise: Promise<TValue> } | undefined;

	constructor(private readonly compute: (tag: string) => Promise<TValue>) {}

	async get(tag: string): Promise<TValue> {
		if (this.#current?.tag === tag) return this.#current.value;
		if (this.#building?.tag !== tag) {
			const promise = asBackground(() => this.compute(tag));
			const building = { tag, promise };
			this.#building = building;
			promise.then(
				(value) => {
					this.#current = { tag, value };
					if (this.#building === building) this.#building = undefined;
				},
				() => {
					if (this.#building === building) this.#building = undefined;
				}
			);
		}
		return this.#current ? this.#current.value : awaitBackground(this.#building!.promise);
	}
}

/** The page shell's data: small, once per (figures, geometry) revision. */
export interface PublicMapShell {
	months: string[];
	summary: Awaited<ReturnType<typeof databaseSummary>>;
	/** In the tile URLs: changes only with the geometry revision (and the encoder). */
	tileVersion: string;
	cityOutline: Awaited<ReturnType<typeof cityOutlineCollection>>;
	communeLabels: Awaited<ReturnType<typeof communeLabelPoints>>;
	bounds: [number, number, number, number];
	/** Each commune's `[west, south, east, north]`, for an embed that frames one commune. */
	communeBounds: ReadonlyMap<string, [number, number, number, number]>;
	/** Hamlets drawn with a generated boundary: the source line says "ranh giới thôn ước tính" when any. */
	approximateHamlets: number;
}

/** The month's public JSON, ready to send. */
export interface PublicMapSnapshot {
	/** `v` in its URL: the figures revision it was computed from. */
	version: string;
	etag: string;
	json: Buffer;
	gzip: Buffer;
}

interface DatabaseCaches {
	figures: PerRevision<Pick<PublicMapShell, 'months' | 'summary'>>;
	geometry: PerRevision<Omit<PublicMapShell, 'months' | 'summary'>>;
	months: Map<string, PerRevision<PublicMapSnapshot>>;
}

const caches = new WeakMap<Database, DatabaseCaches>();

function cachesOf(db: Database): DatabaseCaches {
	let found = caches.get(db);
	if (!found) {
		found = {
			figures: new PerRevision(async () => {
				const months = await dataMonths(db);
				await yieldToRequests();
				return { months, summary: await databaseSummary(db) };
			}),
			geometry: new PerRevision(async (tag) => {
				const [cityOutline, communeLabels, communes, approximateHamlets] = await Promise.all([
					cityOutlineCollection(db),
					communeLabelPoints(db),
					communesFeatureCollection(db),
					approximateBoundaryCount(db)
				]);
				const [west, south, east, north] = bbox(cityOutline);
				const communeBounds = new Map(
					communes.features.map((commune) => {
						const [w, s, e, n] = bbox(commune);
						return [commune.properties.code, [w, s, e, n] as [number, number, number, number]];
					})
				);
				return {
					tileVersion: tileVersionOf(tag),
					cityOutline,
					communeLabels,
					bounds: [west, south, east, north] as [number, number, number, number],
					communeBounds,
					approximateHamlets
				};
			}),
			months: new Map()
		};
		caches.set(db, found);
	}
	return found;
}

/** The shell's data for the current public revisions. */
export async function publicMapShell(db: Database): Promise<PublicMapShell> {
	const revisions = await publicRevisions(db);
	const { figures, geometry } = cachesOf(db);
	const [figureData, geometryData] = await Promise.all([
		figures.get(revisions.figures),
		geometry.get(revisions.geometry)
	]);
	return { ...figureData, ...geometryData };
}

/** The month's values as the public may see them: each withheld figure (`tooFewToPublish`) is null. */
function publishableValues(
	values: MonthValues,
	gap: MapGapValues | null
): { values: MonthValues; gap: MapGapValues | null } {
	const tooFew = values.tooFew ?? values.hamletIds.map(() => 0);
	const withheld = (metric: Parameters<typeof tooFewToPublish>[0], column: (number | null)[]) =>
		column.map((value, index) => (tooFewToPublish(metric, tooFew[index]!) ? null : value));
	return {
		values: {
			...values,
			values: Object.fromEntries(
				METRICS.map((metric) => [metric, withheld(metric, values.values[metric])])
			) as MonthValues['values'],
			tooFew
		},
		gap: gap && { ...gap, gap: withheld('gap', gap.gap) }
	};
}

/**
 * The month's public JSON (a month of `publicMapShell().months`): computed once per figures revision;
 * after a change, the previous revision's answer is served until the new one is ready.
 */
export async function publicMapSnapshot(db: Database, month: string): Promise<PublicMapSnapshot> {
	const revisions = await publicRevisions(db);
	const perMonth = cachesOf(db).months;
	let snapshots = perMonth.get(month);
	if (!snapshots) {
		// In the background of the crowd, in pieces (yieldToRequests), on one revision throughout
		// (onRevision): the cached steps are not redone when a record lands halfway.
		snapshots = new PerRevision((tag) =>
			onRevision(tag, async () => {
				const values = await monthValues(db, month);
				await yieldToRequests();
				const gap = await mapGapValues(db, values);
				await yieldToRequests();
				// Both cached by now (the values and the gap analysis read them): no second city-wide pass.
				const figures = await hamletFiguresOfMonth(db, month);
				const analysis = await cityGapAnalysis(db, month);
				await yieldToRequests();
				const body: PublicMapData = {
					month,
					...publishableValues(values, gap),
					city: { progress: progressByMetric(figures, month), gapIndex: cityGapIndex(analysis) },
					asOf: new Date().toISOString()
				};
				const json = Buffer.from(JSON.stringify(body));
				const version = tag.slice(0, 8) + tag.slice(9, 13);
				// Once per version, off the thread (zlib's pool), never per request.
				return { version, etag: `"map-${version}-${month}"`, json, gzip: await gzipAsync(json) };
			})
		);
		perMonth.set(month, snapshots);
	}
	return snapshots.get(revisions.figures);
}

/**
 * GET /api/map?month=2026-11&v=…: the month's public JSON, gzipped bytes as stored. With the current `v`
 * it is immutable (a CDN keeps it for a year); without, or with an old one, it must be revalidated.
 */
export async function publicMapResponse(db: Database, request: Request): Promise<Response> {
	return answerJson(async () => {
		const search = new URL(request.url).searchParams;
		const params = readStrictParams(search, ['month', 'v']);
		const { months } = await publicMapShell(db);
		const month = readMonthParam(search, months, { absent: 'latest' });
		const snapshot = await publicMapSnapshot(db, month);
		const headers = {
			ETag: snapshot.etag,
			'Cache-Control': params.v === snapshot.version ? IMMUTABLE : REVALIDATE,
			Vary: 'Accept-Encoding',
			'Content-Type': 'application/json; charset=utf-8'
		};
		if (etagMatches(request.headers.get('if-none-match'), snapshot.etag)) return notModified(headers);
		const gzip = acceptsGzip(request.headers.get('accept-encoding'));
		return new Response((gzip ? snapshot.gzip : snapshot.json) as Uint8Array<ArrayBuffer>, {
			headers: { ...headers, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) }
		});
	});
}
