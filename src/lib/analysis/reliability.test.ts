import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { expectGolden, goldenCases } from './golden-fixtures';
import { PRIOR_STRENGTH_BOUNDS, shrinkRates } from './reliability';
import { makeHamlet } from './test-hamlets';
import type { HamletFeature } from './types';

describe('shrinkRates', () => {
	it.each(goldenCases('reliability'))('matches the golden output for $name', ({ input, outPath }) => {
		const hamlets = input.features as HamletFeature[];
		const rates = shrinkRates(hamlets, input.options);
		expectGolden(outPath, {
			type: 'FeatureCollection',
			features: hamlets.map((hamlet) => ({
				type: 'Feature',
				properties: rates.get(hamlet.properties.id),
				geometry: hamlet.geometry
			}))
		});
	});

	it('moves small samples more than large ones with the same raw rate', () => {
		// Commune mean far from 20 %: hamlets 1–5 at 60 %, hamlets 6 and 7 both at 20 %.
		const hamlets = [
			...[1, 2, 3, 4, 5].map((id) => makeHamlet(id, { adultsAssessed: 100, withBasicSkills: 60 + id })),
			makeHamlet(6, { adultsAssessed: 10, withBasicSkills: 2 }),
			makeHamlet(7, { adultsAssessed: 500, withBasicSkills: 100 })
		];
		const rates = shrinkRates(hamlets);
		const small = rates.get(6)!.rates.skills;
		const large = rates.get(7)!.rates.skills;
		expect(small.raw).toBe(0.2);
		expect(large.raw).toBe(0.2);
		expect(small.shrunk! - 0.2).toBeGreaterThan(large.shrunk! - 0.2);
		// Both move toward the commune's pooled rate and never past it.
		for (const rate of [small, large]) {
			expect(rate.shrunk!).toBeGreaterThan(0.2);
			expect(rate.shrunk!).toBeLessThan(rate.priorMean!);
		}
		// The formula, by hand: (x + m·k) ÷ (n + k).
		const { priorMean: m, priorStrength: k } = small;
		expect(small.shrunk).toBeCloseTo((2 + m! * k) / (10 + k), 12);
		expect(rates.get(6)!.lowConfidence).toBe(true);
		expect(rates.get(7)!.lowConfidence).toBe(false);
	});

	it('gives a hamlet without survey its commune rate, flagged low-confidence', () => {
		const hamlets = [
			makeHamlet(1, { adultsAssessed: 50, withSmartphone: 40 }),
			makeHamlet(2, { adultsAssessed: 30, withSmartphone: 12 }),
			makeHamlet(3, { adultsAssessed: 0, withSmartphone: 0 })
		];
		const rate = shrinkRates(hamlets).get(3)!;
		expect(rate.lowConfidence).toBe(true);
		expect(rate.rates.smartphone.raw).toBeNull();
		// Pooled: (40 + 12) ÷ (50 + 30) = 0.65.
		expect(rate.rates.smartphone.priorMean).toBeCloseTo(0.65, 12);
		expect(rate.rates.smartphone.shrunk).toBeCloseTo(0.65, 12);
	});

	it('uses the city rate for a commune without any survey, and null when nobody was assessed', () => {
		const surveyed = makeHamlet(1, { adultsAssessed: 40, withEpayment: 10 });
		const unsurveyed = makeHamlet(2, { communeCode: '09700', adultsAssessed: 0, withEpayment: 0 });
		expect(shrinkRates([surveyed, unsurveyed]).get(2)!.rates.epayment.shrunk).toBeCloseTo(0.25, 12);
		const nobody = shrinkRates([unsurveyed]).get(2)!.rates.epayment;
		expect(nobody).toMatchObject({ raw: null, shrunk: null, priorMean: null });
	});

	it('uses the city-wide prior strength for communes with few hamlets', () => {
		const hamlets = [
			...[1, 2, 3, 4, 5, 6].map((id) => makeHamlet(id, { adultsAssessed: 50, withBasicSkills: 10 + 6 * id })),
			makeHamlet(7, { communeCode: '09700', adultsAssessed: 40, withBasicSkills: 10 }),
			makeHamlet(8, { communeCode: '09700', adultsAssessed: 40, withBasicSkills: 30 })
		];
		const rates = shrinkRates(hamlets);
		expect(rates.get(1)!.rates.skills.priorSource).toBe('commune');
		expect(rates.get(7)!.rates.skills.priorSource).toBe('city');
		expect(rates.get(7)!.rates.skills.priorMean).toBeCloseTo(0.5, 12);
	});

	it('pools fully (up to the ceiling) when hamlets differ no more than sampling noise', () => {
		const hamlets = [1, 2, 3, 4, 5, 6].map((id) =>
			makeHamlet(id, { adultsAssessed: 100, withBasicSkills: 50 })
		);
		const rate = shrinkRates(hamlets).get(1)!.rates.skills;
		expect(rate.priorStrength).toBe(PRIOR_STRENGTH_BOUNDS.maximum);
		expect(rate.shrunk).toBeCloseTo(0.5, 12);
	});

	it('recovers the prior strength of simulated beta-binomial data', () => {
		// 300 hamlets, true rates drawn from Beta(20, 30) (mean 0.4, k = α + β = 50), 100 adults each.
		// A Beta(a, b) draw with whole a, b is the a-th smallest of a + b − 1 uniforms.
		const random = seedrandom('beta-binomial');
		const hamlets = Array.from({ length: 300 }, (_, id) => {
			const uniforms = Array.from({ length: 49 }, () => random()).sort((a, b) => a - b);
			const trueRate = uniforms[19]!;
			let count = 0;
			for (let adult = 0; adult < 100; adult++) if (random() < trueRate) count++;
			return makeHamlet(id, { adultsAssessed: 100, withBasicSkills: count });
		});
		const estimated = shrinkRates(hamlets).get(0)!.rates.skills;
		expect(estimated.priorSource).toBe('commune');
		expect(estimated.priorStrength).toBeGreaterThan(30);
		expect(estimated.priorStrength).toBeLessThan(80);
		expect(estimated.priorMean).toBeGreaterThan(0.37);
		expect(estimated.priorMean).toBeLessThan(0.43);
	});

	it('clamps counts above the sample size', () => {
		const rates = shrinkRates([makeHamlet(1, { adultsAssessed: 10, withVneidLevel2: 14 })]);
		expect(rates.get(1)!.rates.vneidLevel2.raw).toBe(1);
	});
});
