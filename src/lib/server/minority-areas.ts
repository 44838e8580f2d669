import type { Database } from './db/index';
import { minorityAreaRecords } from './db/minority-areas';
import { RevisionCache } from './revision-cache';
import { sameHamletName } from './seed/hamlet-profiles';
import type { MinorityArea } from './seed/types';

/**
 * The ethnic-minority and mountainous areas designated for 2026–2030 by Quyết định 201/QĐ-UBND:
 * whole xã by code, and named thôn within their commune.
 */
export interface MinorityDesignations {
	/** Codes of the designated communes (xã). */
	communeCodes: ReadonlySet<string>;
	/** The designated thôn's names, by the code of their commune. */
	hamletNamesByCommune: ReadonlyMap<string, readonly string[]>;
}

/** Groups the parsed CSV rows (one parser for the seed and the app: `parseMinorityAreas`). */
export function minorityDesignationsFrom(areas: readonly MinorityArea[]): MinorityDesignations {
	const communeCodes = new Set<string>();
	const hamletNamesByCommune = new Map<string, string[]>();
	for (const area of areas) {
		if (area.level === 'commune') communeCodes.add(area.communeCode);
		else if (area.hamletName !== null) {
			const names = hamletNamesByCommune.get(area.communeCode) ?? [];
			names.push(area.hamletName);
			hamletNamesByCommune.set(area.communeCode, names);
		}
	}
	return { communeCodes, hamletNamesByCommune };
}

const cache = new RevisionCache<MinorityDesignations>(1);

/**
 * The designations stored in the database (seeded from `geodata/hanoi_ethnic_minority_areas_2026.csv`,
 * replaced by an upload), read once per data revision: the same object until the data changes.
 */
export async function minorityDesignations(db: Database): Promise<MinorityDesignations> {
	const { value } = await cache.get(db, 'designations', async () =>
		minorityDesignationsFrom(await minorityAreaRecords(db))
	);
	return value;
}

/**
 * Whether a hamlet lies in a designated area: its commune is designated, or it is a designated thôn of
 * its commune. Names are matched within the commune only, ignoring case, marks and the kind prefix
 * ('Thôn Đồng Ké' = 'Đồng Kế' = 'đong ke'), the same rule the demo seed uses.
 */
export function isDesignatedMinority(
	designations: MinorityDesignations,
	hamlet: { communeCode: string; name: string }
): boolean {
	if (designations.communeCodes.has(hamlet.communeCode)) return true;
	const names = designations.hamletNamesByCommune.get(hamlet.communeCode);
	return names?.some((name) => sameHamletName(hamlet.name, name)) ?? false;
}
