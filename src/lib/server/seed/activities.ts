import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { pointOnFeature } from '@turf/point-on-feature';
import { ACTIVITY_KINDS, OUTREACH_TOPICS, type ActivityKind, type OutreachTopic } from '../../domain';
import type { HamletProfile } from './hamlet-profiles';
import type { Random } from './random';
import type { TeamPlan } from './teams';
import type { DemoActivity } from './types';

/** The days on which demo activities happen: 1 January to 25 November 2026. */
export const ACTIVITY_PERIOD = { first: '2026-01-01', last: '2026-11-25' } as const;

// Days of each month inside the period; November stops on the 25th.
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 25];
const PERIOD_DAYS = DAYS_IN_MONTH.reduce((sum, days) => sum + days, 0);
const FIRST_DAY_OF_MONTH = DAYS_IN_MONTH.map((_, month) =>
	DAYS_IN_MONTH.slice(0, month).reduce((sum, days) => sum + days, 0)
);

// Outreach rises through the year as teams fill up and get trained (the plan runs to 31 December);
// February dips for Tết (17 February 2026). Weights are per day, so November's 25 days weigh less.
const MONTH_WEIGHTS = [1, 0.65, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9].map(
	(weight, month) => (weight * (DAYS_IN_MONTH[month] as number)) / 30
);

// Mostly door-to-door, as the motto says; online sessions are an urban thing.
const KIND_WEIGHTS: Record<'urban' | 'rural', number[]> = {
	urban: ACTIVITY_KINDS.map(
		(kind) => ({ 'door-to-door': 0.66, class: 0.14, event: 0.08, online: 0.12 })[kind]
	),
	rural: ACTIVITY_KINDS.map(
		(kind) => ({ 'door-to-door': 0.75, class: 0.13, event: 0.09, online: 0.03 })[kind]
	)
};

// Share of a hamlet's new households an activity of each kind reaches, relative to a door-to-door visit.
const NEW_HOUSEHOLD_WEIGHT: Record<ActivityKind, number> = {
	'door-to-door': 1,
	class: 0.3,
	event: 0.4,
	online: 0.1
};

const TOPIC_COUNT: Record<ActivityKind, readonly [number, number]> = {
	'door-to-door': [1, 3],
	class: [1, 2],
	event: [2, 3],
	online: [1, 2]
};

/** Targets of outreach coverage (distinct households reached ÷ households) by 25 November. */
const COVERAGE_TARGETS = {
	urban: [0.7, 0.95], // by standing, low…high
	rural: [0.55, 0.88],
	minorityPenalty: 0.3, // coverage lost per unit of minority share
	floor: 0.4,
	ceiling: 0.95
} as const;

/** The hamlets pushed above 100% coverage on purpose: a data-quality problem to show, not to hide. */
const OVER_COVERAGE = {
	minimum: 5, // at least this many hamlets…
	maximum: 10, // …and at most this many, about one per 600 hamlets in between
	hamletsPerOverCovered: 600,
	factor: [1.05, 1.45] // households reached ÷ households
} as const;

// Share of activities run by the hamlet's own team; the rest by another team of the commune helping out.
const HOME_TEAM_SHARE = 0.85;

/**
 * Split a whole number in proportion to weights (largest remainder), so the parts add up exactly.
 * Ties go to the earlier index.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
	const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
	if (weights.length === 0 || total <= 0 || weightSum <= 0) return weights.map(() => 0);
	const exact = weights.map((weight) => (total * weight) / weightSum);
	const parts = exact.map((value) => Math.floor(value));
	let remaining = total - parts.reduce((sum, part) => sum + part, 0);
	const order = exact
		.map((_, index) => index)
		.sort(
			(a, b) =>
				(exact[b] as number) - (parts[b] as number) - ((exact[a] as number) - (parts[a] as number)) || a - b
		);
	for (let rank = 0; remaining > 0; rank++, remaining--) {
		const index = order[rank % order.length] as number;
		parts[index] = (parts[index] as number) + 1;
	}
	return parts;
}

function roundTo(value: number, decimals: number): number {
	const factor = 10 ** decimals;
	return Math.round(value * factor) / factor;
}

function clamp(value: number, low: number, high: number): number {
	return Math.min(high, Math.max(low, value));
}

/** A uniform point inside the hamlet: rejection sampling in its bbox, rounded to 6 decimals (~0.1 m). */
function samplePoint(hamlet: HamletProfile, random: Random): [number, number] {
	const [west, south, east, north] = hamlet.bbox;
	for (let attempt = 0; attempt < 1000; attempt++) {
		// Round before testing, so the stored point is the one known to be inside.
		const point: [number, number] = [
			roundTo(random.between(west, east), 6),
			roundTo(random.between(south, north), 6)
		];
		if (booleanPointInPolygon(point, hamlet.geometry)) return point;
	}
	// A sliver can defeat rejection sampling; a point on its surface is still inside.
	const [lng, lat] = pointOnFeature(hamlet.geometry).geometry.coordinates;
	return [lng as number, lat as number];
}

function pickTopics(
	hamlet: HamletProfile,
	kind: ActivityKind,
	month: number,
	random: Random
): OutreachTopic[] {
	const elderlyClass = kind === 'class' && hamlet.elderlyShare > 0.18;
	const weights = OUTREACH_TOPICS.map((topic) => {
		switch (topic) {
			case 'vneid':
				return 3;
			case 'public-services':
				return 2.5;
			case 'payment':
				return hamlet.isUrban ? 2.5 : 1.5;
			// The plan's classes for the elderly are above all about online safety and e-health.
			case 'safety':
				return elderlyClass ? 3.2 : 2;
			case 'e-health':
				return elderlyClass ? 2.4 : 1.2;
			// AI enters the training during the year.
			case 'ai':
				return 0.3 + 0.12 * month;
		}
	});
	const [fewest, most] = TOPIC_COUNT[kind];
	const count = random.integer(fewest, most);
	const chosen: number[] = [];
	for (let pick = 0; pick < count; pick++) {
		const index = random.weightedIndex(weights);
		chosen.push(index);
		weights[index] = 0;
	}
	return chosen.sort((a, b) => a - b).map((index) => OUTREACH_TOPICS[index] as OutreachTopic);
}

interface DraftActivity {
	month: number;
	day: number;
	occurredOn: string;
	kind: ActivityKind;
}

/** The activities and the hamlets deliberately over-covered. */
export interface ActivityPlan {
	activities: DemoActivity[];
	overCoveredHamletIds: number[];
}

/**
 * `activityCount` activities over the hamlets (in proportion to the households still to reach) and the
 * months (rising through the year). Each hamlet gets a coverage target, and its activities' new households
 * add up to exactly that target, earlier activities finding more new doors than later ones.
 */
export function buildActivities(
	hamlets: readonly HamletProfile[],
	teamPlan: TeamPlan,
	activityCount: number,
	random: Random
): ActivityPlan {
	if (activityCount > 0 && hamlets.length === 0) throw new Error('No hamlets to place activities in');

	const coverage = hamlets.map((hamlet) => {
		const [low, high] = hamlet.isUrban ? COVERAGE_TARGETS.urban : COVERAGE_TARGETS.rural;
		const position = clamp(hamlet.standing + 0.1 * random.normal(), 0, 1);
		return clamp(
			low + (high - low) * position - COVERAGE_TARGETS.minorityPenalty * hamlet.minorityShare,
			COVERAGE_TARGETS.floor,
			COVERAGE_TARGETS.ceiling
		);
	});
	const workload = hamlets.map(
		(hamlet, index) => hamlet.households * (coverage[index] as number) * random.between(0.85, 1.15)
	);
	const hasWork = workload.some((weight) => weight > 0);
	const counts = apportion(activityCount, hasWork ? workload : hamlets.map(() => 1));

	const eligible = hamlets.filter((hamlet, index) => hamlet.households > 0 && (counts[index] as number) > 0);
	const overCoveredCount = Math.min(
		clamp(
			Math.round(hamlets.length / OVER_COVERAGE.hamletsPerOverCovered),
			OVER_COVERAGE.minimum,
			OVER_COVERAGE.maximum
		),
		Math.floor(eligible.length / 4)
	);
	const overCovered = new Set(
		random
			.shuffle(eligible)
			.slice(0, overCoveredCount)
			.map((hamlet) => hamlet.id)
	);

	const activities: DemoActivity[] = [];
	hamlets.forEach((hamlet, hamletIndex) => {
		const count = counts[hamletIndex] as number;
		if (count === 0) return;
		const setting = hamlet.isUrban ? 'urban' : 'rural';
		const householdsReached = overCovered.has(hamlet.id)
			? Math.max(
					hamlet.households + 1,
					Math.round(hamlet.households * random.between(OVER_COVERAGE.factor[0], OVER_COVERAGE.factor[1]))
				)
			: Math.floor(hamlet.households * (coverage[hamletIndex] as number));

		const drafts: DraftActivity[] = [];
		for (let index = 0; index < count; index++) {
			const month = random.weightedIndex(MONTH_WEIGHTS);
			const day = random.integer(1, DAYS_IN_MONTH[month] as number);
			const occurredOn = `2026-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
			const kind = ACTIVITY_KINDS[random.weightedIndex(KIND_WEIGHTS[setting])] as ActivityKind;
			drafts.push({ month, day, occurredOn, kind });
		}
		drafts.sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : 0));

		const progress = drafts.map(
			(draft) => ((FIRST_DAY_OF_MONTH[draft.month] as number) + draft.day) / PERIOD_DAYS
		);
		// Later in the year most doors have been knocked on already, so fewer households are new.
		const newHouseholds = apportion(
			householdsReached,
			drafts.map(
				(draft, index) =>
					NEW_HOUSEHOLD_WEIGHT[draft.kind] *
					random.between(0.5, 1.5) *
					(1.3 - 0.6 * (progress[index] as number))
			)
		);

		const communeTeamIds = teamPlan.teamIdsByCommune.get(hamlet.communeCode) ?? [];
		const homeTeamId = teamPlan.homeTeamIdByHamlet.get(hamlet.id);
		if (homeTeamId === undefined || communeTeamIds.length === 0) {
			throw new Error(`Hamlet ${hamlet.id} has no team in commune ${hamlet.communeCode}`);
		}
		// Classes, events and online sessions are recorded at the hamlet's meeting place (nhà văn hóa).
		let meetingPlace: [number, number] | undefined;

		drafts.forEach((draft, index) => {
			const householdsNew = newHouseholds[index] as number;
			let householdsRevisited: number;
			let peopleGuided: number;
			let location: [number, number];
			if (draft.kind === 'door-to-door') {
				householdsRevisited = Math.round(
					householdsNew * random.between(0, 0.4) + (progress[index] as number) * random.between(0, 8)
				);
				if (householdsNew + householdsRevisited === 0) householdsRevisited = random.integer(1, 4);
				peopleGuided = Math.max(1, Math.round((householdsNew + householdsRevisited) * random.between(1, 3)));
				location = samplePoint(hamlet, random);
			} else {
				householdsRevisited = draft.kind === 'online' ? 0 : random.integer(0, 8);
				const attendance = draft.kind === 'online' ? random.integer(5, 40) : random.integer(10, 60);
				peopleGuided = Math.max(attendance, householdsNew + householdsRevisited);
				meetingPlace ??= samplePoint(hamlet, random);
				location = [meetingPlace[0], meetingPlace[1]];
			}
			const teamId = random.chance(HOME_TEAM_SHARE) ? homeTeamId : random.pick(communeTeamIds);
			const topics = pickTopics(hamlet, draft.kind, draft.month, random);
			const id = random.uuid();
			activities.push({
				id,
				hamletId: hamlet.id,
				teamId,
				kind: draft.kind,
				occurredOn: draft.occurredOn,
				location,
				householdsNew,
				householdsRevisited,
				peopleGuided,
				topics,
				idempotencyKey: `demo-${id}`
			});
		});
	});

	return { activities, overCoveredHamletIds: [...overCovered].sort((a, b) => a - b) };
}
