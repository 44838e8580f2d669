import { describe, expect, it } from 'vitest';
import { percentileRanks } from './percentile-ranks';

describe('percentileRanks', () => {
	it('averages ties, anchors the minimum at 0 and leaves nulls out', () => {
		// Known values sorted: 1, 2, 2, 3, 5 (m = 5, so ranks are counted over m − 1 = 4).
		// 1 → minimum → 0; 2 and 2 → 1 below, 2 tied → (1 + 0.5) ÷ 4 = 0.375; 3 → 3 ÷ 4; 5 → 4 ÷ 4.
		expect(percentileRanks([3, 1, 2, 2, null, 5])).toEqual([0.75, 0, 0.375, 0.375, 0, 1]);
	});

	it('gives 0 to a constant component, to ties at the minimum and to a single value', () => {
		expect(percentileRanks([4, 4, 4])).toEqual([0, 0, 0]);
		expect(percentileRanks([0, 0, 0, 1])).toEqual([0, 0, 0, 1]);
		expect(percentileRanks([7])).toEqual([0]);
		expect(percentileRanks([])).toEqual([]);
	});

	it('gives all-null input 0 everywhere', () => {
		expect(percentileRanks([null, null])).toEqual([0, 0]);
	});
});
