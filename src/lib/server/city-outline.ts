import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FeatureCollection, MultiPolygon } from 'geojson';

/** The properties the city outline file gives its one feature. */
export interface CityOutlineProperties {
	code: string;
	name: string;
	fullName: string;
}

/** Hanoi's boundary since 1 July 2025, relative to the repository root the app is started from. */
export const CITY_OUTLINE_PATH = 'geodata/hanoi_2025_province.geojson';

let outline: Promise<FeatureCollection<MultiPolygon, CityOutlineProperties>> | undefined;

/** Reads Hanoi's outline (WGS 84, `[lng, lat]`) once per process; the file never changes while it runs. */
export function cityOutline(): Promise<FeatureCollection<MultiPolygon, CityOutlineProperties>> {
	outline ??= readFile(resolve(CITY_OUTLINE_PATH), 'utf8').then(
		(text) => JSON.parse(text) as FeatureCollection<MultiPolygon, CityOutlineProperties>
	);
	// A failed read (file not there yet) should not stick for the life of the process.
	outline.catch(() => (outline = undefined));
	return outline;
}
