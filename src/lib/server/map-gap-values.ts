import { HOT_SPOT_CLASSES } from '$lib/analysis/hot-spots';
import { GAP_FLAG_BITS } from '$lib/gap-flags';
import type { MapGapValues, MonthValues } from '$lib/map/map-states';
import type { Database } from './db/index';
import { cityGapAnalysis } from './gap-analysis';

/** The map's digital-gap values for the month of `values` (see `MapGapValues`), from the cached analysis. */
export async function mapGapValues(db: Database, values: MonthValues): Promise<MapGapValues> {
	const analysis = await cityGapAnalysis(db, values.month);
	const byId = new Map(analysis.hamlets.map((hamlet) => [hamlet.id, hamlet]));
	const none = HOT_SPOT_CLASSES.indexOf('none');
	const communeTotals = new Map<string, { weighted: number; adults: number }>();
	for (const hamlet of analysis.hamlets) {
		const total = communeTotals.get(hamlet.communeCode) ?? { weighted: 0, adults: 0 };
		total.weighted += hamlet.gapIndex * hamlet.adults;
		total.adults += hamlet.adults;
		communeTotals.set(hamlet.communeCode, total);
	}
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
		communeGap: values.communeCodes.map((code) => {
			const total = communeTotals.get(code);
			return total && total.adults > 0 ? Math.round((total.weighted / total.adults) * 10) / 10 : null;
		})
	};
}
