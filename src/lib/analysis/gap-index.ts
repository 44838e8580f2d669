import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { centroid } from '@turf/centroid';
import { distance } from '@turf/distance';
import Flatbush from 'flatbush';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { parseIsoDay } from './dates';
import { GAP_COMPONENTS, zeroComponents } from './gap-components';
import { DEFAULT_GAP_WEIGHTS, validateGapWeights } from './gap-weights';
import { percentileRanks } from './percentile-ranks';
import { shrinkRates } from './reliability';
import { isRuralHamlet } from './rural';
import { scoreGap } from './score-gap';
import type {
	ClassFeature,
	GapComponent,
	GapComponentsResult,
	GapIndexProperties,
	HamletFeature
} from './types';

/**
 * The minority share a designated minority area (Quyết định 201/QĐ-UBND) counts as at least. The
 * designation is the city's own judgement that the area needs support even where the recorded share
 * is low; 0.3 is the threshold at which `flagHamlets` calls a hamlet a minority hamlet.
 */
export const MINORITY_DESIGNATED_FLOOR = 0.3;

/**
 * Minority shares below this count as none. Ranked by percentile, a 1% share would otherwise outrank
 * every 0% hamlet and earn a ward's tổ dân phố several points for "minorities" from what is, at
 * hamlet level, estimation noise.
 */
const MINORITY_NOTABLE_SHARE = 0.05;

/**
 * Distance to the nearest recent class, in km, at which it stops mattering: beyond 10 km a class is
 * out of reach for an elderly resident without transport, so farther hamlets (and hamlets with no
 * recent class at all) tie at this value.
 */
export const CLASS_DISTANCE_CAP_KM = 10;

/**
 * Classes count for "distance to the nearest class" when held in this many days up to the analysis
 * date: a quarter, the rhythm of the communes' class plans. The server's analysis passes it through.
 */
export const CLASS_WINDOW_DAYS = 90;

/** Options of {@link gapComponents}. */
export interface GapComponentsOptions {
	/** The analysis date (YYYY-MM-DD): classes after it are ignored. */
	asOf: string;
	/** Classes count for distance when held within this many days up to and including `asOf`; default {@link CLASS_WINDOW_DAYS}. */
	classWindowDays?: number;
	/** Passed on to `shrinkRates`: fewer adults assessed = low confidence. */
	minimumAssessed?: number;
}

/**
 * The eight components of each hamlet's digital gap, raw and normalised.
 *
 * Raw values (shares 0–1 unless said):
 * - skills = 1 − the hamlet's shrunk basic-skills rate (`shrinkRates`): small samples are pulled
 *   toward the commune, and a hamlet with no survey takes its commune's rate.
 * - coverage = 1 − min(1, householdsReached ÷ households); 0 when the hamlet has no households.
 * - device = 1 − the shrunk smartphone rate.
 * - payment = 1 − the shrunk e-payment rate in urban hamlets (not rural by `isRuralHamlet`), where the
 *   plan's e-payment target applies; elsewhere 0 and "not applicable": left out of the ranking.
 * - elderly = elderly ÷ adults (null when adults = 0).
 * - minority = the minority share, at least {@link MINORITY_DESIGNATED_FLOOR} in designated areas;
 *   0 below {@link MINORITY_NOTABLE_SHARE} elsewhere.
 * - rurality = 1 for a rural hamlet (`isRuralHamlet`: a xã's, or itself rural), else 0.
 * - classDistance = km from the hamlet's representative point (its centroid, or a point on its
 *   surface when the centroid falls outside) to the nearest class held in the `classWindowDays` days
 *   ending on `asOf`, to the metre, capped at {@link CLASS_DISTANCE_CAP_KM}.
 *
 * Normalised values: the percentile rank within the input (`percentileRanks`), so the
 * components, measured in different units, become comparable and the index says how a hamlet
 * stands against the others of the same analysis (a commune, or the city).
 *
 * @param hamlets polygons with the month's figures, `[lng, lat]`
 * @param classes points of classes held; only those in the window count
 * @param options {@link GapComponentsOptions}
 * @returns one result per hamlet, in input order
 * @throws {RangeError} when `asOf` is not a YYYY-MM-DD date (a programming error: the caller builds it)
 */
export function gapComponents(
	hamlets: HamletFeature[],
	classes: ClassFeature[],
	options: GapComponentsOptions
): GapComponentsResult[] {
	const asOf = parseIsoDay(options.asOf);
	if (asOf === null) throw new RangeError(`asOf must be a YYYY-MM-DD date, got ${String(options.asOf)}`);
	const windowDays = options.classWindowDays ?? CLASS_WINDOW_DAYS;
	const rates = shrinkRates(hamlets, { minimumAssessed: options.minimumAssessed });
	const distances = classDistances(hamlets, classes, asOf - windowDays + 1, asOf);

	const rows = hamlets.map((hamlet, position) => {
		const properties = hamlet.properties;
		const hamletRates = rates.get(properties.id)!;
		const gapOf = (rate: number | null) => (rate === null ? null : 1 - rate);
		const rural = isRuralHamlet(properties);
		const minorityShare = Number.isFinite(properties.minorityShare)
			? clamp01(properties.minorityShare)
			: null;
		const raw: Record<GapComponent, number | null> = {
			skills: gapOf(hamletRates.rates.skills.shrunk),
			coverage:
				properties.households > 0 ? 1 - clamp01(properties.householdsReached / properties.households) : 0,
			device: gapOf(hamletRates.rates.smartphone.shrunk),
			payment: rural ? 0 : gapOf(hamletRates.rates.epayment.shrunk),
			elderly: properties.adults > 0 ? clamp01(properties.elderly / properties.adults) : null,
			minority: properties.designatedMinority
				? Math.max(minorityShare ?? 0, MINORITY_DESIGNATED_FLOOR)
				: minorityShare !== null && minorityShare < MINORITY_NOTABLE_SHARE
					? 0
					: minorityShare,
			rurality: rural ? 1 : 0,
			classDistance: distances[position]!
		};
		return {
			id: properties.id,
			raw,
			notApplicable: rural ? (['payment'] as GapComponent[]) : [],
			lowConfidence: hamletRates.lowConfidence
		};
	});
	return normaliseGapComponents(rows);
}

/**
 * Adds the normalised values to raw components: per component, the percentile rank of each hamlet
 * among the hamlets where the component is known and applies. Exported for tests and for callers
 * that edit raw values (what-if).
 */
export function normaliseGapComponents(
	rows: Omit<GapComponentsResult, 'normalised'>[]
): GapComponentsResult[] {
	const normalised = rows.map(() => zeroComponents());
	for (const component of GAP_COMPONENTS) {
		const ranks = percentileRanks(
			rows.map((row) => (row.notApplicable.includes(component) ? null : row.raw[component]))
		);
		ranks.forEach((rank, position) => (normalised[position]![component] = rank));
	}
	return rows.map((row, position) => ({ ...row, normalised: normalised[position]! }));
}

/** Options of {@link gapIndex}. */
export interface GapIndexOptions extends GapComponentsOptions {
	/** Default {@link DEFAULT_GAP_WEIGHTS}; validated with {@link validateGapWeights}. */
	weights?: Record<GapComponent, number>;
}

/**
 * The digital-gap index of every hamlet, as GeoJSON for the map: {@link gapComponents} then
 * {@link scoreGap}, with the contributions and raw components alongside, so the map can always
 * show what drives a hamlet's index.
 *
 * @param hamlets polygons with the month's figures, `[lng, lat]`
 * @param classes points of classes held
 * @param options {@link GapIndexOptions}
 * @returns the hamlets' geometries with `{ id, gapIndex, contributions, components, lowConfidence }`
 * @throws {RangeError} when `asOf` or the weights are invalid (validate user weights first)
 */
export function gapIndex(
	hamlets: HamletFeature[],
	classes: ClassFeature[],
	options: GapIndexOptions
): FeatureCollection<Polygon | MultiPolygon, GapIndexProperties> {
	const validation = validateGapWeights(options.weights ?? DEFAULT_GAP_WEIGHTS);
	if (!validation.ok) {
		throw new RangeError(validation.errors.map((error) => `${error.path}: ${error.en}`).join('; '));
	}
	const components = gapComponents(hamlets, classes, options);
	return {
		type: 'FeatureCollection',
		features: hamlets.map((hamlet, position) => {
			const result = components[position]!;
			const score = scoreGap(result, validation.weights);
			return {
				type: 'Feature',
				id: hamlet.properties.id,
				properties: {
					id: hamlet.properties.id,
					gapIndex: score.index,
					contributions: score.contributions,
					components: result.raw,
					lowConfidence: result.lowConfidence
				},
				geometry: hamlet.geometry
			};
		})
	};
}

function clamp01(value: number): number {
	return Number.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0;
}

/**
 * Km from each hamlet to the nearest class held between the two days (inclusive), capped.
 *
 * The classes go into a Flatbush index in an equirectangular plane (x = lng · cos φ₀), where the
 * nearest by straight-line distance is the nearest on the ground to well under 1 % across Hanoi.
 * To be exact anyway, every class within 5 % of the first hit's plane distance is measured with
 * Turf's great-circle distance, and the smallest is kept.
 */
function classDistances(
	hamlets: HamletFeature[],
	classes: ClassFeature[],
	firstDay: number,
	lastDay: number
): number[] {
	const points = hamlets.map((hamlet) => representativePointOnce(hamlet));
	const recent = classes.filter((item) => {
		const day = parseIsoDay(item.properties.occurredOn);
		return day !== null && day >= firstDay && day <= lastDay;
	});
	if (recent.length === 0) return hamlets.map(() => CLASS_DISTANCE_CAP_KM);
	const meanLatitude =
		recent.reduce((total, item) => total + item.geometry.coordinates[1]!, 0) / recent.length;
	const scale = Math.cos((meanLatitude * Math.PI) / 180);
	const index = new Flatbush(recent.length);
	for (const item of recent) {
		const [lng, lat] = item.geometry.coordinates as [number, number];
		index.add(lng * scale, lat, lng * scale, lat);
	}
	index.finish();
	return points.map((point) => {
		const [lng, lat] = point as [number, number];
		const [first] = index.neighbors(lng * scale, lat, 1);
		const [firstLng, firstLat] = recent[first!]!.geometry.coordinates as [number, number];
		const planeDistance = Math.hypot((firstLng - lng) * scale, firstLat - lat);
		let nearest = Infinity;
		for (const candidate of index.neighbors(lng * scale, lat, Infinity, planeDistance * 1.05 + 1e-12)) {
			nearest = Math.min(nearest, distance(point, recent[candidate]!.geometry.coordinates));
		}
		// To the metre: below that, differences are floating-point noise, and would break ties.
		return Math.min(Math.round(nearest * 1000) / 1000, CLASS_DISTANCE_CAP_KM);
	});
}

/**
 * The representative points by geometry object. The server analyses the same (kept) polygons again
 * after every change of figures; their points were most of the analysis' time (≈ 0.5 s for the city).
 */
const representativePoints = new WeakMap<HamletFeature['geometry'], Position>();

function representativePointOnce(hamlet: HamletFeature): Position {
	let point = representativePoints.get(hamlet.geometry);
	if (!point) {
		point = representativePoint(hamlet);
		representativePoints.set(hamlet.geometry, point);
	}
	return point;
}

/**
 * A point inside the hamlet: the centroid when it falls inside (the usual case for compact cells),
 * else the middle of the widest stretch of a horizontal line through the centroid (or through the
 * first part's middle latitude) that lies inside the polygon.
 */
export function representativePoint(hamlet: HamletFeature): Position {
	const center = centroid(hamlet).geometry.coordinates;
	if (booleanPointInPolygon(center, hamlet)) return center;
	const rings =
		hamlet.geometry.type === 'Polygon' ? hamlet.geometry.coordinates : hamlet.geometry.coordinates.flat();
	const firstRing = rings[0]!;
	const latitudes = firstRing.map((position) => position[1]!);
	const middle = (Math.min(...latitudes) + Math.max(...latitudes)) / 2;
	return widestInteriorMidpoint(rings, center[1]!) ?? widestInteriorMidpoint(rings, middle) ?? firstRing[0]!;
}

function widestInteriorMidpoint(rings: Position[][], lat: number): Position | null {
	const crossings: number[] = [];
	for (const ring of rings) {
		for (let k = 1; k < ring.length; k++) {
			const [x1, y1] = ring[k - 1] as [number, number];
			const [x2, y2] = ring[k] as [number, number];
			// Half-open rule so a vertex exactly on the line is counted once.
			if (y1 <= lat !== y2 <= lat) crossings.push(x1 + ((lat - y1) / (y2 - y1)) * (x2 - x1));
		}
	}
	crossings.sort((a, b) => a - b);
	let best: Position | null = null;
	let widest = 0;
	// Even-odd: the stretches between crossings 0–1, 2–3, … are inside.
	for (let k = 0; k + 1 < crossings.length; k += 2) {
		const width = crossings[k + 1]! - crossings[k]!;
		if (width > widest) {
			widest = width;
			best = [(crossings[k]! + crossings[k + 1]!) / 2, lat];
		}
	}
	return best;
}
