// The public map's data as the server sends it (GET /api/map), client-safe: what `/` and `/embed` fetch
// once per month and figures version, the same bytes for every viewer.
import type { MapGapValues, MonthValues } from './map/map-states';
import type { MetricId } from './metrics';
import { monthParam } from './months';
import type { TargetProgress } from './target-progress';

export interface PublicMapData {
	month: string;
	/** Every hamlet's and commune's rates; figures on too few households or adults are null (`tooFew`). */
	values: MonthValues;
	gap: MapGapValues | null;
	/** Where the whole city stands this month: the map's headline. */
	city: CityStanding;
	/** When these figures were computed (ISO 8601): the page says "số liệu lúc 14:05". */
	asOf: string;
}

/** The city's figures of a month, summed over every hamlet (city totals: nothing to withhold). */
export interface CityStanding {
	/** Each rate against the plan's target (`metricProgress`, as the dashboard reads it). */
	progress: Record<MetricId, TargetProgress>;
	/** The digital-gap index of the city, its hamlets weighted by adults; null without the analysis. */
	gapIndex: number | null;
}

/** The data's URL for a month (YYYY-MM-01) and figures version: immutable while the version is current. */
export function publicMapDataUrl(month: string, version: string): string {
	return `/api/map?${new URLSearchParams({ month: monthParam(month), v: version })}`;
}

const fetched = new Map<string, Promise<PublicMapData>>();

/**
 * The data at `url` (`publicMapDataUrl`), fetched once per page life: switching back to a month is
 * instant. The URL is versioned, so a kept answer is never stale for it.
 */
export function fetchPublicMapData(url: string): Promise<PublicMapData> {
	let pending = fetched.get(url);
	if (!pending) {
		pending = fetch(url).then((response) => {
			if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
			return response.json() as Promise<PublicMapData>;
		});
		pending.catch(() => fetched.delete(url));
		fetched.set(url, pending);
	}
	return pending;
}
