// The digital-gap flags of a hamlet (analysis/flags.ts) as the map and the planner show them: one
// place for their bits and their order, so the panel, the ranking and the filters say the same.
import type { HamletFlags } from './analysis/types';

/** Bits of the map's per-hamlet gap flags: one small integer per hamlet instead of three booleans. */
export const GAP_FLAG_BITS = { rural: 1, minority: 2, largestGapCity: 4 } as const;

export type GapFlag = keyof HamletFlags;

/** The flags in the order they are listed (their words are messages: flagLabel in labels.ts). */
const GAP_FLAGS = [
	'rural',
	'minority',
	'largestGapCity',
	'largestGapCommune'
] as const satisfies readonly GapFlag[];

/** The flags a hamlet has, in GAP_FLAGS order, for a list of their names. */
export function flagsOf(flags: HamletFlags): GapFlag[] {
	return GAP_FLAGS.filter((flag) => flags[flag]);
}
