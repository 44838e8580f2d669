import { describe, expect, it } from 'vitest';
import { flagsOf, GAP_FLAG_BITS, GAP_FLAG_LABELS } from './gap-flags';

describe('the gap flags', () => {
	it('list a hamlet’s flags in label order', () => {
		expect(flagsOf({ rural: true, minority: false, largestGapCity: true, largestGapCommune: true })).toEqual([
			'rural',
			'largestGapCity',
			'largestGapCommune'
		]);
		expect(
			flagsOf({ rural: false, minority: false, largestGapCity: false, largestGapCommune: false })
		).toEqual([]);
	});

	it('name every flag in both languages, with a filter label for each flag the map can filter by', () => {
		for (const labels of Object.values(GAP_FLAG_LABELS)) {
			for (const label of [labels.name, labels.badge]) expect(label.vi && label.en).toBeTruthy();
		}
		for (const flag of Object.keys(GAP_FLAG_BITS) as (keyof typeof GAP_FLAG_BITS)[]) {
			expect(GAP_FLAG_LABELS[flag].filter.vi).toMatch(/^Chỉ /);
		}
	});
});
