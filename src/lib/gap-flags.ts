// The digital-gap flags of a hamlet (analysis/flags.ts) as the map and the planner show them: one
// place for their bits and their words, so the panel, the ranking and the filters say the same.
import type { HamletFlags } from './analysis/types';
import type { Label } from './domain';

/** Bits of the map's per-hamlet gap flags: one small integer per hamlet instead of three booleans. */
export const GAP_FLAG_BITS = { rural: 1, minority: 2, largestGapCity: 4 } as const;

export type GapFlag = keyof HamletFlags;

interface GapFlagLabels {
	/** What the flag says of a hamlet, e.g. in its panel. */
	name: Label;
	/** The badge in a dense table (the planner's ranking); the two "largest" flags share one. */
	badge: Label;
	/** The map's filter that keeps only hamlets with the flag (the flags in GAP_FLAG_BITS). */
	filter?: Label;
}

export const GAP_FLAG_LABELS = {
	rural: {
		name: { vi: 'Nông thôn', en: 'Rural' },
		badge: { vi: 'Nông thôn', en: 'Rural' },
		filter: { vi: 'Chỉ nông thôn', en: 'Rural only' }
	},
	minority: {
		name: { vi: 'Vùng đồng bào DTTS', en: 'Ethnic-minority area' },
		badge: { vi: 'DTTS', en: 'Ethnic minorities' },
		filter: { vi: 'Chỉ vùng đồng bào DTTS', en: 'Ethnic-minority areas only' }
	},
	largestGapCity: {
		name: { vi: '10% lớn nhất thành phố', en: 'Top 10% in the city' },
		badge: { vi: 'Khoảng cách lớn nhất', en: 'Largest gap' },
		filter: { vi: 'Chỉ 10% khoảng cách số lớn nhất', en: 'Largest 10% digital gap only' }
	},
	largestGapCommune: {
		name: { vi: '10% lớn nhất xã, phường', en: 'Top 10% in the commune' },
		badge: { vi: 'Khoảng cách lớn nhất', en: 'Largest gap' }
	}
} as const satisfies Record<GapFlag, GapFlagLabels>;

/** The flags a hamlet has, in GAP_FLAG_LABELS order, for a list of their names. */
export function flagsOf(flags: HamletFlags): GapFlag[] {
	return (Object.keys(GAP_FLAG_LABELS) as GapFlag[]).filter((flag) => flags[flag]);
}
