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

/** The parts of a hamlet's gap record (GET /api/gap, /api/hotspots) that the rule may withhold. */
interface GapRecordFigures {
	households: number;
	adultsAssessed: number;
	gapIndex?: number | null;
	householdsReached?: number | null;
	adultsWithoutSkills?: number | null;
	contributions?: Record<string, number> | null;
	components?: Record<string, number | null> | null;
	normalised?: Record<string, number> | null;
	rates?: Record<string, { raw: number | null; shrunk: number | null }>;
}

/** A gap record as the public may read it: withheld figures are null and `withheld` says which. */
export type PublicGapRecord<T extends GapRecordFigures> = {
	[K in keyof T]: K extends WithholdableField ? T[K] | null : T[K];
} & { withheld: MapMetricId[] };

type WithholdableField =
	'gapIndex' | 'householdsReached' | 'adultsWithoutSkills' | 'contributions' | 'components' | 'normalised';

const WITHHELD_CHECKS: readonly MapMetricId[] = ['coverage', 'skills', 'gap'];

/**
 * The same rule for the public JSON of the gap analysis (anonymous requests): a hamlet on too few
 * households loses its reached households; on too few surveyed adults its survey rates and the adults
 * without skills (an estimate from them); on either, its index and everything the index is made of. The
 * bases (households, adults surveyed) stay, so a reader sees why. `withheld` lists the metrics withheld
 * ('coverage', 'skills' for every survey rate, 'gap'); empty when nothing is.
 */
export function publicGapRecord<T extends GapRecordFigures>(record: T): PublicGapRecord<T> {
	const mask = tooFewMask(record);
	const withheld = WITHHELD_CHECKS.filter((metric) => tooFewToPublish(metric, mask));
	if (withheld.length === 0) return { ...record, withheld } as PublicGapRecord<T>;
	const copy = { ...record, withheld } as unknown as Record<string, unknown>;
	if (withheld.includes('coverage') && 'householdsReached' in record) copy.householdsReached = null;
	if (withheld.includes('skills')) {
		if ('adultsWithoutSkills' in record) copy.adultsWithoutSkills = null;
		if (record.rates) {
			copy.rates = Object.fromEntries(
				Object.keys(record.rates).map((key) => [key, { raw: null, shrunk: null }])
			);
		}
	}
	for (const key of ['gapIndex', 'contributions', 'components', 'normalised'] as const) {
		if (key in record) copy[key] = null;
	}
	return copy as PublicGapRecord<T>;
}
