// The digital-gap results as the server sends them, and the small pure steps the planner repeats in the
// browser (re-scoring with the user's weights, reasons in words, next targets): one code path for both.
import type { Label } from './domain';
import { GAP_COMPONENTS } from './analysis/gap-components';
import { validateGapWeights } from './analysis/gap-weights';
import { scoreGap } from './analysis/score-gap';
import type { Locale } from './i18n';
import { formatShare } from './format';
import { gapComponentLabel } from './labels';
import { m } from './paraglide/messages';
import { getLocale } from './paraglide/runtime';
import {
	pickNextTargets,
	type NextTargetsOptions,
	type NextTargetsResult,
	type TargetPick
} from './analysis/next-targets';
import type { GapComponent, HamletFlags, HotSpotClass, InputIssue, RateKey } from './analysis/types';

/**
 * The commune's pace of outreach is measured over this many days up to the analysis date: long enough
 * to smooth a campaign week, short enough to follow a change of pace. Its own meaning, apart from the
 * class window of the gap index, though both are a quarter today.
 */
export const OUTREACH_PACE_WINDOW_DAYS = 90;

/** One hamlet's digital gap for a month: the index, what drives it, its flags and hot-spot statistics. */
export interface HamletGapResult {
	id: number;
	name: string;
	communeCode: string;
	households: number;
	adults: number;
	/** Distinct households reached up to the end of the month. */
	householdsReached: number;
	/** Adults × (1 − shrunk skills rate): how many adults still lack basic digital skills (estimate). */
	adultsWithoutSkills: number;
	/** 0–100 under the analysis weights. */
	gapIndex: number;
	/** Points of the index per component; they sum to `gapIndex`. */
	contributions: Record<GapComponent, number>;
	/** Raw component values: shares 0–1, classDistance in km; null = unknown. */
	components: Record<GapComponent, number | null>;
	/** Percentile rank 0–1 of each component city-wide: what the weights multiply. */
	normalised: Record<GapComponent, number>;
	/** Components that do not apply here (e-payment outside urban hamlets). */
	notApplicable: GapComponent[];
	flags: HamletFlags;
	hotSpot: { z: number | null; p: number | null; q: number | null; hotSpotClass: HotSpotClass };
	/** Too few adults surveyed: rates are shrunk toward the commune and shown as uncertain. */
	lowConfidence: boolean;
	adultsAssessed: number;
	rates: Record<RateKey, { raw: number | null; shrunk: number | null }>;
}

/** A weight per component, summing to 1. */
export type GapWeights = Record<GapComponent, number>;

/**
 * Reads weights written as `skills:0.3,coverage:0.2,…` (the API's `weights` parameter). Components left
 * out weigh 0; the result is validated and normalised by `validateGapWeights`.
 */
export function parseWeightsParam(
	text: string
): { ok: true; weights: GapWeights } | { ok: false; errors: InputIssue[] } {
	// No prototype: "constructor" or "__proto__" is an unknown component like any other, never "weighted twice".
	const weights: Record<string, number> = Object.create(null) as Record<string, number>;
	const errors: InputIssue[] = [];
	for (const part of text.split(',')) {
		const pair = part.trim();
		if (pair === '') continue;
		const match = /^([A-Za-z]+)\s*:\s*(.*)$/.exec(pair);
		// Plain decimals only: Number() would also read 0x10, 1e3 and Infinity.
		const valueText = match?.[2]!.trim() ?? '';
		const value = /^-?(\d+(\.\d*)?|\.\d+)$/.test(valueText) ? Number(valueText) : Number.NaN;
		if (!match) {
			errors.push({
				path: 'weights',
				code: 'unreadable',
				vi: `Không đọc được "${pair}": cần dạng thành_phần:số, ví dụ skills:0.3`,
				en: `Cannot read "${pair}": expected component:number, e.g. skills:0.3`
			});
		} else if (Object.hasOwn(weights, match[1]!)) {
			errors.push({
				path: `weights.${match[1]}`,
				code: 'repeated',
				vi: `Thành phần "${match[1]}" có hai trọng số`,
				en: `Component "${match[1]}" is weighted twice`
			});
		} else {
			weights[match[1]!] = value;
		}
	}
	if (errors.length > 0) return { ok: false, errors };
	return validateGapWeights(weights);
}

/** The weights as the API's `weights` parameter, e.g. `skills:0.25,coverage:0.2,…`. */
export function formatWeightsParam(weights: GapWeights): string {
	return GAP_COMPONENTS.map((component) => `${component}:${roundTo(weights[component], 4)}`).join(',');
}

/** The weights in words, largest first, e.g. "Thiếu kỹ năng số 30%, Hộ chưa được tiếp cận 20%"; zero weights left out. */
export function describeWeights(weights: GapWeights, locale: Locale = getLocale()): string {
	return GAP_COMPONENTS.filter((component) => weights[component] > 0)
		.sort((first, second) => weights[second] - weights[first])
		.map(
			(component) => `${gapComponentLabel(component, locale)} ${formatShare(weights[component], locale, 0)}`
		)
		.join(', ');
}

/** The index and contributions of each hamlet under `weights`, by hamlet id. */
export function scoreHamlets(
	hamlets: readonly HamletGapResult[],
	weights: GapWeights
): Map<number, { index: number; contributions: Record<GapComponent, number> }> {
	return new Map(
		hamlets.map((hamlet) => [
			hamlet.id,
			scoreGap(
				{
					id: hamlet.id,
					raw: hamlet.components,
					normalised: hamlet.normalised,
					notApplicable: hamlet.notApplicable,
					lowConfidence: hamlet.lowConfidence
				},
				weights
			)
		])
	);
}

/**
 * Why a hamlet ranks where it does, in words: its largest contributions, e.g.
 * "Thiếu kỹ năng số: 31 điểm; Xa lớp học: 12 điểm". Contributions under half a point are left out.
 */
export function describeGap(
	contributions: Record<GapComponent, number>,
	locale: Locale = getLocale(),
	limit = 3
): string {
	const largest = GAP_COMPONENTS.map((component) => ({ component, points: contributions[component] }))
		.filter((entry) => entry.points >= 0.5)
		.sort((a, b) => b.points - a.points)
		.slice(0, limit);
	if (largest.length === 0) return m.gap_reason_none({}, { locale });
	return largest
		.map(({ component, points }) =>
			m.gap_reason_part(
				{ component: gapComponentLabel(component, locale), points: Math.round(points) },
				{ locale }
			)
		)
		.join('; ');
}

/** `describeGap` in both languages, for the exports and the pages that still show both. */
export function gapReason(contributions: Record<GapComponent, number>, limit = 3): Label {
	return { vi: describeGap(contributions, 'vi', limit), en: describeGap(contributions, 'en', limit) };
}

/** A picked hamlet with the reason it is in the plan, from its contributions. */
export interface NextTargetPick extends TargetPick {
	reason: Label;
	gapIndex: number;
	households: number;
	/** The estimate the pick helps: adults without basic digital skills in the hamlet. */
	adultsWithoutSkills: number;
}

export interface NextTargets extends Omit<NextTargetsResult, 'picks'> {
	picks: NextTargetPick[];
}

/**
 * The hamlets to visit next within the capacity, scored under `weights` (greedy: see
 * `pickNextTargets`), each with its reason in words. Errors in the options come back in `errors`.
 */
export function nextTargets(
	hamlets: readonly HamletGapResult[],
	weights: GapWeights,
	options: NextTargetsOptions
): NextTargets {
	const scores = scoreHamlets(hamlets, weights);
	const byId = new Map(hamlets.map((hamlet) => [hamlet.id, hamlet]));
	const result = pickNextTargets(
		hamlets.map((hamlet) => ({
			id: hamlet.id,
			name: hamlet.name,
			households: hamlet.households,
			householdsReached: hamlet.householdsReached,
			adultsWithoutSkills: hamlet.adultsWithoutSkills,
			gapIndex: scores.get(hamlet.id)!.index
		})),
		options
	);
	return {
		...result,
		picks: result.picks.map((pick) => {
			const score = scores.get(pick.id)!;
			return {
				...pick,
				reason: gapReason(score.contributions),
				gapIndex: score.index,
				households: byId.get(pick.id)!.households,
				adultsWithoutSkills: byId.get(pick.id)!.adultsWithoutSkills
			};
		})
	};
}

function roundTo(value: number, decimals: number): number {
	const factor = 10 ** decimals;
	return Math.round(value * factor) / factor;
}
