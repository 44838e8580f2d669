import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { contiguityNeighbours } from '$lib/analysis/contiguity';
import { formatIsoDay, parseIsoDay } from '$lib/analysis/dates';
import { flagHamlets } from '$lib/analysis/flags';
import { CLASS_WINDOW_DAYS, gapComponents } from '$lib/analysis/gap-index';
import { DEFAULT_GAP_WEIGHTS, validateGapWeights } from '$lib/analysis/gap-weights';
import { scoreGap } from '$lib/analysis/score-gap';
import { getisOrdGiStar, HOT_SPOT_CLASSES } from '$lib/analysis/hot-spots';
import type { NextTargetsOptions } from '$lib/analysis/next-targets';
import { RATE_KEYS } from '$lib/analysis/reliability';
import { isRuralHamlet } from '$lib/analysis/rural';
import { shrinkRates } from '$lib/analysis/reliability';
import type {
	ClassFeature,
	GapComponentsResult,
	HamletAnalysisProperties,
	HamletFeature,
	HamletRates,
	HotSpotClass
} from '$lib/analysis/types';
import type { Label } from '$lib/domain';
import {
	nextTargets,
	OUTREACH_PACE_WINDOW_DAYS,
	type GapWeights,
	type HamletGapResult,
	type NextTargets
} from '$lib/gap-planning';
import { aggregateReading, METRICS, type MetricFigures, type MetricId } from '$lib/metrics';
import { classLocations, householdsReachedInCommune } from './db/activities';
import { hamletAnalysisRows } from './db/hamlets';
import type { Database } from './db/index';
import { isDesignatedMinority, minorityDesignations } from './minority-areas';
import { currentGeometryRevision } from './db/revision';
import { hamletFiguresOfMonth } from './month-values';
import { RevisionCache } from './revision-cache';
import { yieldToRequests } from './event-loop';

/** How the components are made comparable, in words for the API and the page. */
const NORMALISATION: Label = {
	vi: 'Thứ hạng phần trăm của từng thành phần trong toàn thành phố (0 = thấp nhất, 1 = cao nhất)',
	en: 'Percentile rank of each component among all hamlets of the city (0 = lowest, 1 = highest)'
};

/** Everything the analysis reads from the database for one month. */
export interface GapAnalysisInput {
	/** First day of the month, YYYY-MM-DD. */
	month: string;
	/** The last day of the month: the analysis date (classes after it are ignored). */
	asOf: string;
	hamlets: HamletFeature[];
	/** Classes held in the {@link CLASS_WINDOW_DAYS} days ending on `asOf`. */
	classes: ClassFeature[];
}

/** Counts over a set of hamlets. */
interface GapAnalysisSummary {
	hamlets: number;
	/** Mean gap index, 0–100; null without hamlets. */
	meanGapIndex: number | null;
	lowConfidence: number;
	flagged: { rural: number; minority: number; largestGapCity: number; largestGapCommune: number };
	hotSpots: Record<HotSpotClass, number>;
}

/** The digital-gap analysis of a month; plain objects and arrays only, so it serialises as is. */
export interface GapAnalysis {
	/** The data revision it was computed from (changes with every write). */
	revision: string;
	month: string;
	asOf: string;
	weights: GapWeights;
	normalisation: Label;
	classWindowDays: number;
	classesInWindow: number;
	/** Every hamlet in scope, by ascending id. */
	hamlets: HamletGapResult[];
	summary: GapAnalysisSummary;
}

/** The analysis of one commune: its hamlets ranked against the whole city, and its totals. */
export interface CommuneGapAnalysis extends GapAnalysis {
	communeCode: string;
	/** The commune's rates at the end of the month (sums over its hamlets). */
	totals: {
		households: number;
		householdsReached: number;
		adults: number;
		adultsAssessed: number;
		rates: Record<MetricId, number | null>;
	};
}

/** What the weights do not change: computed once per month and data revision. */
interface GapAnalysisBase {
	input: GapAnalysisInput;
	components: GapComponentsResult[];
	rates: Map<number, HamletRates>;
	/** Queen contiguity, for Gi*; parallel to `input.hamlets`. */
	neighbours: number[][];
}

function lastDayOfMonth(month: string): string {
	const [year, monthNumber] = month.split('-').map(Number) as [number, number];
	return formatIsoDay(Date.UTC(year, monthNumber, 0) / 86_400_000);
}

type HamletShape = Awaited<ReturnType<typeof hamletAnalysisRows>>[number] & {
	polygon: Polygon | MultiPolygon;
};

/** The hamlets' polygons and attributes, read and parsed once per geometry revision (they bump it). */
const shapesCache = new WeakMap<Database, { tag: string; shapes: HamletShape[] }>();

async function hamletShapes(db: Database): Promise<HamletShape[]> {
	const { tag } = await currentGeometryRevision(db);
	const kept = shapesCache.get(db);
	if (kept?.tag === tag) return kept.shapes;
	const shapes = (await hamletAnalysisRows(db)).map((shape) => ({
		...shape,
		polygon: JSON.parse(shape.geometry) as Polygon | MultiPolygon
	}));
	shapesCache.set(db, { tag, shapes });
	return shapes;
}

/**
 * The analysis inputs for the whole city at the end of `month` (YYYY-MM-01): every hamlet's polygon
 * (ST_AsGeoJSON in the query) with its figures, whether its commune is a phường, whether it lies in a
 * designated minority area, and the classes of the last {@link CLASS_WINDOW_DAYS} days as points.
 */
export async function gapAnalysisInput(db: Database, month: string): Promise<GapAnalysisInput> {
	const asOf = lastDayOfMonth(month);
	const firstClassDay = formatIsoDay(parseIsoDay(asOf)! - CLASS_WINDOW_DAYS + 1);
	// Requests are served between the steps (see yieldToRequests): each holds the thread on PGlite.
	const shapes = await hamletShapes(db);
	await yieldToRequests();
	const figures = new Map((await hamletFiguresOfMonth(db, month)).map((row) => [row.hamletId, row]));
	await yieldToRequests();
	const classRows = await classLocations(db, firstClassDay, asOf);
	await yieldToRequests();
	const designations = await minorityDesignations(db);
	await yieldToRequests();
	const hamlets = shapes.map((shape): HamletFeature => {
		const row = figures.get(shape.id);
		const properties: HamletAnalysisProperties = {
			id: shape.id,
			name: shape.name,
			communeCode: shape.communeCode,
			isWard: shape.isWard,
			isRural: shape.isRural,
			designatedMinority: isDesignatedMinority(designations, shape),
			households: row?.households ?? 0,
			adults: row?.adults ?? 0,
			elderly: shape.elderly,
			minorityShare: Number(shape.minorityShare),
			householdsReached: row?.householdsReached ?? 0,
			adultsAssessed: row?.adultsAssessed ?? 0,
			withBasicSkills: row?.withBasicSkills ?? 0,
			withSmartphone: row?.withSmartphone ?? 0,
			withEpayment: row?.withEpayment ?? 0,
			withVneidLevel2: row?.withVneidLevel2 ?? 0
		};
		return {
			type: 'Feature',
			id: shape.id,
			properties,
			geometry: shape.polygon
		};
	});
	const classes = classRows.map((row): ClassFeature => ({
		type: 'Feature',
		properties: { occurredOn: row.occurredOn },
		geometry: { type: 'Point', coordinates: [Number(row.lng), Number(row.lat)] } satisfies Point
	}));
	return { month, asOf, hamlets, classes };
}

const baseCache = new RevisionCache<GapAnalysisBase>(4);
const defaultCache = new RevisionCache<GapAnalysis>(12);

/**
 * Contiguity depends on the hamlets' polygons only, and is the costliest step: it is kept per geometry
 * revision, so that a recorded activity or survey (a figures write) does not recompute it.
 */
const neighboursCache = new WeakMap<Database, { tag: string; ids: string; neighbours: number[][] }>();

async function geometryNeighbours(db: Database, geometryTag: string, hamlets: GapAnalysisInput['hamlets']) {
	const ids = hamlets.map((hamlet) => hamlet.properties.id).join(',');
	const kept = neighboursCache.get(db);
	if (kept?.tag === geometryTag && kept.ids === ids) return kept.neighbours;
	const neighbours = contiguityNeighbours(hamlets);
	neighboursCache.set(db, { tag: geometryTag, ids, neighbours });
	return neighbours;
}

async function analysisBase(db: Database, month: string): Promise<{ value: GapAnalysisBase; tag: string }> {
	return baseCache.get(db, month, async () => {
		// Read before the polygons: a boundary write in between only makes the kept contiguity look older.
		const { tag: geometryTag } = await currentGeometryRevision(db);
		const input = await gapAnalysisInput(db, month);
		// The same window as the query above: the classes read are exactly those that count.
		const components = gapComponents(input.hamlets, input.classes, {
			asOf: input.asOf,
			classWindowDays: CLASS_WINDOW_DAYS
		});
		await yieldToRequests();
		const rates = shrinkRates(input.hamlets);
		await yieldToRequests();
		const neighbours = await geometryNeighbours(db, geometryTag, input.hamlets);
		await yieldToRequests();
		return { input, components, rates, neighbours };
	});
}

/** Weights, normalised to sum 1; throws RangeError on weights that `validateGapWeights` refuses. */
function checkedWeights(weights: GapWeights): GapWeights {
	const validation = validateGapWeights(weights);
	if (!validation.ok) {
		throw new RangeError(validation.errors.map((error) => `${error.path}: ${error.en}`).join('; '));
	}
	return validation.weights;
}

function sameWeights(a: GapWeights, b: GapWeights): boolean {
	return Object.keys(a).every(
		(key) => Math.abs(a[key as keyof GapWeights] - b[key as keyof GapWeights]) < 1e-12
	);
}

function analyse(base: GapAnalysisBase, weights: GapWeights, revision: string): GapAnalysis {
	const { input, components, rates, neighbours } = base;
	const scores = components.map((result) => scoreGap(result, weights));
	const gapIndexById = new Map(
		input.hamlets.map((hamlet, position) => [hamlet.properties.id, scores[position]!.index])
	);
	const flags = flagHamlets(input.hamlets, gapIndexById);
	const hotSpots = getisOrdGiStar(
		scores.map((score) => score.index),
		neighbours
	);
	const hamlets = input.hamlets.map((hamlet, position): HamletGapResult => {
		const properties = hamlet.properties;
		const result = components[position]!;
		const hamletRates = rates.get(properties.id)!;
		const hotSpot = hotSpots[position]!;
		const skills = hamletRates.rates.skills.shrunk;
		return {
			id: properties.id,
			name: properties.name,
			communeCode: properties.communeCode,
			households: properties.households,
			adults: properties.adults,
			householdsReached: properties.householdsReached,
			adultsWithoutSkills: skills === null ? properties.adults : Math.round(properties.adults * (1 - skills)),
			gapIndex: scores[position]!.index,
			contributions: scores[position]!.contributions,
			components: result.raw,
			normalised: result.normalised,
			notApplicable: result.notApplicable,
			flags: flags.get(properties.id)!,
			hotSpot: { z: hotSpot.z, p: hotSpot.p, q: hotSpot.q, hotSpotClass: hotSpot.hotSpotClass },
			lowConfidence: hamletRates.lowConfidence,
			adultsAssessed: hamletRates.adultsAssessed,
			rates: Object.fromEntries(
				RATE_KEYS.map((key) => [
					key,
					{ raw: hamletRates.rates[key].raw, shrunk: hamletRates.rates[key].shrunk }
				])
			) as HamletGapResult['rates']
		};
	});
	return {
		revision,
		month: input.month,
		asOf: input.asOf,
		weights,
		normalisation: NORMALISATION,
		classWindowDays: CLASS_WINDOW_DAYS,
		classesInWindow: input.classes.length,
		hamlets,
		summary: summarise(hamlets)
	};
}

/** Counts and the mean index over `hamlets`. */
function summarise(hamlets: readonly HamletGapResult[]): GapAnalysisSummary {
	const hotSpots = Object.fromEntries(HOT_SPOT_CLASSES.map((name) => [name, 0])) as Record<
		HotSpotClass,
		number
	>;
	const flagged = { rural: 0, minority: 0, largestGapCity: 0, largestGapCommune: 0 };
	let total = 0;
	let lowConfidence = 0;
	for (const hamlet of hamlets) {
		total += hamlet.gapIndex;
		if (hamlet.lowConfidence) lowConfidence++;
		hotSpots[hamlet.hotSpot.hotSpotClass]++;
		for (const key of Object.keys(flagged) as (keyof typeof flagged)[]) if (hamlet.flags[key]) flagged[key]++;
	}
	return {
		hamlets: hamlets.length,
		meanGapIndex: hamlets.length > 0 ? total / hamlets.length : null,
		lowConfidence,
		flagged,
		hotSpots
	};
}

/**
 * The digital gap of every hamlet of Hanoi at the end of `month` (YYYY-MM-01): the index under
 * `weights` with its decomposition, the raw and normalised components, the flags, Gi* hot spots and
 * the shrunk survey rates, plus a city summary. Components are normalised city-wide, so a hamlet's
 * index does not change when only its commune is shown. The default-weights result is cached per
 * data revision and month; other weights reuse the cached components and neighbours.
 *
 * @throws {RangeError} on weights that `validateGapWeights` refuses (validate user input first)
 */
export async function cityGapAnalysis(
	db: Database,
	month: string,
	weights: GapWeights = DEFAULT_GAP_WEIGHTS
): Promise<GapAnalysis> {
	const normalised = checkedWeights(weights);
	if (sameWeights(normalised, checkedWeights(DEFAULT_GAP_WEIGHTS))) {
		const { value } = await defaultCache.get(db, month, async () => {
			const { value: base, tag } = await analysisBase(db, month);
			return analyse(base, normalised, tag);
		});
		return value;
	}
	const { value: base, tag } = await analysisBase(db, month);
	return analyse(base, normalised, tag);
}

/**
 * The hamlets of one commune from the city analysis (indices, flags and hot spots stay city-wide), with
 * the commune's totals and a summary over its hamlets. An unknown commune simply has no hamlets: check
 * the code first.
 */
export async function communeGapAnalysis(
	db: Database,
	communeCode: string,
	month: string,
	weights: GapWeights = DEFAULT_GAP_WEIGHTS
): Promise<CommuneGapAnalysis> {
	const city = await cityGapAnalysis(db, month, weights);
	const hamlets = city.hamlets.filter((hamlet) => hamlet.communeCode === communeCode);
	const { value: base } = await analysisBase(db, month);
	const figures: MetricFigures[] = base.input.hamlets
		.filter((hamlet) => hamlet.properties.communeCode === communeCode)
		.map(({ properties }) => ({
			households: properties.households,
			adults: properties.adults,
			// E-payment is an urban target: the one rule, as for the map's figures and the gap index.
			isRural: isRuralHamlet(properties),
			householdsReached: properties.householdsReached,
			adultsAssessed: properties.adultsAssessed,
			withBasicSkills: properties.withBasicSkills,
			withSmartphone: properties.withSmartphone,
			withEpayment: properties.withEpayment,
			withVneidLevel2: properties.withVneidLevel2
		}));
	const sum = (key: keyof MetricFigures) => figures.reduce((total, row) => total + Number(row[key]), 0);
	return {
		...city,
		communeCode,
		hamlets,
		summary: summarise(hamlets),
		totals: {
			households: sum('households'),
			householdsReached: sum('householdsReached'),
			adults: sum('adults'),
			adultsAssessed: sum('adultsAssessed'),
			rates: Object.fromEntries(
				METRICS.map((metric) => [metric, aggregateReading(metric, figures).value])
			) as Record<MetricId, number | null>
		}
	};
}

/**
 * The hamlets' polygons for the month's analysis (the same ones analysed), optionally of one commune,
 * as a FeatureCollection with numeric ids and only `id` as a property: join the results by id.
 */
export async function gapAnalysisGeometries(
	db: Database,
	month: string,
	scope: { communeCode?: string } = {}
): Promise<FeatureCollection<Polygon | MultiPolygon, { id: number }>> {
	const { value: base } = await analysisBase(db, month);
	return {
		type: 'FeatureCollection',
		features: base.input.hamlets
			.filter(
				(hamlet) => scope.communeCode === undefined || hamlet.properties.communeCode === scope.communeCode
			)
			.map((hamlet) => ({
				type: 'Feature',
				id: hamlet.properties.id,
				properties: { id: hamlet.properties.id },
				geometry: hamlet.geometry
			}))
	};
}

/**
 * The commune's pace of outreach: distinct households reached per day over the `windowDays` days
 * ending on `asOf` (first visits only).
 */
export async function communePace(
	db: Database,
	communeCode: string,
	asOf: string,
	windowDays: number = OUTREACH_PACE_WINDOW_DAYS
): Promise<number> {
	const firstDay = formatIsoDay(parseIsoDay(asOf)! - windowDays + 1);
	return (await householdsReachedInCommune(db, communeCode, firstDay, asOf)) / windowDays;
}

/** The planner's capacity: what `pickNextTargets` needs, less the pace and start date this fills in. */
export type PlanCapacity = Omit<NextTargetsOptions, 'pace' | 'startDate'> & { startDate?: string };

/**
 * The commune's next targets for the month's analysis: the hamlets that reach the most adults without
 * skills, weighted by gap, within the capacity (greedy; see `pickNextTargets`), each with its reason,
 * the days needed, and the date the commune reaches 100 % coverage at its pace of the last
 * {@link OUTREACH_PACE_WINDOW_DAYS} days. The work starts on `startDate`, by default the day after the month.
 * Problems with the capacity come back in `errors`, in Vietnamese and English.
 */
export async function planNextTargets(
	db: Database,
	communeCode: string,
	month: string,
	capacity: PlanCapacity,
	weights: GapWeights = DEFAULT_GAP_WEIGHTS
): Promise<NextTargets & { pace: number; startDate: string }> {
	const analysis = await communeGapAnalysis(db, communeCode, month, weights);
	const pace = await communePace(db, communeCode, analysis.asOf);
	const startDate = capacity.startDate ?? formatIsoDay(parseIsoDay(analysis.asOf)! + 1);
	const result = nextTargets(analysis.hamlets, analysis.weights, {
		...capacity,
		startDate,
		pace: { householdsPerDay: pace }
	});
	return { ...result, pace, startDate };
}
