import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';

// Input types are a contract with the database query modules and the UI: do not rename.

/** One hamlet with its figures for the chosen month (rates are computed here, never stored). */
export interface HamletAnalysisProperties {
	id: number;
	name: string;
	communeCode: string;
	/** The commune is a phường (urban unit); with `isRural`, the facts `isRuralHamlet` (rural.ts) reads. */
	isWard: boolean;
	/** The hamlet itself is rural (thôn/xóm/bản). */
	isRural: boolean;
	/** Commune or hamlet designated a minority area by Quyết định 201/QĐ-UBND. */
	designatedMinority: boolean;
	households: number;
	adults: number;
	elderly: number;
	/** Share of residents from ethnic minorities, 0–1. */
	minorityShare: number;
	/** Distinct households reached, cumulative to the end of the month. Can exceed households (data-quality problem). */
	householdsReached: number;
	/** Latest monthly survey: sample size and counts within it (rates = count ÷ adultsAssessed). 0 assessed = no data. */
	adultsAssessed: number;
	withBasicSkills: number;
	withSmartphone: number;
	withEpayment: number;
	withVneidLevel2: number;
}
export type HamletFeature = Feature<Polygon | MultiPolygon, HamletAnalysisProperties>;
/** A class (lớp học) held by a team: where and when. */
export type ClassFeature = Feature<Point, { occurredOn: string /* YYYY-MM-DD */ }>;
/** A problem with an analysis input (weights, capacity): the one input-issue shape of the app. */
export type { InputIssue } from '../input-error';

// ---- reliability.ts ----

/** The survey rates that are shrunk; each maps to a `with…` count of {@link HamletAnalysisProperties}. */
export type RateKey = 'skills' | 'smartphone' | 'epayment' | 'vneidLevel2';

/** One rate of one hamlet, raw and shrunk toward its commune (0–1). */
export interface ShrunkRate {
	/** count ÷ adultsAssessed; null when nobody was assessed. */
	raw: number | null;
	/**
	 * Empirical-Bayes estimate (x + m·k) ÷ (n + k). Equals the prior mean when nobody was assessed;
	 * null only when nobody in the whole input was assessed (no prior either).
	 */
	shrunk: number | null;
	/** m: the pooled rate of the hamlet's commune (or of the whole input when the commune has no survey). */
	priorMean: number | null;
	/** k: the prior's weight, in "adults assessed". Larger k = stronger pull toward priorMean. */
	priorStrength: number;
	/** Where k came from: the commune's own hamlets, or the pooled city-wide estimate. */
	priorSource: 'commune' | 'city';
}

/** The reliability of one hamlet's survey figures. */
export interface HamletRates {
	id: number;
	communeCode: string;
	adultsAssessed: number;
	/** Fewer adults assessed than the minimum: show the figures greyed, with a warning. */
	lowConfidence: boolean;
	rates: Record<RateKey, ShrunkRate>;
}

// ---- gap-index.ts ----

/** The components of the digital-gap index, in display order. */
export type GapComponent =
	'skills' | 'coverage' | 'device' | 'payment' | 'elderly' | 'minority' | 'rurality' | 'classDistance';

/** The components of one hamlet, before weighting. */
export interface GapComponentsResult {
	id: number;
	/**
	 * Raw values: shares 0–1, except classDistance in km. null = unknown (no survey anywhere in the
	 * input); an unknown component counts as no gap.
	 */
	raw: Record<GapComponent, number | null>;
	/** Percentile rank 0–1 within the input set (see percentile-ranks.ts). */
	normalised: Record<GapComponent, number>;
	/**
	 * Components that do not apply to this hamlet (e-payment outside urban hamlets): raw 0, left out
	 * of the ranking, normalised 0.
	 */
	notApplicable: GapComponent[];
	/** The hamlet's survey sample is under the reliability minimum (or empty). */
	lowConfidence: boolean;
}

/** A hamlet's index with what drives it. */
export interface GapScore {
	/** 0–100; larger = larger digital gap relative to the other hamlets of the input. */
	index: number;
	/** Points of the index per component; they sum to `index`. */
	contributions: Record<GapComponent, number>;
}

/** The properties of a hamlet in `gapIndex`'s output. */
export interface GapIndexProperties {
	id: number;
	gapIndex: number;
	contributions: Record<GapComponent, number>;
	components: Record<GapComponent, number | null>;
	lowConfidence: boolean;
}

// ---- flags.ts ----

/** The target groups of plan 20/KH-UBND a hamlet belongs to, and whether its gap is among the largest. */
export interface HamletFlags {
	/** `isRuralHamlet`: the commune is a xã (not a phường), or the hamlet itself is rural. */
	rural: boolean;
	/** Designated minority area, or minority share at or above the threshold. */
	minority: boolean;
	/** Gap index in the top share city-wide (the whole input). */
	largestGapCity: boolean;
	/** Gap index in the top share of its commune. */
	largestGapCommune: boolean;
}

// ---- hot-spots.ts ----

export type HotSpotClass = 'hot-99' | 'hot-95' | 'hot-90' | 'cold-99' | 'cold-95' | 'cold-90' | 'none';

/** Getis–Ord Gi* of one feature. */
export interface HotSpotResult {
	/** Gi* z-score; null when undefined (no neighbour, or the neighbourhood is the whole input). */
	z: number | null;
	/** Two-sided p-value of z under the normal approximation. */
	p: number | null;
	/** Benjamini–Hochberg q-value (false discovery rate) over all features with a p-value. */
	q: number | null;
	hotSpotClass: HotSpotClass;
	/** Neighbours, self excluded. */
	neighbourCount: number;
}

/** The properties of a feature in `hotSpots`'s output. */
export interface HotSpotProperties {
	id: number;
	gapIndex: number;
	z: number | null;
	p: number | null;
	q: number | null;
	hotSpotClass: HotSpotClass;
}
