import { describe, expect, it } from 'vitest';
import { GAP_COMPONENTS, zeroComponents } from './gap-components';
import { DEFAULT_GAP_WEIGHTS } from './gap-weights';
import { scoreGap } from './score-gap';
import type { GapComponent, GapComponentsResult } from './types';

function row(normalised: Partial<Record<GapComponent, number>>): GapComponentsResult {
	return {
		id: 1,
		raw: zeroComponents(),
		notApplicable: [],
		lowConfidence: false,
		normalised: { ...zeroComponents(), ...normalised }
	};
}

describe('scoreGap', () => {
	it('is the weighted sum × 100 with weights normalised, by hand', () => {
		// Weights 2 and 2 → 0.5 each: 0.5 × 0.8 × 100 + 0.5 × 0.4 × 100 = 40 + 20 = 60.
		const weights = { ...zeroComponents(), skills: 2, coverage: 2 };
		const score = scoreGap(row({ skills: 0.8, coverage: 0.4, device: 1 }), weights);
		expect(score.index).toBeCloseTo(60, 12);
		expect(score.contributions.skills).toBeCloseTo(40, 12);
		expect(score.contributions.coverage).toBeCloseTo(20, 12);
		expect(score.contributions.device).toBe(0);
		expect(scoreGap(row({ skills: 1 }), zeroComponents()).index).toBe(0);
	});

	it('gives exactly 100 when every component is at its maximum', () => {
		const full = Object.fromEntries(GAP_COMPONENTS.map((component) => [component, 1]));
		expect(scoreGap(row(full), DEFAULT_GAP_WEIGHTS).index).toBe(100);
	});

	it('counts negative and non-finite weights as 0', () => {
		const weights = { ...zeroComponents(), skills: 1, coverage: -5, device: Number.NaN, payment: Infinity };
		const score = scoreGap(row({ skills: 0.5, coverage: 1, device: 1, payment: 1 }), weights);
		expect(score.index).toBeCloseTo(50, 12);
		expect(score.contributions.coverage).toBe(0);
	});
});
