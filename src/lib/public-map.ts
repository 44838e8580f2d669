// The public map's data as the server sends it (GET /api/map), client-safe: what `/` and `/embed` fetch
// once per month and figures version, the same bytes for every viewer.
import type { MapGapValues, MonthValues } from './map/map-states';
import { monthParam } from './months';

export interface PublicMapData {
	month: string;
	/** Every hamlet's and commune's rates; figures on too few households or adults are null (`tooFew`). */
	values: MonthValues;
	gap: MapGapValues | null;
	/** When these figures were computed (ISO 8601): the page says "số liệu lúc 14:05". */
	asOf: string;
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
