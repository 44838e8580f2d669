import { foldVietnamese } from '$lib/text';
import type { PlaceResult } from '$lib/places';
import type { Database } from './db/index';
import { placeRows } from './db/places';
import { RevisionCache } from './revision-cache';

interface IndexedPlace extends PlaceResult {
	communeCode: string;
	folded: string;
	/** The name without its unit word ("ba dinh" for Phường Ba Đình), so a bare name ranks as exact. */
	foldedShortName: string;
}

export const SEARCH_LIMITS = { maxQueryLength: 100, defaultResults: 8, maxResults: 50 } as const;

const cache = new RevisionCache<IndexedPlace[]>(1);

async function buildIndex(db: Database): Promise<IndexedPlace[]> {
	const rows = await placeRows(db);
	return rows.map(({ shortName, west, south, east, north, ...place }) => ({
		...place,
		bbox: [west, south, east, north],
		folded: foldVietnamese(place.name),
		foldedShortName: foldVietnamese(shortName)
	}));
}

/** 0 is best: the whole name, then a name that starts with the query, a word that does, anything else. */
function rank(place: IndexedPlace, query: string): number | undefined {
	if (place.folded === query || place.foldedShortName === query) return 0;
	if (place.foldedShortName.startsWith(query) || place.folded.startsWith(query)) return 1;
	if (place.folded.includes(` ${query}`)) return 2;
	if (place.folded.includes(query)) return 3;
	return undefined;
}

/**
 * Communes and hamlets whose names contain `query`, ignoring case and diacritics ("ba dinh" finds
 * "Phường Ba Đình"), best matches first and communes before hamlets at the same rank.
 */
export async function searchPlaces(
	db: Database,
	query: string,
	limit: number = SEARCH_LIMITS.defaultResults
): Promise<PlaceResult[]> {
	const folded = foldVietnamese(query);
	if (folded === '') return [];
	const { value: index } = await cache.get(db, 'places', () => buildIndex(db));
	const matches: { place: IndexedPlace; rank: number }[] = [];
	for (const place of index) {
		const placeRank = rank(place, folded);
		if (placeRank !== undefined) matches.push({ place, rank: placeRank });
	}
	matches.sort(
		(a, b) =>
			a.rank - b.rank ||
			(a.place.kind === b.place.kind ? 0 : a.place.kind === 'commune' ? -1 : 1) ||
			a.place.name.localeCompare(b.place.name, 'vi')
	);
	return matches.slice(0, limit).map(({ place }) => asResult(place));
}

/** A place as the browser gets it: without the index's own fields. */
const asResult = ({ kind, id, name, context, bbox }: IndexedPlace): PlaceResult => ({
	kind,
	id,
	name,
	context,
	bbox
});

/**
 * A commune and its hamlets (by name) as places: the map's commune panel, which lists them for the
 * keyboard. Null when no commune has the code.
 */
export async function communePlaces(
	db: Database,
	code: string
): Promise<{ commune: PlaceResult; hamlets: PlaceResult[] } | null> {
	const { value: index } = await cache.get(db, 'places', () => buildIndex(db));
	const commune = index.find((place) => place.kind === 'commune' && place.id === code);
	if (!commune) return null;
	const hamlets = index
		.filter((place) => place.kind === 'hamlet' && place.communeCode === code)
		.sort((a, b) => a.name.localeCompare(b.name, 'vi', { numeric: true }));
	return { commune: asResult(commune), hamlets: hamlets.map(asResult) };
}
