import { describe, expect, it } from 'vitest';
import { MIN_PUBLISHED_COUNT, tooFewMask, tooFewToPublish } from './suppression';

describe('tooFewToPublish', () => {
	it('withholds coverage below 10 households and keeps it from 10 on', () => {
		expect(tooFewToPublish('coverage', { households: 9, adultsAssessed: 500 })).toBe(true);
		expect(tooFewToPublish('coverage', { households: 10, adultsAssessed: 500 })).toBe(false);
		expect(MIN_PUBLISHED_COUNT).toBe(10);
	});

	it('withholds the survey rates below 10 surveyed adults, whatever the households', () => {
		for (const metric of ['skills', 'smartphone', 'epayment', 'vneid'] as const) {
			expect(tooFewToPublish(metric, { households: 400, adultsAssessed: 9 })).toBe(true);
			expect(tooFewToPublish(metric, { households: 3, adultsAssessed: 10 })).toBe(false);
		}
	});

	it('withholds the gap index when either basis is too small', () => {
		expect(tooFewToPublish('gap', { households: 5, adultsAssessed: 50 })).toBe(true);
		expect(tooFewToPublish('gap', { households: 50, adultsAssessed: 5 })).toBe(true);
		expect(tooFewToPublish('gap', { households: 50, adultsAssessed: 50 })).toBe(false);
	});

	it('calls no count at all "no data", not "too few"', () => {
		expect(tooFewMask({ households: 0, adultsAssessed: 0 })).toBe(0);
		expect(tooFewToPublish('skills', { households: 20, adultsAssessed: 0 })).toBe(false);
	});

	it('reads the same answer from the mask the public data carries', () => {
		const basis = { households: 4, adultsAssessed: 30 };
		for (const metric of ['coverage', 'skills', 'gap'] as const) {
			expect(tooFewToPublish(metric, tooFewMask(basis))).toBe(tooFewToPublish(metric, basis));
		}
	});
});
