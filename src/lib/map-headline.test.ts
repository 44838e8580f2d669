import { describe, expect, it } from 'vitest';
import { mapHeadline, mapSourceLine, mapTitle, monthEnd } from './map-headline';
import type { CityStanding } from './public-map';
import { progressByMetric, type ProgressRow } from './target-progress';

const rows: ProgressRow[] = [
	{
		households: 1000,
		adults: 2500,
		isRural: false,
		householdsReached: 400,
		adultsAssessed: 200,
		withBasicSkills: 90,
		withSmartphone: 170,
		withEpayment: 120,
		withVneidLevel2: 150,
		surveyMonth: '2026-10-01'
	},
	{
		households: 500,
		adults: 1500,
		isRural: true,
		householdsReached: 500,
		adultsAssessed: 100,
		withBasicSkills: 30,
		withSmartphone: 60,
		withEpayment: 10,
		withVneidLevel2: 40,
		surveyMonth: '2026-09-01'
	}
];
const city: CityStanding = { progress: progressByMetric(rows, '2026-11-01'), gapIndex: 31.2 };

describe('mapHeadline', () => {
	it('reads a rate as the dashboard does: value, target, people still to reach, survey month', () => {
		// 120 of 300 adults surveyed = 40%; 60 points short of 100% over 4,000 adults = 2,400 people.
		expect(mapHeadline(city, 'skills', '2026-11-01')).toEqual({
			metric: 'skills',
			value: 0.4,
			numerator: 120,
			denominator: 300,
			target: 1,
			gap: 2400,
			gapUnit: 'people',
			dataMonth: '2026-10-01'
		});
	});

	it('counts coverage in households and runs it to the month shown', () => {
		// 900 of 1,500 households = 60%; 600 households to go.
		expect(mapHeadline(city, 'coverage', '2026-11-01')).toMatchObject({
			value: 0.6,
			gap: 600,
			gapUnit: 'households',
			dataMonth: '2026-11-01'
		});
	});

	it('counts e-payment in urban adults only, against its 50% target', () => {
		// 120 of 200 urban adults surveyed = 60%: above 50%, nobody to go.
		expect(mapHeadline(city, 'epayment', '2026-11-01')).toMatchObject({ value: 0.6, target: 0.5, gap: 0 });
	});

	it('gives VNeID and the gap index their value and month only: the plan sets them no target', () => {
		expect(mapHeadline(city, 'vneid', '2026-11-01')).toMatchObject({
			value: 190 / 300,
			target: null,
			gap: null
		});
		expect(mapHeadline(city, 'gap', '2026-11-01')).toEqual({
			metric: 'gap',
			value: 31.2,
			numerator: null,
			denominator: null,
			target: null,
			gap: null,
			gapUnit: 'people',
			dataMonth: '2026-11-01'
		});
	});
});

describe('monthEnd', () => {
	it('is the last day of the month, leap years included', () => {
		expect(monthEnd('2026-11-01')).toBe('2026-11-30');
		expect(monthEnd('2026-12-01')).toBe('2026-12-31');
		expect(monthEnd('2028-02-01')).toBe('2028-02-29');
	});
});

describe('mapTitle and mapSourceLine', () => {
	it('name the metric and the month in each language', () => {
		expect(mapTitle('skills', '2026-11-01', 'vi')).toBe(
			'Tỷ lệ người trưởng thành có kỹ năng số cơ bản · tháng 11/2026'
		);
		expect(mapTitle('gap', '2026-11-01', 'en')).toBe('Digital gap · November 2026');
	});

	it('say "ước tính" only when some hamlet boundary is approximate', () => {
		expect(mapSourceLine('2026-11-01', 4900, 'vi')).toMatch(
			/^Nguồn: .+ · số liệu đến 30\/11\/2026 · ranh giới thôn ước tính$/
		);
		expect(mapSourceLine('2026-11-01', 0, 'vi')).not.toContain('ước tính');
		expect(mapSourceLine('2026-10-01', 0, 'en')).toMatch(/data up to 31 Oct 2026$/);
	});
});
