import { describe, expect, it } from 'vitest';
import { MIN_PUBLISHED_COUNT, publicGapRecord, tooFewMask, tooFewToPublish } from './suppression';

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

describe('publicGapRecord', () => {
	const record = {
		id: 7,
		households: 40,
		adultsAssessed: 60,
		householdsReached: 12,
		adultsWithoutSkills: 30,
		gapIndex: 55.2,
		contributions: { skills: 20, coverage: 35.2 },
		components: { skills: 0.5, coverage: 0.7 },
		normalised: { skills: 0.6, coverage: 0.8 },
		rates: { skills: { raw: 0.5, shrunk: 0.52 }, smartphone: { raw: 0.8, shrunk: 0.79 } },
		hotSpot: { z: 2.1, p: 0.03, q: 0.05, hotSpotClass: 'hot-95' }
	};

	it('leaves a record on enough people as it is, saying nothing is withheld', () => {
		expect(publicGapRecord(record)).toEqual({ ...record, withheld: [] });
	});

	it('withholds what rests on too few households: reached households and the index', () => {
		const result = publicGapRecord({ ...record, households: 6 });
		expect(result.withheld).toEqual(['coverage', 'gap']);
		expect(result).toMatchObject({
			households: 6,
			householdsReached: null,
			gapIndex: null,
			contributions: null,
			components: null,
			normalised: null,
			adultsWithoutSkills: 30,
			rates: record.rates
		});
		// The neighbourhood statistic stays, as on the public map.
		expect(result.hotSpot).toEqual(record.hotSpot);
	});

	it('withholds what rests on too few surveyed adults: every survey rate and the estimate from them', () => {
		const result = publicGapRecord({ ...record, adultsAssessed: 9 });
		expect(result.withheld).toEqual(['skills', 'gap']);
		expect(result.adultsWithoutSkills).toBeNull();
		expect(result.householdsReached).toBe(12);
		expect(result.rates).toEqual({
			skills: { raw: null, shrunk: null },
			smartphone: { raw: null, shrunk: null }
		});
		expect(result.adultsAssessed).toBe(9);
	});

	it('is the same rule as the map’s', () => {
		for (const basis of [
			{ households: 3, adultsAssessed: 3 },
			{ households: 30, adultsAssessed: 0 },
			{ households: 0, adultsAssessed: 4 }
		]) {
			const withheld = publicGapRecord({ ...record, ...basis }).withheld;
			for (const metric of ['coverage', 'skills', 'gap'] as const)
				expect(withheld.includes(metric)).toBe(tooFewToPublish(metric, basis));
		}
	});
});
