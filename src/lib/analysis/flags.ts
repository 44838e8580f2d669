import { MINORITY_DESIGNATED_FLOOR } from './gap-index';
import { isRuralHamlet } from './rural';
import type { HamletFeature, HamletFlags } from './types';

/** Options of {@link flagHamlets}. */
export interface FlagHamletsOptions {
	/** A hamlet whose minority share reaches this is a minority hamlet. */
	minorityShareThreshold?: number;
	/** The share of hamlets (city-wide, and per commune) flagged as having the largest gaps. */
	topShare?: number;
}

const defaultOptions = {
	minorityShareThreshold: MINORITY_DESIGNATED_FLOOR, // 0.3, the floor gap-index.ts gives designated areas
	topShare: 0.1 // the top decile
};

/**
 * The plan's target groups for each hamlet, and whether its gap is among the largest, so the map
 * and the planner can filter on "rural", "minority" and "largest gaps" (plan 20/KH-UBND asks the
 * communes to support rural areas and ethnic minorities first).
 *
 * - rural: `isRuralHamlet`, the commune is a xã (not a phường) or the hamlet itself is rural.
 * - minority: designated by Quyết định 201/QĐ-UBND, or minority share ≥ `minorityShareThreshold`.
 * - largestGapCity: among the ⌈topShare × n⌉ largest gap indices of the input. Hamlets tied with
 *   the last one taken are flagged too, so equal indices always get equal flags.
 * - largestGapCommune: the same within the hamlet's commune. ⌈…⌉ makes it at least one hamlet per
 *   commune, so every commune gets a "start here", however few hamlets it has.
 * A hamlet with a gap index of 0 (or none in the map) is never flagged as a largest gap: nothing
 * is missing there.
 *
 * @param hamlets the hamlets of the analysis
 * @param gapIndexById gap index (0–100) by hamlet id, e.g. from `gapIndex`
 * @param options {@link FlagHamletsOptions}
 * @returns the flags of each hamlet, keyed by hamlet id
 */
export function flagHamlets(
	hamlets: HamletFeature[],
	gapIndexById: Map<number, number>,
	options: FlagHamletsOptions = {}
): Map<number, HamletFlags> {
	const threshold = options.minorityShareThreshold ?? defaultOptions.minorityShareThreshold;
	const topShare = options.topShare ?? defaultOptions.topShare;
	const largestCity = largestGaps(hamlets, gapIndexById, topShare);
	const byCommune = new Map<string, HamletFeature[]>();
	for (const hamlet of hamlets) {
		const group = byCommune.get(hamlet.properties.communeCode);
		if (group) group.push(hamlet);
		else byCommune.set(hamlet.properties.communeCode, [hamlet]);
	}
	const largestCommune = new Set<number>();
	for (const group of byCommune.values()) {
		for (const id of largestGaps(group, gapIndexById, topShare)) largestCommune.add(id);
	}

	const flags = new Map<number, HamletFlags>();
	for (const { properties } of hamlets) {
		flags.set(properties.id, {
			rural: isRuralHamlet(properties),
			minority: properties.designatedMinority || properties.minorityShare >= threshold,
			largestGapCity: largestCity.has(properties.id),
			largestGapCommune: largestCommune.has(properties.id)
		});
	}
	return flags;
}

/** Ids of the top ⌈share × n⌉ positive gap indices of the group, ties at the cut included. */
function largestGaps(
	hamlets: HamletFeature[],
	gapIndexById: Map<number, number>,
	share: number
): Set<number> {
	const ranked = hamlets
		.map((hamlet) => ({ id: hamlet.properties.id, index: gapIndexById.get(hamlet.properties.id) }))
		.filter(
			(entry): entry is { id: number; index: number } => Number.isFinite(entry.index) && entry.index! > 0
		)
		.sort((a, b) => b.index - a.index);
	const wanted = Math.ceil(Math.max(0, share) * hamlets.length);
	if (wanted === 0 || ranked.length === 0) return new Set();
	const cut = ranked[Math.min(wanted, ranked.length) - 1]!.index;
	return new Set(ranked.filter((entry) => entry.index >= cut).map((entry) => entry.id));
}
