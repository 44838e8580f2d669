import { HOT_SPOT_CLASSES } from '$lib/analysis/hot-spots';
import { GAP_FLAG_BITS } from '$lib/gap-flags';
import type { MapGapValues, MonthValues } from '$lib/map/map-states';
import type { Database } from './db/index';
import { cityGapAnalysis, type GapAnalysis } from './gap-analysis';

/** The map's digital-gap values for the month of `values` (see `MapGapValues`), from the cached analysis. */
export async function mapGapValues(db: Database, values: MonthValues): Promise<MapGapValues> {
	const analysis = await cityGapAnalysis(db, values.month);
	const byId = new Map(analysis.hamlets.map((hamlet) => [hamlet.id, hamlet]));
	const none = HOT_SPOT_CLASSES.indexOf('none');
	const communeGaps = communeGapIndexes(analysis);
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
		communeGap: values.communeCodes.map((code) => communeGaps.get(code) ?? null)
	};
}

/**
 * Each commune's gap index: its hamlets' indexes weighted by their adults, to one decimal (the map's
 * commune shading and the dashboard's table); a commune without adults has none.
 */
export function communeGapIndexes(analysis: GapAnalysis): Map<string, number> {
	const totals = new Map<string, { weighted: number; adults: number }>();
	for (const hamlet of analysis.hamlets) {
		const total = totals.get(hamlet.communeCode) ?? { weighted: 0, adults: 0 };
		total.weighted += hamlet.gapIndex * hamlet.adults;
		total.adults += hamlet.adults;
		totals.set(hamlet.communeCode, total);
	}
	const result = new Map<string, number>();
	for (const [code, total] of totals) {
		if (total.adults > 0) result.set(code, Math.round((total.weighted / total.adults) * 10) / 10);
	}
	return result;
}
