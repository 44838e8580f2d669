import bbox from '@turf/bbox';
import { cityOutline } from '$lib/server/city-outline';
import { getAppDatabase } from '$lib/server/db/app-database';
import { communeLabelPoints, communesFeatureCollection } from '$lib/server/db/communes';
import { databaseSummary } from '$lib/server/db/summary';
import type { PageServerLoad } from './$types';

// Degrees, about 30 m in Hanoi: under a pixel up to zoom 12, and it makes the page several times lighter.
const DISPLAY_SIMPLIFY_TOLERANCE = 0.0003;

export const load: PageServerLoad = async () => {
	const { db } = await getAppDatabase();
	const outline = await cityOutline();
	// One at a time: the embedded PGlite runs a single connection anyway.
	const communes = await communesFeatureCollection(db, { simplifyTolerance: DISPLAY_SIMPLIFY_TOLERANCE });
	const communeLabels = await communeLabelPoints(db);
	const summary = await databaseSummary(db);
	const [west, south, east, north] = bbox(outline);
	return {
		cityOutline: outline,
		communes,
		communeLabels,
		summary,
		bounds: [west, south, east, north] as [number, number, number, number]
	};
};
