import type { HamletAnalysisProperties, HamletFeature, HamletRates, RateKey, ShrunkRate } from './types';

/** The survey rates, each with the count it is computed from. */
const RATE_COUNTS: Record<RateKey, keyof HamletAnalysisProperties> = {
	skills: 'withBasicSkills',
	smartphone: 'withSmartphone',
	epayment: 'withEpayment',
	vneidLevel2: 'withVneidLevel2'
};

export const RATE_KEYS = Object.keys(RATE_COUNTS) as RateKey[];

/** Options of {@link shrinkRates}. */
export interface ShrinkRatesOptions {
	/** Below this many adults assessed, a hamlet's figures are flagged low-confidence. */
	minimumAssessed?: number;
}

const defaultOptions = {
	minimumAssessed: 30 // adults: the usual rule of thumb for a normal approximation of a proportion
};

/**
 * Hamlets with a survey a commune needs before its own prior strength is estimated. With fewer,
 * the between-hamlet variance is mostly noise, so the pooled city-wide estimate is used instead.
 */
const MINIMUM_HAMLETS_FOR_COMMUNE_PRIOR = 5;

/**
 * Bounds on the prior strength k (in adults assessed). The floor keeps some pull toward the commune
 * even where hamlets differ wildly (k = 2 is one success and one failure, a Laplace-style prior); the
 * ceiling applies when the hamlets differ no more than sampling noise (method of moments gives k = ∞),
 * so a hamlet with a large sample still shows a little of its own signal.
 */
export const PRIOR_STRENGTH_BOUNDS = { minimum: 2, maximum: 500 } as const;

/** Used when not even the pooled city-wide moments can be estimated (fewer than two usable hamlets). */
const FALLBACK_PRIOR_STRENGTH = 30;

interface Sample {
	assessed: number;
	count: number;
}

/** The method-of-moments sums of one group of hamlets, kept apart so communes can be pooled. */
interface MomentSums {
	/** Σ n_i (p_i − m)² ÷ (m (1 − m)): the observed dispersion in units of binomial variance. */
	scaledDispersion: number;
	/** g − 1: its expectation when the hamlets do not differ at all. */
	degreesOfFreedom: number;
	/** N − Σ n_i² ÷ N − (g − 1): what each unit of intra-class correlation ρ adds to it. */
	slope: number;
}

/**
 * Survey rates per hamlet, raw and shrunk toward the hamlet's commune by empirical Bayes, with a
 * low-confidence flag for small samples.
 *
 * Why: a monthly survey of 8 adults that finds 2 with basic digital skills says "25 %", while the
 * truth may well be 50 %. Ranking hamlets on raw rates puts the smallest samples at both ends of
 * every list. Shrinking pulls each rate toward its commune by an amount that depends on the sample
 * size: small samples move a lot, large ones barely.
 *
 * Method (beta-binomial): within a commune, each hamlet's true rate is drawn from a beta prior with
 * mean m = the commune's pooled rate (Σ counts ÷ Σ assessed) and strength k = α + β. Then the
 * posterior mean is (x + m·k) ÷ (n + k). k is estimated by the method of moments (Kleinman 1973):
 * with n_i, p_i the hamlets' samples and rates, N = Σ n_i and g hamlets,
 * E[Σ n_i (p_i − m)²] = m(1 − m) [(g − 1) + ρ (N − Σ n_i²/N − (g − 1))], solved for the
 * intra-class correlation ρ, and k = 1/ρ − 1, clamped to {@link PRIOR_STRENGTH_BOUNDS}.
 * A commune with fewer than {@link MINIMUM_HAMLETS_FOR_COMMUNE_PRIOR} surveyed hamlets, or whose
 * pooled rate is 0 or 1, uses the city-wide ρ (the same sums pooled over every commune, each
 * hamlet measured against its own commune's mean); if that is not estimable either, k =
 * {@link FALLBACK_PRIOR_STRENGTH}.
 *
 * Missing data: a hamlet with 0 adults assessed gets raw = null and shrunk = m (the formula with
 * n = 0); a commune with no survey at all uses the city's pooled rate as m. Counts above the
 * sample size are clamped to it (a data-quality problem the survey import reports elsewhere).
 *
 * @param hamlets the hamlets of one analysis (a commune, or the whole city)
 * @param options {@link ShrinkRatesOptions}
 * @returns the rates of each hamlet, keyed by hamlet id
 * @example
 * shrinkRates(hamlets).get(4001)?.rates.skills.shrunk; // → 0.46
 */
export function shrinkRates(
	hamlets: HamletFeature[],
	options: ShrinkRatesOptions = {}
): Map<number, HamletRates> {
	const minimumAssessed = options.minimumAssessed ?? defaultOptions.minimumAssessed;
	const byCommune = new Map<string, HamletFeature[]>();
	for (const hamlet of hamlets) {
		const code = hamlet.properties.communeCode;
		const group = byCommune.get(code);
		if (group) group.push(hamlet);
		else byCommune.set(code, [hamlet]);
	}

	const result = new Map<number, HamletRates>();
	for (const hamlet of hamlets) {
		const properties = hamlet.properties;
		const assessed = assessedOf(properties);
		result.set(properties.id, {
			id: properties.id,
			communeCode: properties.communeCode,
			adultsAssessed: assessed,
			lowConfidence: assessed < minimumAssessed,
			rates: {} as Record<RateKey, ShrunkRate>
		});
	}

	for (const key of RATE_KEYS) {
		const samplesByCommune = new Map<string, Sample[]>();
		for (const [code, group] of byCommune) {
			samplesByCommune.set(
				code,
				group.map((hamlet) => sampleOf(hamlet.properties, key))
			);
		}
		const citySamples = [...samplesByCommune.values()].flat();
		const cityMean = pooledRate(citySamples);

		// City-wide ρ: the within-commune sums of every commune, pooled.
		const pooled: MomentSums = { scaledDispersion: 0, degreesOfFreedom: 0, slope: 0 };
		const communeSums = new Map<string, MomentSums | null>();
		for (const [code, samples] of samplesByCommune) {
			const sums = momentSums(samples);
			communeSums.set(code, sums);
			if (!sums) continue;
			pooled.scaledDispersion += sums.scaledDispersion;
			pooled.degreesOfFreedom += sums.degreesOfFreedom;
			pooled.slope += sums.slope;
		}
		const cityStrength = priorStrengthOf(pooled) ?? FALLBACK_PRIOR_STRENGTH;

		for (const [code, group] of byCommune) {
			const samples = samplesByCommune.get(code)!;
			const communeMean = pooledRate(samples);
			const priorMean = communeMean ?? cityMean;
			const sums = communeSums.get(code);
			const usable = samples.filter((sample) => sample.assessed > 0).length;
			const communeStrength =
				sums && usable >= MINIMUM_HAMLETS_FOR_COMMUNE_PRIOR ? priorStrengthOf(sums) : null;
			const priorStrength = communeStrength ?? cityStrength;
			const priorSource = communeStrength === null ? 'city' : 'commune';
			group.forEach((hamlet, position) => {
				const { assessed, count } = samples[position]!;
				result.get(hamlet.properties.id)!.rates[key] = {
					raw: assessed > 0 ? count / assessed : null,
					shrunk:
						priorMean === null ? null : (count + priorMean * priorStrength) / (assessed + priorStrength),
					priorMean,
					priorStrength,
					priorSource
				};
			});
		}
	}
	return result;
}

function assessedOf(properties: HamletAnalysisProperties): number {
	const assessed = properties.adultsAssessed;
	return Number.isFinite(assessed) && assessed > 0 ? assessed : 0;
}

function sampleOf(properties: HamletAnalysisProperties, key: RateKey): Sample {
	const assessed = assessedOf(properties);
	const count = Number(properties[RATE_COUNTS[key]]);
	return { assessed, count: Number.isFinite(count) ? Math.max(0, Math.min(assessed, count)) : 0 };
}

function pooledRate(samples: Sample[]): number | null {
	let assessed = 0;
	let count = 0;
	for (const sample of samples) {
		assessed += sample.assessed;
		count += sample.count;
	}
	return assessed > 0 ? count / assessed : null;
}

/** The method-of-moments sums of a group; null when the group cannot inform ρ. */
function momentSums(samples: Sample[]): MomentSums | null {
	const surveyed = samples.filter((sample) => sample.assessed > 0);
	const mean = pooledRate(surveyed);
	if (surveyed.length < 2 || mean === null || mean <= 0 || mean >= 1) return null;
	let total = 0;
	let sumOfSquares = 0;
	let dispersion = 0;
	for (const { assessed, count } of surveyed) {
		total += assessed;
		sumOfSquares += assessed * assessed;
		dispersion += assessed * (count / assessed - mean) ** 2;
	}
	const degreesOfFreedom = surveyed.length - 1;
	return {
		scaledDispersion: dispersion / (mean * (1 - mean)),
		degreesOfFreedom,
		slope: total - sumOfSquares / total - degreesOfFreedom
	};
}

/** k = 1/ρ − 1 from the moment sums, clamped; null when ρ cannot be estimated. */
function priorStrengthOf(sums: MomentSums): number | null {
	if (sums.degreesOfFreedom < 1 || sums.slope <= 0) return null;
	const rho = (sums.scaledDispersion - sums.degreesOfFreedom) / sums.slope;
	// ρ ≤ 0: the hamlets differ no more than sampling noise, so the prior is as strong as allowed.
	if (rho <= 0) return PRIOR_STRENGTH_BOUNDS.maximum;
	const strength = 1 / rho - 1;
	return Math.max(PRIOR_STRENGTH_BOUNDS.minimum, Math.min(PRIOR_STRENGTH_BOUNDS.maximum, strength));
}
