import { describe, expect, it } from 'vitest';
import { flagsOf } from './gap-flags';

describe('the gap flags', () => {
	it('list a hamlet’s flags in their listing order', () => {
		expect(flagsOf({ rural: true, minority: false, largestGapCity: true, largestGapCommune: true })).toEqual([
			'rural',
			'largestGapCity',
			'largestGapCommune'
		]);
		expect(
			flagsOf({ rural: false, minority: false, largestGapCity: false, largestGapCommune: false })
		).toEqual([]);
	});
});
