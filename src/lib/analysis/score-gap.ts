import { GAP_COMPONENTS, zeroComponents } from './gap-components';
import type { GapComponent, GapComponentsResult, GapScore } from './types';

/**
 * The gap index of one hamlet: Σ weight × normalised component × 100, with the weights normalised to
 * sum 1, and each term reported as that component's contribution (points of the index). Cheap on
 * purpose: the browser calls it for every hamlet whenever a weight slider moves.
 *
 * Pass user weights through `validateGapWeights` (gap-weights.ts) first; here, negative or non-finite weights
 * count as 0 and all-zero weights give an index of 0.
 *
 * @param components a result of `gapComponents` (gap-index.ts)
 * @param weights one weight per component
 * @returns the index 0–100 and its contributions (they sum to the index)
 */
export function scoreGap(components: GapComponentsResult, weights: Record<GapComponent, number>): GapScore {
	let sum = 0;
	for (const component of GAP_COMPONENTS) sum += usableWeight(weights[component]);
	const contributions = zeroComponents();
	let index = 0;
	if (sum > 0) {
		for (const component of GAP_COMPONENTS) {
			const points = (100 * usableWeight(weights[component]) * components.normalised[component]) / sum;
			contributions[component] = points;
			index += points;
		}
	}
	// Rounding can push a sum of 100 a hair above it.
	return { index: Math.min(100, index), contributions };
}

function usableWeight(weight: number): number {
	return Number.isFinite(weight) && weight > 0 ? weight : 0;
}
