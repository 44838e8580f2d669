import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_KINDS, OUTREACH_TOPICS } from '../../domain';
import { apportion, ACTIVITY_PERIOD } from './activities';
import { ageSharesOf, communeAgeShares } from './census';
import { DEMO_DATA_DEFAULTS, generateDemoData, type DemoData, type DemoDataInput } from './demo-data';
import { Random } from './random';
import { DEMO_SOURCE_FILES, readDemoDataInput } from './read-sources';
import { SURVEY_MONTHS } from './surveys';

const FIXTURE_DIRECTORY = fileURLToPath(new URL('./fixtures', import.meta.url));
const FULL_DIRECTORY = 'geodata';
const hasFullInput = existsSync(`${FULL_DIRECTORY}/${DEMO_SOURCE_FILES.hamlets}`);

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object') {
		Object.values(value).forEach(deepFreeze);
		Object.freeze(value);
	}
	return value;
}

// Frozen, so a generator that mutated its input would throw here.
const fixture: DemoDataInput = deepFreeze(readDemoDataInput(FIXTURE_DIRECTORY));
const FIXTURE_ACTIVITIES = 4000;
const fixtureData = generateDemoData(fixture, { activityCount: FIXTURE_ACTIVITIES });

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DESIGNATED_COMMUNES = new Set(['04930', '10441', '09700', '09694', '09706']);

const RATES = ['withBasicSkills', 'withSmartphone', 'withEpayment', 'withVneidLevel2'] as const;
type Rate = (typeof RATES)[number];

/** Σ households new ÷ households, per hamlet id. */
function coverageByHamlet(data: DemoData): Map<number, number> {
	const reached = new Map<number, number>();
	for (const activity of data.activities) {
		reached.set(activity.hamletId, (reached.get(activity.hamletId) ?? 0) + activity.householdsNew);
	}
	return new Map(
		data.hamlets.map((hamlet) => [hamlet.id, (reached.get(hamlet.id) ?? 0) / hamlet.households])
	);
}

/** Pooled survey rate (Σ with ÷ Σ assessed) of the hamlets a filter keeps, in one month. */
function pooledRate(data: DemoData, month: string, rate: Rate, keep: (hamletId: number) => boolean): number {
	let positive = 0;
	let assessed = 0;
	for (const survey of data.surveys) {
		if (survey.month !== month || !keep(survey.hamletId)) continue;
		positive += survey[rate];
		assessed += survey.adultsAssessed;
	}
	return positive / assessed;
}

/**
 * Every invariant the loader and the schema rely on, as a list of violations (empty when all hold).
 * Collected in plain code rather than one `expect` per row: 100,000 activities would make vitest slow.
 */
function invariantViolations(input: DemoDataInput, data: DemoData, activityCount: number): string[] {
	const violations: string[] = [];
	const check = (holds: boolean, message: string) => {
		if (!holds && violations.length < 20) violations.push(message);
	};
	const features = new Map(input.hamlets.map((feature) => [feature.properties.id, feature]));
	const teams = new Map(data.teams.map((team) => [team.id, team]));

	check(data.hamlets.length === features.size, 'one demographic row per hamlet feature');
	for (const hamlet of data.hamlets) {
		const population = features.get(hamlet.id)?.properties.population;
		check(population !== undefined, `hamlet ${hamlet.id} has a feature`);
		check(hamlet.adults <= (population ?? 0), `hamlet ${hamlet.id}: adults ≤ population`);
		check(hamlet.elderly <= hamlet.adults, `hamlet ${hamlet.id}: elderly ≤ adults`);
		check(hamlet.households > 0 && hamlet.households < (population ?? 0), `hamlet ${hamlet.id}: households`);
		check(hamlet.minorityShare >= 0 && hamlet.minorityShare <= 1, `hamlet ${hamlet.id}: minority share`);
	}

	const teamsPerCommune = new Map<string, number>();
	data.teams.forEach((team, index) => {
		check(team.id === index + 1, `team ids run 1…N (${team.id})`);
		check(team.members >= 5 && team.members <= 15, `team ${team.id}: 5–15 members`);
		check(
			team.membersTrained >= 0 && team.membersTrained <= team.members,
			`team ${team.id}: trained ≤ members`
		);
		teamsPerCommune.set(team.communeCode, (teamsPerCommune.get(team.communeCode) ?? 0) + 1);
	});
	for (const commune of input.communes) {
		check((teamsPerCommune.get(commune.code) ?? 0) >= 3, `commune ${commune.code} has at least 3 teams`);
	}

	check(
		data.surveys.length === data.hamlets.length * SURVEY_MONTHS.length,
		'one survey per hamlet per month'
	);
	for (const survey of data.surveys) {
		check(SURVEY_MONTHS.includes(survey.month), `survey month ${survey.month}`);
		for (const rate of RATES) {
			check(
				survey[rate] >= 0 && survey[rate] <= survey.adultsAssessed,
				`survey ${survey.hamletId} ${survey.month} ${rate}`
			);
		}
	}

	check(data.activities.length === activityCount, `${activityCount} activities`);
	const ids = new Set<string>();
	for (const activity of data.activities) {
		const feature = features.get(activity.hamletId);
		const where = `activity ${activity.id}`;
		check(
			feature !== undefined && booleanPointInPolygon(activity.location, feature.geometry),
			`${where}: inside its hamlet`
		);
		check(
			teams.get(activity.teamId)?.communeCode === feature?.properties.communeCode,
			`${where}: team of the commune`
		);
		check(ACTIVITY_KINDS.includes(activity.kind), `${where}: kind`);
		check(
			activity.occurredOn >= ACTIVITY_PERIOD.first && activity.occurredOn <= ACTIVITY_PERIOD.last,
			`${where}: date`
		);
		check(UUID_V4.test(activity.id), `${where}: uuid v4`);
		check(activity.idempotencyKey === `demo-${activity.id}`, `${where}: idempotency key`);
		ids.add(activity.id);
		const topicOrder = activity.topics.map((topic) => OUTREACH_TOPICS.indexOf(topic));
		check(
			topicOrder.length > 0 &&
				topicOrder.every(
					(order, index) => order >= 0 && (index === 0 || order > (topicOrder[index - 1] as number))
				),
			`${where}: topics non-empty, known, distinct`
		);
		check(activity.householdsNew >= 0 && activity.householdsRevisited >= 0, `${where}: household counts`);
		check(activity.peopleGuided > 0, `${where}: people guided`);
		// Events count people only in total; every other activity records both groups, within those guided.
		for (const group of [activity.peopleAged60Plus, activity.peopleFromMinorities]) {
			check(
				activity.kind === 'event'
					? group === null
					: typeof group === 'number' && group >= 0 && group <= activity.peopleGuided,
				`${where}: priority groups recorded within the people guided`
			);
		}
	}
	check(ids.size === activityCount, 'activity ids are unique');

	// Each team's roster matches its counts; a trained member has a day and a course, in the programme's years.
	const rosters = Map.groupBy(data.teamMembers, (member) => member.teamId);
	for (const team of data.teams) {
		const roster = rosters.get(team.id) ?? [];
		check(roster.length === team.members, `team ${team.id}: roster of ${team.members}`);
		check(
			roster.filter((member) => member.trained).length === team.membersTrained,
			`team ${team.id}: ${team.membersTrained} trained on the roster`
		);
		check(roster[0]?.role === 'leader' || team.members === 0, `team ${team.id}: a leader first`);
		for (const member of roster) {
			check(
				member.trained
					? member.trainedOn !== null &&
							member.trainedOn >= '2025-10-01' &&
							member.trainedOn <= ACTIVITY_PERIOD.last &&
							member.course !== ''
					: member.trainedOn === null && member.course === '' && !member.digitalAmbassador,
				`team ${team.id}: member ${member.name} training day and course`
			);
		}
	}

	// Exactly the announced hamlets exceed 100% coverage; every other visited hamlet reaches 40–95%.
	const coverage = coverageByHamlet(data);
	const overCovered = [...coverage].filter(([, value]) => value > 1).map(([id]) => id);
	check(
		JSON.stringify(overCovered.sort((a, b) => a - b)) === JSON.stringify(data.overCoveredHamletIds),
		`over-covered hamlets ${overCovered.join(',')} ≠ announced ${data.overCoveredHamletIds.join(',')}`
	);
	for (const [id, value] of coverage) {
		if (data.overCoveredHamletIds.includes(id) || value === 0) continue;
		check(value >= 0.39 && value <= 0.95, `hamlet ${id}: coverage ${value.toFixed(3)} within 40–95%`);
	}
	return violations;
}

/** The patterns the demo data is meant to show, on aggregates. */
function expectPatterns(input: DemoDataInput, data: DemoData): void {
	const communeOf = new Map(
		input.hamlets.map((feature) => [feature.properties.id, feature.properties.communeCode])
	);
	const rural = new Map(data.hamlets.map((hamlet) => [hamlet.id, hamlet.isRural]));
	const minority = new Set(data.minorityAreaHamletIds);
	const november = SURVEY_MONTHS.at(-1) as string;
	const january = SURVEY_MONTHS[0] as string;

	const wards = pooledRate(data, november, 'withBasicSkills', (id) => rural.get(id) === false);
	const communes = pooledRate(data, november, 'withBasicSkills', (id) => rural.get(id) === true);
	const designated = pooledRate(data, november, 'withBasicSkills', (id) => minority.has(id));
	const otherCommunes = pooledRate(
		data,
		november,
		'withBasicSkills',
		(id) => rural.get(id) === true && !minority.has(id)
	);
	expect(wards).toBeGreaterThan(communes + 0.05);
	expect(designated).toBeLessThan(otherCommunes - 0.05);
	expect(wards).toBeGreaterThan(0.8);
	expect(wards).toBeLessThan(0.97);

	for (const rate of RATES) {
		const monthly = SURVEY_MONTHS.map((month) => pooledRate(data, month, rate, () => true));
		expect(monthly.at(-1) as number).toBeGreaterThan(
			(monthly[0] as number) + (rate === 'withBasicSkills' ? 0.15 : 0.05)
		);
		monthly
			.slice(1)
			.forEach((value, index) => expect(value).toBeGreaterThan((monthly[index] as number) - 0.01));
	}
	expect(pooledRate(data, january, 'withBasicSkills', () => true)).toBeGreaterThan(0.4);

	// Among urban wards, the older half of the hamlets is behind the younger half.
	const population = new Map(
		input.hamlets.map((feature) => [feature.properties.id, feature.properties.population])
	);
	const wardsByAge = data.hamlets
		.filter((hamlet) => !hamlet.isRural)
		.sort((a, b) => a.elderly / (population.get(a.id) ?? 1) - b.elderly / (population.get(b.id) ?? 1))
		.map((hamlet) => hamlet.id);
	const younger = new Set(wardsByAge.slice(0, wardsByAge.length >> 1));
	const older = new Set(wardsByAge.slice(wardsByAge.length >> 1));
	expect(pooledRate(data, november, 'withBasicSkills', (id) => older.has(id))).toBeLessThan(
		pooledRate(data, november, 'withBasicSkills', (id) => younger.has(id)) - 0.02
	);

	// Designated-area hamlets are minority-heavy; elsewhere minorities are rare.
	for (const hamlet of data.hamlets) {
		if (DESIGNATED_COMMUNES.has(communeOf.get(hamlet.id) ?? '')) {
			expect(hamlet.minorityShare).toBeGreaterThanOrEqual(0.3);
			expect(hamlet.minorityShare).toBeLessThanOrEqual(0.9);
		} else if (!minority.has(hamlet.id)) {
			expect(hamlet.minorityShare).toBeLessThanOrEqual(0.12);
		}
	}

	// Coverage: urban wards ahead of rural communes, designated areas behind both.
	const coverage = coverageByHamlet(data);
	const meanCoverage = (keep: (id: number) => boolean) => {
		const values = [...coverage].filter(([id]) => keep(id) && !data.overCoveredHamletIds.includes(id));
		return values.reduce((sum, [, value]) => sum + value, 0) / values.length;
	};
	expect(meanCoverage((id) => rural.get(id) === false)).toBeGreaterThan(
		meanCoverage((id) => rural.get(id) === true)
	);
	expect(meanCoverage((id) => minority.has(id))).toBeLessThan(
		meanCoverage((id) => rural.get(id) === true && !minority.has(id))
	);

	// Activity rises through the year: the last quarter is busier than the first.
	const inMonths = (first: string, last: string) =>
		data.activities.filter((activity) => activity.occurredOn >= first && activity.occurredOn < last).length;
	expect(inMonths('2026-08-01', '2026-11-01')).toBeGreaterThan(inMonths('2026-01-01', '2026-04-01') * 1.3);
	const doorToDoor = data.activities.filter((activity) => activity.kind === 'door-to-door').length;
	expect(doorToDoor / data.activities.length).toBeGreaterThan(0.6);

	// The people guided from minorities follow the hamlets' shares: far more in the designated areas.
	const minorityShareGuided = (keep: (id: number) => boolean) => {
		const kept = data.activities.filter((activity) => activity.kind !== 'event' && keep(activity.hamletId));
		const guided = kept.reduce((sum, activity) => sum + activity.peopleGuided, 0);
		return kept.reduce((sum, activity) => sum + (activity.peopleFromMinorities ?? 0), 0) / guided;
	};
	expect(minorityShareGuided((id) => minority.has(id))).toBeGreaterThan(
		5 * minorityShareGuided((id) => !minority.has(id))
	);
	// Classes on online safety or e-health draw the elderly: a larger share of 60+ than door-to-door visits.
	const agedShare = (keep: (activity: DemoData['activities'][number]) => boolean) => {
		const kept = data.activities.filter((activity) => activity.kind !== 'event' && keep(activity));
		const guided = kept.reduce((sum, activity) => sum + activity.peopleGuided, 0);
		return kept.reduce((sum, activity) => sum + (activity.peopleAged60Plus ?? 0), 0) / guided;
	};
	const forTheElderly = (activity: DemoData['activities'][number]) =>
		activity.kind === 'class' && activity.topics.some((topic) => topic === 'safety' || topic === 'e-health');
	expect(agedShare(forTheElderly)).toBeGreaterThan(
		1.5 * agedShare((activity) => activity.kind === 'door-to-door')
	);
	const aged = agedShare(() => true);
	expect(aged).toBeGreaterThan(0.1);
	expect(aged).toBeLessThan(0.4);

	// The trained share rises through 2026: fewer trained by the end of January than by November.
	const trainedBy = (day: string) =>
		data.teamMembers.filter((member) => member.trained && member.trainedOn! <= day).length;
	expect(trainedBy('2026-01-31')).toBeLessThan(trainedBy('2026-11-25') * 0.6);
}

describe('generateDemoData on the fixture (4 communes, 56 square hamlets)', () => {
	it('is deterministic: the same seed gives byte-identical JSON, another seed different data', () => {
		const again = generateDemoData(fixture, { activityCount: FIXTURE_ACTIVITIES });
		expect(JSON.stringify(again)).toBe(JSON.stringify(fixtureData));
		const explicit = generateDemoData(fixture, {
			seed: DEMO_DATA_DEFAULTS.seed,
			activityCount: FIXTURE_ACTIVITIES
		});
		expect(JSON.stringify(explicit)).toBe(JSON.stringify(fixtureData));

		const other = generateDemoData(fixture, { seed: 'another seed', activityCount: FIXTURE_ACTIVITIES });
		expect(JSON.stringify(other.hamlets)).not.toBe(JSON.stringify(fixtureData.hamlets));
		expect(JSON.stringify(other.surveys)).not.toBe(JSON.stringify(fixtureData.surveys));
		expect(JSON.stringify(other.activities)).not.toBe(JSON.stringify(fixtureData.activities));
	});

	it('keeps hamlets, teams and surveys when only the activity count changes', () => {
		const fewer = generateDemoData(fixture, { activityCount: 500 });
		expect(fewer.hamlets).toEqual(fixtureData.hamlets);
		expect(fewer.teams).toEqual(fixtureData.teams);
		expect(fewer.surveys).toEqual(fixtureData.surveys);
		expect(fewer.activities).toHaveLength(500);
	});

	it('meets every invariant of the schema and the loader', () => {
		expect(invariantViolations(fixture, fixtureData, FIXTURE_ACTIVITIES)).toEqual([]);
		const other = generateDemoData(fixture, { seed: 'another seed', activityCount: 1500 });
		expect(invariantViolations(fixture, other, 1500)).toEqual([]);
		expect(fixtureData.overCoveredHamletIds).toHaveLength(5);
	});

	it('shows the intended patterns on aggregates', () => {
		expectPatterns(fixture, fixtureData);
		expectPatterns(
			fixture,
			generateDemoData(fixture, { seed: 'another seed', activityCount: FIXTURE_ACTIVITIES })
		);
	});

	it('names teams after their hamlet when there is one team per hamlet', () => {
		expect(fixtureData.teams.map((team) => team.name)).toContain('Tổ CĐS tổ dân phố 1');
		expect(fixtureData.teams.map((team) => team.name)).toContain('Tổ CĐS thôn Đồng Ké');
		expect(fixtureData.teams.filter((team) => team.communeCode === '10081')).toHaveLength(13);
	});

	it('marks the designated thôn only when a hamlet of its commune carries the name', () => {
		const dongKe = fixture.hamlets.find((feature) => feature.properties.name === 'Thôn Đồng Ké');
		if (!dongKe) throw new Error('The fixture lost Thôn Đồng Ké');
		expect(fixtureData.minorityAreaHamletIds).toContain(dongKe.properties.id);
		expect(
			fixtureData.hamlets.find((hamlet) => hamlet.id === dongKe.properties.id)?.minorityShare
		).toBeGreaterThanOrEqual(0.5);

		// Old tone placement, a missing kind word and GeoNames' misplaced marks ('Đong Kế') still match.
		for (const spelling of ['đồng  Ké', 'Đong Kế']) {
			const respelled = {
				...fixture,
				hamlets: fixture.hamlets.map((feature) =>
					feature === dongKe ? { ...feature, properties: { ...feature.properties, name: spelling } } : feature
				)
			};
			expect(generateDemoData(respelled, { activityCount: 0 }).minorityAreaHamletIds).toContain(
				dongKe.properties.id
			);
		}

		const renamed = {
			...fixture,
			hamlets: fixture.hamlets.map((feature) =>
				feature === dongKe
					? { ...feature, properties: { ...feature.properties, name: 'Thôn Đồng Lạc' } }
					: feature
			)
		};
		const data = generateDemoData(renamed, { activityCount: 0 });
		const tranPhu = new Set(
			fixture.hamlets.filter((f) => f.properties.communeCode === '10081').map((f) => f.properties.id)
		);
		expect(data.minorityAreaHamletIds.filter((id) => tranPhu.has(id))).toEqual([]);
		expect(data.activities).toEqual([]);
	});

	it('keeps some survey samples under 20 adults, to exercise reliability flags', () => {
		expect(fixtureData.surveys.some((survey) => survey.adultsAssessed < 20)).toBe(true);
	});

	it('rejects a hamlet of an unknown commune', () => {
		const [first] = fixture.hamlets;
		if (!first) throw new Error('Empty fixture');
		const broken = {
			...fixture,
			hamlets: [{ ...first, properties: { ...first.properties, communeCode: '99999' } }]
		};
		expect(() => generateDemoData(broken)).toThrow(/unknown commune 99999/);
	});
});

describe('census age shares', () => {
	it('takes 15+ as adults and 60+ as elderly', () => {
		const groups = Array.from({ length: 18 }, () => 10);
		expect(ageSharesOf(groups)).toEqual({ adults: 15 / 18, elderly: 6 / 18 });
		expect(ageSharesOf(groups.map(() => 0))).toEqual({ adults: 0, elderly: 0 });
	});

	it('mixes the former districts of a commune, urban columns for a phường, rural for a xã', () => {
		const shares = communeAgeShares(fixture.communes, fixture.census);
		const district = (code: string) => fixture.census.districtAges.find((row) => row.districtCode === code);
		const urban = ['001', '002', '003'].map((code) => ageSharesOf(district(code)?.urban ?? []).adults);
		const baDinh = shares.get('00004')?.adults ?? 0;
		expect(baDinh).toBeGreaterThan(Math.min(...urban));
		expect(baDinh).toBeLessThan(Math.max(...urban));
		// Xã Ba Vì comes from Huyện Ba Vì (271) alone.
		expect(shares.get('09700')).toEqual(ageSharesOf(district('271')?.rural ?? []));
	});
});

describe('helpers', () => {
	it('apportions a total exactly, in proportion to the weights', () => {
		expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
		expect(apportion(7, [0, 2, 5])).toEqual([0, 2, 5]);
		expect(apportion(5, [0, 0])).toEqual([0, 0]);
		expect(apportion(1000, [0.3, 0.2, 0.5]).reduce((sum, part) => sum + part, 0)).toBe(1000);
	});

	it('draws version-4 UUIDs that repeat with the seed', () => {
		const first = new Random('seed');
		const second = new Random('seed');
		const ids = Array.from({ length: 100 }, () => first.uuid());
		expect(ids.every((id) => UUID_V4.test(id))).toBe(true);
		expect(ids).toEqual(Array.from({ length: 100 }, () => second.uuid()));
		expect(new Set(ids).size).toBe(100);
	});
});

describe.skipIf(!hasFullInput)('generateDemoData on the full geodata input', () => {
	it('generates 100,000 activities for every hamlet of Hanoi in a few seconds, with the same invariants', () => {
		const input = readDemoDataInput(FULL_DIRECTORY);
		const started = performance.now();
		const data = generateDemoData(input);
		const elapsed = performance.now() - started;
		expect(elapsed).toBeLessThan(10_000);

		expect(data.activities).toHaveLength(DEMO_DATA_DEFAULTS.activityCount);
		expect(data.overCoveredHamletIds.length).toBeGreaterThanOrEqual(5);
		expect(data.overCoveredHamletIds.length).toBeLessThanOrEqual(10);
		expect(invariantViolations(input, data, DEMO_DATA_DEFAULTS.activityCount)).toEqual([]);
		expectPatterns(input, data);
		// The designated xã are all present in the full input.
		const designated = new Set(
			input.hamlets
				.filter((f) => DESIGNATED_COMMUNES.has(f.properties.communeCode))
				.map((f) => f.properties.id)
		);
		expect(designated.size).toBeGreaterThan(20);
		for (const id of designated) expect(data.minorityAreaHamletIds).toContain(id);
	});
});
