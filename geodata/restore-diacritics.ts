// GeoNames spells some Hanoi villages without diacritics ("Dich Vong Trung"). A Vietnamese reader does not trust
// such a name, and guessing the marks is unsafe ("Van" is Văn, Vân or Vạn), so a name is restored only from a
// spelling with diacritics found in our own sources, and only when that spelling is the one candidate.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { VillagePointProperties } from './approximate-hamlets';

const ADMINISTRATIVE_PREFIX = /^(Xã|Phường|Thị trấn|Quận|Huyện|Thị xã)\s+/u;

/** The key two spellings share when they differ only in diacritics and case: "Vân Đình" and "Van Dinh". */
export function foldDiacritics(name: string): string {
	return name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[đĐ]/gu, 'd')
		.toLocaleLowerCase('vi')
		.replace(/\s+/gu, ' ')
		.trim();
}

/** True when the name has a letter outside ASCII, i.e. Vietnamese diacritics or đ. */
export function hasVietnameseLetter(name: string): boolean {
	return /[^\p{ASCII}]/u.test(name.normalize('NFC'));
}

/**
 * The unambiguous spellings with diacritics among `names`, by folded key. Administrative prefixes are dropped
 * ("Phường Văn Miếu" → "Văn Miếu"); a key with two different spellings is left out, since either could be wrong.
 */
export function buildSpellingDictionary(names: Iterable<string>): Map<string, string> {
	const spellings = new Map<string, Set<string>>();
	for (const raw of names) {
		const name = raw.normalize('NFC').trim().replace(ADMINISTRATIVE_PREFIX, '');
		if (!name || !hasVietnameseLetter(name)) continue;
		const key = foldDiacritics(name);
		const known = spellings.get(key) ?? new Set<string>();
		known.add(name);
		spellings.set(key, known);
	}
	const dictionary = new Map<string, string>();
	for (const [key, known] of spellings) if (known.size === 1) dictionary.set(key, [...known][0]!);
	return dictionary;
}

/** The name as a reader expects it: kept when it has diacritics, restored from the dictionary, else null. */
export function restoreDiacritics(name: string, dictionary: ReadonlyMap<string, string>): string | null {
	const normalized = name.normalize('NFC').trim();
	if (hasVietnameseLetter(normalized)) return normalized;
	return dictionary.get(foldDiacritics(normalized)) ?? null;
}

/**
 * Village points with every name either spelled with diacritics or removed (`name_vi: null`), so that the
 * hamlet generator falls back to the next village point or to "Thôn N" rather than show a bare-ASCII name.
 */
export function withRestoredNames(
	points: FeatureCollection<Point, VillagePointProperties>,
	dictionary: ReadonlyMap<string, string>
): FeatureCollection<Point, VillagePointProperties> {
	return {
		...points,
		features: points.features.map((feature): Feature<Point, VillagePointProperties> => {
			const name = feature.properties.name_vi;
			if (!name?.trim()) return feature;
			const restored = restoreDiacritics(name, dictionary);
			return {
				...feature,
				properties: { ...feature.properties, name_vi: restored, name_vi_has_diacritics: restored !== null }
			};
		})
	};
}

/** Every place name in our sources (paths of the CSVs): communes (2025), old wards and districts, village points. */
export function sourceSpellings(sources: {
	communes: FeatureCollection<Polygon | MultiPolygon, { fullName: string }>;
	oldToNewWardsCsv: string;
	censusWardsCsv: string;
	villagePoints: FeatureCollection<Point, VillagePointProperties>;
}): string[] {
	const csvNames = (path: string, columns: readonly string[]): string[] =>
		(
			parse(readFileSync(path, 'utf8'), { columns: true, bom: true, trim: true }) as Record<string, string>[]
		).flatMap((row) => columns.map((column) => row[column] ?? ''));
	return [
		...sources.communes.features.map((feature) => feature.properties.fullName),
		...csvNames(sources.oldToNewWardsCsv, ['old_district_name', 'old_ward_name', 'new_ward_name']),
		...csvNames(sources.censusWardsCsv, ['district_name', 'ward_name']),
		...sources.villagePoints.features.map((feature) => feature.properties.name_vi ?? '')
	];
}
