import { distance } from '@turf/distance';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { GAP_COMPONENTS } from './gap-components';
import {
	CLASS_DISTANCE_CAP_KM,
	MINORITY_DESIGNATED_FLOOR,
	gapComponents,
	gapIndex,
	normaliseGapComponents,
	representativePoint
} from './gap-index';
import { DEFAULT_GAP_WEIGHTS, validateGapWeights } from './gap-weights';
import { scoreGap } from './score-gap';
import { expectGolden, goldenCases } from './golden-fixtures';
import { makeHamlet } from './test-hamlets';
import type { ClassFeature, GapComponent, HamletFeature } from './types';

function classAt(lng: number, lat: number, occurredOn: string): ClassFeature {
	return {
		type: 'Feature',
		properties: { occurredOn },
		geometry: { type: 'Point', coordinates: [lng, lat] }
	};
}

/** Random but plausible hamlets: the figures of a month in one or two communes. */
function randomHamlets(random: () => number, count: number): HamletFeature[] {
	return Array.from({ length: count }, (_, id) => {
		const adults = Math.floor(random() * 2000);
		const assessed = Math.floor(random() * 80);
		const households = Math.floor(random() * 600);
		const count = () => Math.floor(random() * (assessed + 1));
		return makeHamlet(id, {
			communeCode: random() < 0.5 ? '00004' : '09700',
			isWard: random() < 0.5,
			isRural: random() < 0.5,
			designatedMinority: random() < 0.1,
			households,
			householdsReached: Math.floor(random() * 1.2 * households),
			adults,
			elderly: Math.floor(random() * adults * 0.4),
			minorityShare: random() < 0.8 ? 0 : random(),
			adultsAssessed: assessed,
			withBasicSkills: count(),
			withSmartphone: count(),
			withEpayment: count(),
			withVneidLevel2: count()
		});
	});
}

function randomWeights(random: () => number): Record<GapComponent, number> {
	return Object.fromEntries(
		GAP_COMPONENTS.map((component) => [component, random() < 0.2 ? 0 : random()])
	) as Record<GapComponent, number>;
}

describe('gapIndex', () => {
	it.each(goldenCases<Parameters<typeof gapIndex>[2]>('gap-index'))(
		'matches the golden output for $name',
		({ input, outPath }) => {
			const hamlets = input.features.filter(
				(feature) => feature.geometry.type !== 'Point'
			) as HamletFeature[];
			const classes = input.features.filter((feature) => feature.geometry.type === 'Point') as ClassFeature[];
			const result = gapIndex(hamlets, classes, input.options!);
			for (const feature of result.features) {
				const { gapIndex: index, contributions } = feature.properties;
				const sum = GAP_COMPONENTS.reduce((total, component) => total + contributions[component], 0);
				expect(sum).toBeCloseTo(index, 9);
			}
			expectGolden(outPath, result);
		}
	);

	it('refuses invalid weights and dates, which only a programming error can pass', () => {
		const hamlets = [makeHamlet(1)];
		expect(() => gapIndex(hamlets, [], { asOf: '2026-02-30' })).toThrow(RangeError);
		const weights = { ...DEFAULT_GAP_WEIGHTS, skills: -1 };
		expect(() => gapIndex(hamlets, [], { asOf: '2026-03-31', weights })).toThrow(/skills/);
	});
});

describe('gapComponents', () => {
	it('computes each raw component as documented', () => {
		const ward = makeHamlet(1, {
			households: 400,
			householdsReached: 500, // over 100 %: a data-quality problem, not a negative gap
			adults: 1000,
			elderly: 250,
			minorityShare: 0.02,
			designatedMinority: true
		});
		const thon = makeHamlet(2, { isRural: true, minorityShare: 0.45, householdsReached: 100 });
		const [first, second] = gapComponents([ward, thon], [], { asOf: '2026-03-31' });
		expect(first!.raw).toMatchObject({
			coverage: 0,
			elderly: 0.25,
			minority: MINORITY_DESIGNATED_FLOOR,
			rurality: 0,
			classDistance: CLASS_DISTANCE_CAP_KM
		});
		// Both hamlets have 20 of 40 with skills, so the shrunk rate is exactly 0.5.
		expect(first!.raw.skills).toBeCloseTo(0.5, 12);
		// Payment applies to urban hamlets only: the thôn inside a phường gets 0, out of the ranking.
		expect(second!.raw).toMatchObject({ coverage: 0.75, payment: 0, minority: 0.45, rurality: 1 });
		expect(second!.notApplicable).toEqual(['payment']);
		expect(second!.normalised.payment).toBe(0);
		// Nothing to compare on a constant component: no class at all → everyone at the cap → 0.
		expect(first!.normalised.classDistance).toBe(0);
	});

	it('counts minority shares under 5% as none, so noise earns no points', () => {
		const results = gapComponents(
			[
				makeHamlet(1, { minorityShare: 0 }),
				makeHamlet(2, { minorityShare: 0.01 }),
				makeHamlet(3, { minorityShare: 0.04 }),
				makeHamlet(4, { minorityShare: 0.2 })
			],
			[],
			{ asOf: '2026-11-30' }
		);
		expect(results.map((result) => result.raw.minority)).toEqual([0, 0, 0, 0.2]);
		expect(results.map((result) => result.normalised.minority)).toEqual([0, 0, 0, 1]);
	});

	it('measures the distance to the nearest class of the window only', () => {
		const hamlets = [makeHamlet(1, {}, 0, 0), makeHamlet(2, {}, 5, 0), makeHamlet(3, {}, 9, 9)];
		const classes = [
			classAt(105.805, 21.005, '2026-03-31'), // the centre of hamlet 1, on the last day of the window
			// 90 days ending on 31 March: 1 January (31 + 28 + 30 = 89 days before) to 31 March.
			classAt(105.855, 21.005, '2025-12-31'), // the centre of hamlet 2, but one day before the window
			classAt(105.865, 21.005, '2026-01-01'), // 0.01° east of hamlet 2's centre, first day of the window
			classAt(105.895, 21.095, '2026-04-01') // the centre of hamlet 3, but after asOf
		];
		const result = gapComponents(hamlets, classes, { asOf: '2026-03-31', classWindowDays: 90 });
		expect(result[0]!.raw.classDistance).toBe(0);
		// Distances are kept to the metre.
		expect(result[1]!.raw.classDistance).toBeCloseTo(distance([105.855, 21.005], [105.865, 21.005]), 3);
		expect(result[2]!.raw.classDistance).toBeCloseTo(
			Math.min(CLASS_DISTANCE_CAP_KM, distance([105.895, 21.095], [105.865, 21.005])),
			3
		);
	});

	it('finds the same nearest class as a loop over all classes', () => {
		const random = seedrandom('nearest-class');
		const hamlets = randomHamlets(random, 100);
		const classes = Array.from({ length: 60 }, () =>
			classAt(105.8 + random() * 0.1, 21 + random() * 0.1, '2026-03-15')
		);
		const result = gapComponents(hamlets, classes, { asOf: '2026-03-31' });
		hamlets.forEach((hamlet, position) => {
			const point = representativePoint(hamlet);
			const nearest = Math.min(...classes.map((item) => distance(point, item.geometry.coordinates)));
			expect(result[position]!.raw.classDistance).toBeCloseTo(Math.min(nearest, CLASS_DISTANCE_CAP_KM), 3);
		});
	});

	it('puts the representative point inside a concave hamlet', () => {
		// A U shape whose vertex mean falls in the gap between the arms.
		const hamlet = makeHamlet(1);
		hamlet.geometry = {
			type: 'Polygon',
			coordinates: [
				[
					[0, 0],
					[3, 0],
					[3, 3],
					[2, 3],
					[2, 1],
					[1, 1],
					[1, 3],
					[0, 3],
					[0, 0]
				]
			]
		};
		const [lng, lat] = representativePoint(hamlet) as [number, number];
		const insideLeftArm = lng > 0 && lng < 1 && lat > 0 && lat < 3;
		const insideRightArm = lng > 2 && lng < 3 && lat > 0 && lat < 3;
		const insideBase = lng > 0 && lng < 3 && lat > 0 && lat < 1;
		expect(insideLeftArm || insideRightArm || insideBase).toBe(true);
	});
});

describe('scoreGap on gapComponents', () => {
	it('stays within 0–100 with contributions summing to the index, for random input', () => {
		const random = seedrandom('index-range');
		for (let trial = 0; trial < 20; trial++) {
			const hamlets = randomHamlets(random, 40);
			const classes = Array.from({ length: 5 }, () =>
				classAt(105.8 + random() * 0.1, 21 + random() * 0.1, '2026-03-01')
			);
			const components = gapComponents(hamlets, classes, { asOf: '2026-03-31' });
			const validation = validateGapWeights(randomWeights(random));
			if (!validation.ok) continue;
			for (const result of components) {
				const { index, contributions } = scoreGap(result, validation.weights);
				expect(index).toBeGreaterThanOrEqual(0);
				expect(index).toBeLessThanOrEqual(100);
				const sum = GAP_COMPONENTS.reduce((total, component) => total + contributions[component], 0);
				expect(sum).toBeCloseTo(index, 9);
			}
		}
	});

	it('rises when one component of a hamlet rises, others fixed (strictly when weighted and its rank moves)', () => {
		const random = seedrandom('monotonic');
		let strictChecks = 0;
		for (let trial = 0; trial < 300; trial++) {
			const rows = Array.from({ length: 12 }, (_, id) => ({
				id,
				// Few distinct values, so ties happen often.
				raw: Object.fromEntries(
					GAP_COMPONENTS.map((component) => [component, random() < 0.1 ? null : Math.round(random() * 5) / 5])
				) as Record<GapComponent, number | null>,
				notApplicable: random() < 0.2 ? (['payment'] as GapComponent[]) : [],
				lowConfidence: false
			}));
			const weights = randomWeights(random);
			const hamlet = Math.floor(random() * rows.length);
			const component = GAP_COMPONENTS[Math.floor(random() * GAP_COMPONENTS.length)]!;
			const before = normaliseGapComponents(rows)[hamlet]!;
			const raised = rows.map((entry) => ({ ...entry, raw: { ...entry.raw } }));
			raised[hamlet]!.raw[component] = (raised[hamlet]!.raw[component] ?? 0) + 0.2 + random();
			const after = normaliseGapComponents(raised)[hamlet]!;
			const indexBefore = scoreGap(before, weights).index;
			const indexAfter = scoreGap(after, weights).index;
			expect(indexAfter).toBeGreaterThanOrEqual(indexBefore - 1e-12);
			if (weights[component] > 0 && after.normalised[component] !== before.normalised[component]) {
				expect(indexAfter).toBeGreaterThan(indexBefore);
				strictChecks++;
			}
		}
		expect(strictChecks).toBeGreaterThan(50);
	});
});
