// Aggregates only (Decree 13/2023 on personal data): a published hamlet rate built on a handful of
// households or surveyed adults could point at a person, so the public map and its JSON show
// "ít số liệu / too few" instead. One rule, used by the server that builds the public data and by the
// map that explains the gap.
import type { MapMetricId } from './map/view-state';

/** A figure needs at least this many households (coverage) or surveyed adults (survey rates) to be published. */
export const MIN_PUBLISHED_COUNT = 10;

/** The counts a hamlet's rates are based on. */
export interface PublishedBasis {
	households: number;
	adultsAssessed: number;
}

/** The bits of `tooFewMask`: which of a hamlet's bases is below the minimum. */
const FEW_HOUSEHOLDS = 1;
const FEW_ADULTS = 2;

/** A count that gives a rate but too few to publish it (none at all is "no data", not "too few"). */
const isFew = (count: number) => count > 0 && count < MIN_PUBLISHED_COUNT;

/**
 * Why a hamlet's figures may be withheld, as bits (households: 1, surveyed adults: 2), so the public data
 * carries one small number per hamlet; `tooFewToPublish` reads it.
 */
export function tooFewMask(basis: PublishedBasis): number {
	return (isFew(basis.households) ? FEW_HOUSEHOLDS : 0) | (isFew(basis.adultsAssessed) ? FEW_ADULTS : 0);
}

/**
 * The rule: whether `metric` of a hamlet is withheld. Coverage is based on households; the survey rates
 * on adults surveyed; the gap index combines both, so either withholds it.
 */
export function tooFewToPublish(metric: MapMetricId, basis: PublishedBasis | number): boolean {
	const mask = typeof basis === 'number' ? basis : tooFewMask(basis);
	if (metric === 'coverage') return (mask & FEW_HOUSEHOLDS) !== 0;
	if (metric === 'gap') return mask !== 0;
	return (mask & FEW_ADULTS) !== 0;
}
