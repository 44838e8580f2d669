import { foldVietnamese } from '../text';

/** The words that name a hamlet's kind, dropped when names are compared ('Thôn 1' and '1' match). */
const KIND_WORDS = /^(thon|xom|to dan pho|tdp|khu pho|ban|to|lang)\s+/;

function comparable(name: string): string {
	return foldVietnamese(name).replace(KIND_WORDS, '');
}

export interface HamletMatch {
	hamletId: number | null;
	by: 'id' | 'name' | null;
}

/**
 * Matches uploaded features to a commune's hamlets: by the id the file gives when it is one of them, else
 * by name ignoring case, diacritics and the kind word ('THÔN 1' = 'Thôn 1' = '1'), and only when exactly
 * one hamlet has that name. A hamlet goes to the first feature that claims it; later ones stay unmatched,
 * for the person to map.
 */
export function matchBoundaryFeatures(
	features: readonly { fileId: number | null; name: string | null }[],
	hamlets: readonly { id: number; name: string }[]
): HamletMatch[] {
	const ids = new Set(hamlets.map((hamlet) => hamlet.id));
	const byName = new Map<string, number[]>();
	for (const hamlet of hamlets) {
		const key = comparable(hamlet.name);
		byName.set(key, [...(byName.get(key) ?? []), hamlet.id]);
	}
	const taken = new Set<number>();
	const claim = (hamletId: number, by: 'id' | 'name'): HamletMatch => {
		taken.add(hamletId);
		return { hamletId, by };
	};
	const byId = features.map((feature) =>
		feature.fileId !== null && ids.has(feature.fileId) && !taken.has(feature.fileId)
			? claim(feature.fileId, 'id')
			: null
	);
	return features.map((feature, index) => {
		const matched = byId[index];
		if (matched) return matched;
		const candidates = feature.name === null ? [] : (byName.get(comparable(feature.name)) ?? []);
		const only = candidates.length === 1 ? candidates[0]! : undefined;
		return only !== undefined && !taken.has(only) ? claim(only, 'name') : { hamletId: null, by: null };
	});
}
