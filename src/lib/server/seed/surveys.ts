import type { HamletProfile } from './hamlet-profiles';
import type { Random } from './random';
import type { DemoSurvey } from './types';

/** First days of the surveyed months, January to November 2026. */
export const SURVEY_MONTHS = Array.from(
	{ length: 11 },
	(_, index) => `2026-${String(index + 1).padStart(2, '0')}-01`
);

type Range = readonly [low: number, high: number];

/** How one rate behaves: January and November ranges by standing (0 → low, 1 → high), and what pulls it down. */
interface IndicatorModel {
	urban: { january: Range; november: Range };
	rural: { january: Range; november: Range };
	/** Rate lost per unit of minority share, in January and in November. */
	minorityPenalty: Range;
	/** Rate lost per unit of elderly share above `REFERENCE_ELDERLY_SHARE`. */
	elderlyPenalty: number;
}

// About Hanoi's 2019 share of residents aged 60+; hamlets above it are held back, below it pushed ahead.
const REFERENCE_ELDERLY_SHARE = 0.15;

const INDICATORS = {
	withBasicSkills: {
		urban: { january: [0.55, 0.8], november: [0.77, 0.97] },
		rural: { january: [0.42, 0.66], november: [0.63, 0.88] },
		minorityPenalty: [0.3, 0.25],
		elderlyPenalty: 1
	},
	withSmartphone: {
		urban: { january: [0.8, 0.92], november: [0.87, 0.98] },
		rural: { january: [0.66, 0.82], november: [0.77, 0.93] },
		minorityPenalty: [0.22, 0.16],
		elderlyPenalty: 0.7
	},
	withEpayment: {
		urban: { january: [0.42, 0.62], november: [0.56, 0.84] },
		rural: { january: [0.22, 0.42], november: [0.36, 0.62] },
		minorityPenalty: [0.15, 0.15],
		elderlyPenalty: 0.9
	},
	withVneidLevel2: {
		urban: { january: [0.62, 0.82], november: [0.8, 0.96] },
		rural: { january: [0.5, 0.7], november: [0.7, 0.9] },
		minorityPenalty: [0.2, 0.15],
		elderlyPenalty: 0.4
	}
} satisfies Record<string, IndicatorModel>;

type Indicator = keyof typeof INDICATORS;
const INDICATOR_NAMES = Object.keys(INDICATORS) as Indicator[];

/** Survey sampling. */
const SURVEY_SAMPLING = {
	minimumShare: 0.05, // share of a hamlet's adults assessed in a month, lowest…
	maximumShare: 0.3, // …and highest
	thinSampleShare: 0.015 // hamlets whose every month assesses fewer than 20 adults, to exercise reliability flags
} as const;

function lerp([low, high]: Range, position: number): number {
	return low + (high - low) * position;
}

function clamp(value: number, low: number, high: number): number {
	return Math.min(high, Math.max(low, value));
}

/**
 * One survey row per hamlet per month, January–November 2026. Each rate climbs from its January to its
 * November level (fast at first, then slower); urban wards start and end ahead, minority-heavy and
 * elderly-heavy hamlets behind. Counts are binomial draws from the assessed sample, so they never
 * exceed it and small samples are noisy, as real ones are.
 */
export function buildSurveys(hamlets: readonly HamletProfile[], random: Random): DemoSurvey[] {
	const eligibleForThinSample = hamlets.filter((hamlet) => hamlet.adults >= 40).map((hamlet) => hamlet.id);
	const thinSampleCount = Math.max(1, Math.round(hamlets.length * SURVEY_SAMPLING.thinSampleShare));
	const thinSample = new Set(random.shuffle(eligibleForThinSample).slice(0, thinSampleCount));

	const surveys: DemoSurvey[] = [];
	for (const hamlet of hamlets) {
		const setting = hamlet.isUrban ? 'urban' : 'rural';
		const elderlyExcess = hamlet.elderlyShare - REFERENCE_ELDERLY_SHARE;
		const paths = INDICATOR_NAMES.map((name) => {
			const model: IndicatorModel = INDICATORS[name];
			const standing = clamp(hamlet.standing + 0.08 * random.normal(), 0, 1);
			const january = clamp(
				lerp(model[setting].january, standing) -
					model.minorityPenalty[0] * hamlet.minorityShare -
					model.elderlyPenalty * elderlyExcess,
				0.03,
				0.95
			);
			const november = clamp(
				lerp(model[setting].november, standing) -
					model.minorityPenalty[1] * hamlet.minorityShare -
					model.elderlyPenalty * elderlyExcess,
				january + 0.05,
				0.99
			);
			return { name, january, november };
		});

		const sampleShare = random.between(SURVEY_SAMPLING.minimumShare, SURVEY_SAMPLING.maximumShare);
		SURVEY_MONTHS.forEach((month, monthIndex) => {
			const adultsAssessed = thinSample.has(hamlet.id)
				? random.integer(5, 19)
				: Math.min(hamlet.adults, Math.round(hamlet.adults * sampleShare * random.between(0.8, 1.2)));
			const progress = (monthIndex / (SURVEY_MONTHS.length - 1)) ** 0.85;
			const row: DemoSurvey = {
				hamletId: hamlet.id,
				month,
				adultsAssessed,
				withBasicSkills: 0,
				withSmartphone: 0,
				withEpayment: 0,
				withVneidLevel2: 0
			};
			for (const path of paths) {
				row[path.name] = random.binomial(
					adultsAssessed,
					path.january + (path.november - path.january) * progress
				);
			}
			surveys.push(row);
		});
	}
	return surveys;
}
