import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { errorFunction } from 'simple-statistics';
import { contiguityNeighbours } from './contiguity';
import type { HotSpotClass, HotSpotProperties, HotSpotResult } from './types';

export const HOT_SPOT_CLASSES = [
	'hot-99',
	'hot-95',
	'hot-90',
	'none',
	'cold-90',
	'cold-95',
	'cold-99'
] as const satisfies readonly HotSpotClass[];

/** Options of {@link getisOrdGiStar}. */
export interface GetisOrdOptions {
	/**
	 * The largest false-discovery rate reported: classes whose level is above it are not given
	 * (alpha 0.05 drops 'hot-90' and 'cold-90').
	 */
	alpha?: number;
}

const defaultOptions = {
	alpha: 0.1 // report down to 90 % confidence, as ArcGIS's Hot Spot Analysis does
};

/** The class thresholds on q, finest first. */
const LEVELS = [
	{ q: 0.01, hot: 'hot-99', cold: 'cold-99' },
	{ q: 0.05, hot: 'hot-95', cold: 'cold-95' },
	{ q: 0.1, hot: 'hot-90', cold: 'cold-90' }
] as const;

/**
 * Getis–Ord Gi* hot-spot statistic with binary contiguity weights, the feature itself included.
 *
 * Why Gi*: the planner's question is "where do large gaps cluster?", not "which hamlet is worst".
 * Gi* compares the sum of values over a hamlet and its neighbours with what that sum would be if the
 * values were spread at random (Ord & Getis 1995, eq. 13–14):
 *
 *   Gi* = (Σⱼ wᵢⱼ xⱼ − X̄ Σⱼ wᵢⱼ) ÷ (S √[(n Σⱼ wᵢⱼ² − (Σⱼ wᵢⱼ)²) ÷ (n − 1)])
 *
 * with X̄ the mean and S = √(Σ x²/n − X̄²) the (population) standard deviation of all n values. Gi*
 * is already a z-score; p is two-sided from the standard normal, p = 1 − erf(|z|/√2).
 *
 * Because one map tests every hamlet at once, 10 % of 4,897 tests would be "significant" by chance
 * at p < 0.1. So the classes use Benjamini–Hochberg q-values, which control the expected share of
 * false hot spots among those shown: q ≤ 0.01 → 99 %, ≤ 0.05 → 95 %, ≤ 0.1 → 90 %, hot when z > 0,
 * cold when z < 0. (ArcGIS's "False Discovery Rate correction" option does the same.)
 *
 * Undefined cases: a feature without neighbours gets z = p = q = null and class 'none' (a single
 * feature is no cluster; its Gi* would only restate its own z-score), as does a feature whose
 * neighbourhood is the whole input (the denominator is 0). When all values are equal, z = 0, p = 1.
 *
 * @param values one value per feature (e.g. the gap index)
 * @param neighbours `neighbours[i]` = indices of the features touching feature i (self not needed)
 * @param options {@link GetisOrdOptions}
 * @returns one result per feature, in input order
 */
export function getisOrdGiStar(
	values: number[],
	neighbours: number[][],
	options: GetisOrdOptions = {}
): HotSpotResult[] {
	const alpha = options.alpha ?? defaultOptions.alpha;
	const n = values.length;
	let sum = 0;
	let sumOfSquares = 0;
	for (const value of values) {
		sum += value;
		sumOfSquares += value * value;
	}
	const mean = sum / n;
	const standardDeviation = Math.sqrt(Math.max(0, sumOfSquares / n - mean * mean));
	// Tiny relative spreads are floating-point noise over equal values.
	const constant = standardDeviation <= 1e-12 * Math.max(1, Math.abs(mean));

	const zScores = values.map((value, i): number | null => {
		const others = new Set(neighbours[i] ?? []);
		others.delete(i);
		if (others.size === 0) return null;
		// Binary weights, self included: Σw = Σw² = neighbours + 1.
		const weightSum = others.size + 1;
		if (weightSum >= n) return null;
		if (constant) return 0;
		let local = value;
		for (const j of others) local += values[j]!;
		const variance = (n * weightSum - weightSum * weightSum) / (n - 1);
		return (local - mean * weightSum) / (standardDeviation * Math.sqrt(variance));
	});
	const pValues = zScores.map((z) => (z === null ? null : twoSidedP(z)));
	const qValues = benjaminiHochberg(pValues);
	return zScores.map((z, i) => ({
		z,
		p: pValues[i]!,
		q: qValues[i]!,
		hotSpotClass: classify(z, qValues[i]!, alpha),
		neighbourCount: new Set((neighbours[i] ?? []).filter((j) => j !== i)).size
	}));
}

/** Two-sided p-value of a standard-normal z: P(|Z| ≥ |z|) = 1 − erf(|z| ÷ √2). */
export function twoSidedP(z: number): number {
	// The erf approximation (error < 1.2e-7) can stray just outside [0, 1].
	return Math.max(0, Math.min(1, 1 - errorFunction(Math.abs(z) / Math.SQRT2)));
}

/**
 * Benjamini–Hochberg (1995) adjusted p-values ("q-values"), as R's `p.adjust(p, 'BH')`: with the m
 * p-values sorted ascending, q₍ᵢ₎ = min over j ≥ i of p₍ⱼ₎ · m ÷ j, capped at 1. Nulls are not tests:
 * they stay null and do not count in m.
 */
export function benjaminiHochberg(pValues: (number | null)[]): (number | null)[] {
	const tests = pValues
		.map((p, position) => ({ p, position }))
		.filter((entry): entry is { p: number; position: number } => entry.p !== null)
		.sort((a, b) => a.p - b.p);
	const q: (number | null)[] = pValues.map(() => null);
	const m = tests.length;
	let running = 1;
	for (let rank = m; rank >= 1; rank--) {
		const entry = tests[rank - 1]!;
		running = Math.min(running, (entry.p * m) / rank);
		q[entry.position] = running;
	}
	return q;
}

function classify(z: number | null, q: number | null, alpha: number): HotSpotClass {
	if (z === null || q === null || z === 0) return 'none';
	for (const level of LEVELS) {
		if (level.q > alpha + 1e-12) break;
		if (q <= level.q) return z > 0 ? level.hot : level.cold;
	}
	return 'none';
}

/**
 * Hot and cold spots of the gap index: queen contiguity ({@link contiguityNeighbours}) then
 * {@link getisOrdGiStar}, as GeoJSON for the map.
 *
 * @param collection hamlets with their gap index, `[lng, lat]`
 * @param options {@link GetisOrdOptions}
 * @returns the same geometries with `{ id, gapIndex, z, p, q, hotSpotClass }`
 */
export function hotSpots(
	collection: FeatureCollection<Polygon | MultiPolygon, { id: number; gapIndex: number }>,
	options: GetisOrdOptions = {}
): FeatureCollection<Polygon | MultiPolygon, HotSpotProperties> {
	const features = collection.features;
	const neighbours = contiguityNeighbours(features);
	const results = getisOrdGiStar(
		features.map((feature) => feature.properties.gapIndex),
		neighbours,
		options
	);
	return {
		type: 'FeatureCollection',
		features: features.map((feature, i): Feature<Polygon | MultiPolygon, HotSpotProperties> => {
			const { z, p, q, hotSpotClass } = results[i]!;
			return {
				type: 'Feature',
				id: feature.properties.id,
				properties: {
					id: feature.properties.id,
					gapIndex: feature.properties.gapIndex,
					z,
					p,
					q,
					hotSpotClass
				},
				geometry: feature.geometry
			};
		})
	};
}
