import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GAP_COMPONENTS } from '$lib/analysis/gap-components';
import { CLASS_DISTANCE_CAP_KM, CLASS_WINDOW_DAYS } from '$lib/analysis/gap-index';
import { DEFAULT_GAP_WEIGHTS } from '$lib/analysis/gap-weights';
import { OUTREACH_PACE_WINDOW_DAYS } from '$lib/gap-planning';
import { loadActivities } from './db/activities';
import { DEMO_DATASET } from './db/datasets';
import { loadHamlets } from './db/hamlets';
import type { DatabaseHandle } from './db/index';
import { loadMinorityAreas } from './db/minority-areas';
import { loadSurveys } from './db/surveys';
import { squarePolygon } from '$lib/analysis/test-squares';
import {
	fixtureActivity,
	fixtureMinorityAreas,
	fixtureSurvey,
	loadFixtureData,
	TEST_ACTOR
} from './db/test-fixtures';
import { openTestDatabase, testDrivers } from './db/test-databases';
import {
	cityGapAnalysis,
	communeGapAnalysis,
	communePace,
	gapAnalysisGeometries,
	gapAnalysisInput,
	planNextTargets
} from './gap-analysis';

const MONTH = '2026-05-01';

/** One thôn inside Xã Ba Vì, a commune designated by Quyết định 201/QĐ-UBND. */
const BA_VI_HAMLET = {
	type: 'FeatureCollection',
	features: [
		{
			type: 'Feature',
			properties: {
				id: 9701,
				communeCode: '09700',
				name: 'Thôn Yên Sơn',
				kind: 'thôn',
				households: 300,
				adults: 800,
				elderly: 120,
				minorityShare: 0.6,
				isRural: true,
				boundarySource: 'approximate'
			},
			geometry: squarePolygon(105.337, 21.059, 0.002)
		}
	]
};

describe.each(testDrivers())('gap analysis assembled from %s', (driver) => {
	let handle: DatabaseHandle;

	beforeAll(async () => {
		handle = await openTestDatabase(driver);
		await loadFixtureData(handle.db, 0);
		await loadMinorityAreas(handle.db, TEST_ACTOR, fixtureMinorityAreas());
		await loadHamlets(handle.db, TEST_ACTOR, JSON.stringify(BA_VI_HAMLET), DEMO_DATASET);
		await loadActivities(
			handle.db,
			TEST_ACTOR,
			[
				// Door-to-door: adds coverage, not a class.
				{ ...fixtureActivity(1), occurredOn: '2026-05-03', householdsNew: 400 },
				// A class in the window (90 days up to 31 May) next to hamlet 4001…
				{ ...fixtureActivity(2), kind: 'class', occurredOn: '2026-04-20', householdsNew: 0 },
				// …one too old to count, and one after the month.
				{ ...fixtureActivity(3), kind: 'class', occurredOn: '2026-02-01', householdsNew: 0 },
				{ ...fixtureActivity(4), kind: 'class', occurredOn: '2026-06-01', householdsNew: 0 }
			],
			DEMO_DATASET
		);
		await loadSurveys(
			handle.db,
			TEST_ACTOR,
			[
				// Half of those with a smartphone pay electronically.
				fixtureSurvey(4001, '2026-04-01', 100, 90, { withSmartphone: 95, withEpayment: 47 }),
				fixtureSurvey(4002, '2026-04-01', 100, 40, { withSmartphone: 60, withEpayment: 30 }),
				fixtureSurvey(4003, '2026-04-01', 10, 2, { withSmartphone: 5, withEpayment: 2 }),
				fixtureSurvey(9701, '2026-04-01', 80, 20, { withSmartphone: 30, withEpayment: 15 })
			],
			DEMO_DATASET
		);
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('reads polygons, figures, the ward and minority designations, and recent classes', async () => {
		const input = await gapAnalysisInput(handle.db, MONTH);
		expect(input.asOf).toBe('2026-05-31');
		expect(input.hamlets.map((hamlet) => hamlet.properties.id)).toEqual([4001, 4002, 4003, 4004, 9701]);
		const [first] = input.hamlets;
		expect(first!.geometry.type).toMatch(/Polygon$/);
		expect(first!.properties).toMatchObject({
			communeCode: '00004',
			isWard: true,
			isRural: false,
			designatedMinority: false,
			households: 500,
			householdsReached: 400,
			adultsAssessed: 100,
			withBasicSkills: 90
		});
		expect(input.hamlets[4]!.properties).toMatchObject({ isWard: false, designatedMinority: true });
		expect(input.classes).toEqual([
			{
				type: 'Feature',
				properties: { occurredOn: '2026-04-20' },
				geometry: { type: 'Point', coordinates: [105.833, 21.036] }
			}
		]);
	});

	it('scores every hamlet city-wide with its decomposition, flags, hot spots and rates', async () => {
		const analysis = await cityGapAnalysis(handle.db, MONTH);
		expect(analysis.month).toBe(MONTH);
		expect(analysis.classesInWindow).toBe(1);
		expect(analysis.weights).toEqual(DEFAULT_GAP_WEIGHTS);
		expect(analysis.hamlets).toHaveLength(5);
		for (const hamlet of analysis.hamlets) {
			expect(hamlet.gapIndex).toBeGreaterThanOrEqual(0);
			expect(hamlet.gapIndex).toBeLessThanOrEqual(100);
			const sum = GAP_COMPONENTS.reduce((total, component) => total + hamlet.contributions[component], 0);
			expect(sum).toBeCloseTo(hamlet.gapIndex, 9);
			expect(Object.keys(hamlet.hotSpot).sort()).toEqual(['hotSpotClass', 'p', 'q', 'z']);
		}
		const byId = new Map(analysis.hamlets.map((hamlet) => [hamlet.id, hamlet]));
		// The Ba Vì thôn: rural, designated, low skills, far from the only class.
		expect(byId.get(9701)!.flags).toMatchObject({ rural: true, minority: true, largestGapCity: true });
		expect(byId.get(9701)!.gapIndex).toBe(Math.max(...analysis.hamlets.map((hamlet) => hamlet.gapIndex)));
		expect(byId.get(9701)!.notApplicable).toEqual(['payment']);
		expect(byId.get(4001)!.notApplicable).toEqual([]);
		// 10 adults surveyed is too few: low confidence, and the rate is pulled toward the commune.
		const small = byId.get(4003)!;
		expect(small.lowConfidence).toBe(true);
		expect(small.rates.skills.raw).toBeCloseTo(0.2, 9);
		expect(small.rates.skills.shrunk!).toBeGreaterThan(0.2);
		expect(small.adultsWithoutSkills).toBe(Math.round(small.adults * (1 - small.rates.skills.shrunk!)));
		expect(analysis.summary).toMatchObject({ hamlets: 5, lowConfidence: 2 });
		// The 2×2 grid of Ba Đình touches itself; the Ba Vì thôn has no neighbour, so no Gi*.
		expect(byId.get(9701)!.hotSpot).toEqual({ z: null, p: null, q: null, hotSpotClass: 'none' });
		expect(byId.get(4001)!.hotSpot.z).not.toBeNull();
		// Plain data: it survives a JSON round trip unchanged.
		expect(JSON.parse(JSON.stringify(analysis))).toEqual(analysis);
	});

	it('caches the default weights per revision and month, and recomputes after a write', async () => {
		const first = await cityGapAnalysis(handle.db, MONTH);
		expect(await cityGapAnalysis(handle.db, MONTH)).toBe(first);
		await loadSurveys(
			handle.db,
			TEST_ACTOR,
			[fixtureSurvey(4004, '2026-05-01', 50, 5, { withSmartphone: 10, withEpayment: 5 })],
			DEMO_DATASET
		);
		const second = await cityGapAnalysis(handle.db, MONTH);
		expect(second).not.toBe(first);
		expect(second.revision).not.toBe(first.revision);
		expect(second.hamlets.find((hamlet) => hamlet.id === 4004)!.adultsAssessed).toBe(50);
	});

	it('re-weights without changing the components, and refuses bad weights', async () => {
		const base = await cityGapAnalysis(handle.db, MONTH);
		const onlyClasses = await cityGapAnalysis(handle.db, MONTH, {
			...zeroWeights(),
			classDistance: 2
		});
		expect(onlyClasses.weights.classDistance).toBe(1);
		for (const [position, hamlet] of onlyClasses.hamlets.entries()) {
			expect(hamlet.normalised).toEqual(base.hamlets[position]!.normalised);
			expect(hamlet.gapIndex).toBeCloseTo(100 * hamlet.normalised.classDistance, 9);
		}
		await expect(cityGapAnalysis(handle.db, MONTH, { ...DEFAULT_GAP_WEIGHTS, skills: -1 })).rejects.toThrow(
			RangeError
		);
		await expect(cityGapAnalysis(handle.db, MONTH, zeroWeights())).rejects.toThrow(/greater than 0/);
	});

	it('shows one commune with city-wide indices and the commune’s totals', async () => {
		const city = await cityGapAnalysis(handle.db, MONTH);
		const commune = await communeGapAnalysis(handle.db, '00004', MONTH);
		expect(commune.hamlets.map((hamlet) => hamlet.id)).toEqual([4001, 4002, 4003, 4004]);
		expect(commune.hamlets).toEqual(city.hamlets.filter((hamlet) => hamlet.communeCode === '00004'));
		expect(commune.summary.hamlets).toBe(4);
		expect(commune.totals).toMatchObject({ households: 2060, householdsReached: 400, adultsAssessed: 260 });
		expect(commune.totals.rates.coverage).toBeCloseTo(400 / 2060, 9);
		expect(commune.totals.rates.skills).toBeCloseTo((90 + 40 + 2 + 5) / 260, 9);
		const geometries = await gapAnalysisGeometries(handle.db, MONTH, { communeCode: '00004' });
		expect(geometries.features.map((feature) => feature.id)).toEqual([4001, 4002, 4003, 4004]);
		expect((await communeGapAnalysis(handle.db, '99999', MONTH)).hamlets).toEqual([]);
	});

	it('plans the next targets with reasons, days needed and the completion date at the commune’s pace', async () => {
		expect(await communePace(handle.db, '00004', '2026-05-31')).toBeCloseTo(400 / 90, 9);
		const plan = await planNextTargets(handle.db, '00004', MONTH, {
			teams: 2,
			teamDays: 100,
			householdsPerTeamDay: 20
		});
		expect(plan.errors).toBeUndefined();
		expect(plan.startDate).toBe('2026-06-01');
		expect(plan.picks.length).toBeGreaterThan(0);
		for (const pick of plan.picks) expect(pick.reason.vi).toMatch(/: \d+ điểm/);
		expect(plan.daysNeeded).toBe(Math.ceil(plan.householdsToReach / 40));
		expect(plan.remainingHouseholds).toBe(2060 - 400);
		// 1,660 households at 400 per 90 days: 374 days from 1 June 2026.
		expect(plan.projectedCompletionDate).toBe('2027-06-09');
		const refused = await planNextTargets(handle.db, '00004', MONTH, {
			teams: 2,
			teamDays: 0,
			householdsPerTeamDay: 20
		});
		expect(refused.picks).toEqual([]);
		expect(refused.errors?.map((error) => error.vi)).toEqual(['Số ngày công phải lớn hơn 0']);
	});

	it('reads and counts classes over one window, and the pace over its own', async () => {
		// 31 May and the CLASS_WINDOW_DAYS − 1 days before: from 3 March on. Classes next to the Ba Vì thôn
		// on the window's first day and the day before; households reached on the first day.
		const classAt = (key: number, occurredOn: string) => ({
			...fixtureActivity(key),
			hamletId: 9701,
			teamId: 2,
			kind: 'class' as const,
			occurredOn,
			location: [105.337, 21.059] as [number, number],
			householdsNew: key === 10 ? 30 : 0
		});
		const before = await cityGapAnalysis(handle.db, MONTH);
		const baVi = (analysis: typeof before) => analysis.hamlets.find((hamlet) => hamlet.id === 9701)!;
		expect(baVi(before).components.classDistance).toBe(CLASS_DISTANCE_CAP_KM);
		await loadActivities(
			handle.db,
			TEST_ACTOR,
			[classAt(10, '2026-03-03'), classAt(11, '2026-03-02')],
			DEMO_DATASET
		);

		const input = await gapAnalysisInput(handle.db, MONTH);
		expect(CLASS_WINDOW_DAYS).toBe(90);
		expect(input.classes.map((item) => item.properties.occurredOn)).toEqual(['2026-03-03', '2026-04-20']);
		const after = await cityGapAnalysis(handle.db, MONTH);
		expect(after.classWindowDays).toBe(CLASS_WINDOW_DAYS);
		expect(after.classesInWindow).toBe(2);
		// The class read is also counted by the components: the window is passed through, not re-decided.
		expect(baVi(after).components.classDistance).toBeLessThan(0.5);

		expect(await communePace(handle.db, '09700', '2026-05-31')).toBeCloseTo(
			30 / OUTREACH_PACE_WINDOW_DAYS,
			9
		);
		expect(await communePace(handle.db, '09700', '2026-05-31', 89)).toBe(0);
	});
});

function zeroWeights() {
	return Object.fromEntries(GAP_COMPONENTS.map((component) => [component, 0])) as typeof DEFAULT_GAP_WEIGHTS;
}
