import { HOT_SPOT_CLASSES } from '$lib/analysis/hot-spots';
import { GAP_FLAG_BITS } from '$lib/gap-flags';
import type { MapGapValues, MonthValues } from '$lib/map/map-states';
import { listCommunes } from './db/communes';
import type { Database } from './db/index';
import { cityGapAnalysis, type GapAnalysis } from './gap-analysis';
import { minorityDesignations } from './minority-areas';

/** The map's digital-gap values for the month of `values` (see `MapGapValues`), from the cached analysis. */
export async function mapGapValues(db: Database, values: MonthValues): Promise<MapGapValues> {
	const analysis = await cityGapAnalysis(db, values.month);
	const byId = new Map(analysis.hamlets.map((hamlet) => [hamlet.id, hamlet]));
	const none = HOT_SPOT_CLASSES.indexOf('none');
	const communeGaps = communeGapIndexes(analysis);
	const [communes, designations] = await Promise.all([listCommunes(db), minorityDesignations(db)]);
	const unitTypes = new Map(communes.map((commune) => [commune.code, commune.unitType]));
	return {
		gap: values.hamletIds.map((id) => {
			const hamlet = byId.get(id);
			return hamlet ? Math.round(hamlet.gapIndex * 10) / 10 : null;
		}),
		hotSpot: values.hamletIds.map((id) => {
			const hamlet = byId.get(id);
			return hamlet ? HOT_SPOT_CLASSES.indexOf(hamlet.hotSpot.hotSpotClass) : none;
		}),
		flags: values.hamletIds.map((id) => {
			const flags = byId.get(id)?.flags;
			if (!flags) return 0;
			return (
				(flags.rural ? GAP_FLAG_BITS.rural : 0) |
				(flags.minority ? GAP_FLAG_BITS.minority : 0) |
				(flags.largestGapCity ? GAP_FLAG_BITS.largestGapCity : 0)
			);
		}),
		communeGap: values.communeCodes.map((code) => communeGaps.get(code) ?? null),
		communeFlags: communeFilterFlags(values.communeCodes, communeGaps, {
			isXa: (code) => unitTypes.get(code) === 'xã',
			isDesignated: (code) => designations.communeCodes.has(code)
		})
	};
}

/** The share of communes the "largest gaps" filter keeps at city zoom, as for hamlets (the top decile). */
const LARGEST_COMMUNE_SHARE = 0.1;

/**
 * Each commune's filter flags (GAP_FLAG_BITS) for the city-wide view: rural for a xã, minority for a
 * commune designated by Quyết định 201/QĐ-UBND, largest gap for the ⌈10%⌉ highest commune indexes
 * (communes tied with the last one taken too, and never an index of 0).
 */
export function communeFilterFlags(
	codes: readonly string[],
	gaps: ReadonlyMap<string, number>,
	facts: { isXa: (code: string) => boolean; isDesignated: (code: string) => boolean }
): number[] {
	const ranked = codes
		.map((code) => gaps.get(code))
		.filter((index): index is number => index !== undefined && index > 0)
		.sort((a, b) => b - a);
	const wanted = Math.ceil(LARGEST_COMMUNE_SHARE * codes.length);
	const cut = ranked.length === 0 ? Infinity : ranked[Math.min(wanted, ranked.length) - 1]!;
	return codes.map((code) => {
		const index = gaps.get(code);
		return (
			(facts.isXa(code) ? GAP_FLAG_BITS.rural : 0) |
			(facts.isDesignated(code) ? GAP_FLAG_BITS.minority : 0) |
			(index !== undefined && index > 0 && index >= cut ? GAP_FLAG_BITS.largestGapCity : 0)
		);
	});
}

/** Hamlets' gap indexes weighted by their adults, to one decimal; null without adults. */
function adultWeightedGapIndex(hamlets: Iterable<{ gapIndex: number; adults: number }>): number | null {
	let weighted = 0;
	let adults = 0;
	for (const hamlet of hamlets) {
		weighted += hamlet.gapIndex * hamlet.adults;
		adults += hamlet.adults;
	}
	return adults > 0 ? Math.round((weighted / adults) * 10) / 10 : null;
}

/**
 * Each commune's gap index: its hamlets' indexes weighted by their adults, to one decimal (the map's
 * commune shading and the dashboard's table); a commune without adults has none.
 */
export function communeGapIndexes(analysis: GapAnalysis): Map<string, number> {
	const result = new Map<string, number>();
	for (const [code, hamlets] of Map.groupBy(analysis.hamlets, (hamlet) => hamlet.communeCode)) {
		const index = adultWeightedGapIndex(hamlets);
		if (index !== null) result.set(code, index);
	}
	return result;
}

/** The city's gap index, weighted the same way as a commune's: the map's headline for the gap. */
export function cityGapIndex(analysis: GapAnalysis): number | null {
	return adultWeightedGapIndex(analysis.hamlets);
}
