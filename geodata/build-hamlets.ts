// Builds geodata/hamlets-approximate.geojson from the 2025 communes and the village points (`npm run geodata`).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import {
	buildApproximateHamlets,
	toHamletCommune,
	type HamletFeature,
	type VillagePointProperties
} from './approximate-hamlets';
import { buildSpellingDictionary, sourceSpellings, withRestoredNames } from './restore-diacritics';

/** Properties of hanoi_2025_communes_full.geojson that the build reads. */
export interface SourceCommuneProperties {
	code: string;
	fullName: string;
	unitType: string;
	popSapnhap: number;
}

/** Absolute paths of the build's inputs and output. */
export const paths = {
	communes: fileURLToPath(new URL('./hanoi_2025_communes_full.geojson', import.meta.url)),
	villagePoints: fileURLToPath(new URL('./hanoi_places_wof_geonames.geojson', import.meta.url)),
	oldToNewWards: fileURLToPath(new URL('./hanoi_old_to_new_wards_2025.csv', import.meta.url)),
	censusWards: fileURLToPath(new URL('./hanoi_census2019_ward_population.csv', import.meta.url)),
	hamlets: fileURLToPath(new URL('./hamlets-approximate.geojson', import.meta.url))
};

/** Reads a GeoJSON FeatureCollection from disk. */
export function readFeatureCollection<T extends FeatureCollection>(path: string): T {
	return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Groups the village points by `commune_code_2025`, keeping file order inside each commune. */
export function groupVillagePoints(
	points: FeatureCollection<Point, VillagePointProperties>
): Map<string, FeatureCollection<Point, VillagePointProperties>['features']> {
	const byCommune = new Map<string, FeatureCollection<Point, VillagePointProperties>['features']>();
	for (const feature of points.features) {
		const code = feature.properties.commune_code_2025;
		if (!code) continue;
		byCommune.set(code, [...(byCommune.get(code) ?? []), feature]);
	}
	return byCommune;
}

/** Serialises hamlets as a FeatureCollection with one feature per line, sorted by id, so diffs stay readable. */
export function serializeHamlets(hamlets: readonly HamletFeature[]): string {
	const sorted = [...hamlets].sort((first, second) => first.id - second.id);
	return `{"type":"FeatureCollection","features":[\n${sorted.map((hamlet) => JSON.stringify(hamlet)).join(',\n')}\n]}\n`;
}

/**
 * The village points with names a Vietnamese reader trusts: a name without diacritics is restored from our
 * sources where one spelling matches, and dropped otherwise (see restore-diacritics.ts).
 */
export function readVillagePoints(
	communes: FeatureCollection<Polygon | MultiPolygon, SourceCommuneProperties>
): FeatureCollection<Point, VillagePointProperties> {
	const points = readFeatureCollection<FeatureCollection<Point, VillagePointProperties>>(paths.villagePoints);
	const dictionary = buildSpellingDictionary(
		sourceSpellings({
			communes,
			oldToNewWardsCsv: paths.oldToNewWards,
			censusWardsCsv: paths.censusWards,
			villagePoints: points
		})
	);
	return withRestoredNames(points, dictionary);
}

function main(): void {
	const started = performance.now();
	const communes = readFeatureCollection<FeatureCollection<Polygon | MultiPolygon, SourceCommuneProperties>>(
		paths.communes
	);
	const villagePoints = groupVillagePoints(readVillagePoints(communes));
	const hamlets: HamletFeature[] = [];
	const counts: number[] = [];
	for (const commune of communes.features) {
		const built = buildApproximateHamlets(
			toHamletCommune(commune),
			villagePoints.get(commune.properties.code) ?? []
		);
		counts.push(built.length);
		hamlets.push(...built);
	}
	writeFileSync(paths.hamlets, serializeHamlets(hamlets));
	const named = hamlets.filter((hamlet) => !/^(Thôn|Tổ dân phố) \d+$/u.test(hamlet.properties.name)).length;
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.log(
		`${hamlets.length} hamlets in ${communes.features.length} communes ` +
			`(${Math.min(...counts)}–${Math.max(...counts)} per commune, ${named} named from village points) ` +
			`→ ${paths.hamlets} in ${seconds} s`
	);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
