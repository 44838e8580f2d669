import { describe, expect, it } from 'vitest';
import { metricProgress, progressByMetric, trainingProgress, type ProgressRow } from './target-progress';

const row = (overrides: Partial<ProgressRow>): ProgressRow => ({
	households: 100,
	adults: 300,
	isRural: false,
	householdsReached: 50,
	adultsAssessed: 100,
	withBasicSkills: 60,
	withSmartphone: 80,
	withEpayment: 40,
	withVneidLevel2: 70,
	surveyMonth: '2026-10-01',
	...overrides
});

describe('metricProgress', () => {
	it('sums numerators and denominators and counts the gap in the adults the target counts', () => {
		const rows = [
			row({}),
			row({ adults: 700, adultsAssessed: 300, withBasicSkills: 240, surveyMonth: '2026-11-01' })
		];
		// 300 of 400 assessed = 75%; 25 points short of 100% over 1,000 adults = 250 people.
		expect(metricProgress('skills', rows, '2026-11-01')).toEqual({
			kpi: 'skills',
			value: 0.75,
			numerator: 300,
			denominator: 400,
			target: 1,
			population: 1000,
			gap: 250,
			dataMonth: '2026-11-01'
		});
	});

	it('counts urban hamlets only for e-payment, in the value and in the population', () => {
		const rows = [row({}), row({ isRural: true, withEpayment: 0, adults: 5000 })];
		const progress = metricProgress('epayment', rows, '2026-11-01');
		expect(progress).toMatchObject({ value: 0.4, numerator: 40, denominator: 100, population: 300 });
		// 10 points short of 50% over 300 urban adults.
		expect(progress.gap).toBe(30);
	});

	it('has no gap without a target (VNeID) or without a value, and none once the target is passed', () => {
		expect(metricProgress('vneid', [row({})], '2026-11-01').gap).toBeNull();
		const unsurveyed = metricProgress(
			'skills',
			[row({ adultsAssessed: 0, withBasicSkills: 0, surveyMonth: null })],
			'2026-11-01'
		);
		expect(unsurveyed).toMatchObject({ value: null, gap: null, dataMonth: null });
		expect(metricProgress('smartphone', [row({ withSmartphone: 90 })], '2026-11-01').gap).toBe(0);
	});

	it('counts coverage in households up to the month itself', () => {
		expect(metricProgress('coverage', [row({})], '2026-11-01')).toMatchObject({
			value: 0.5,
			population: 100,
			gap: 50,
			dataMonth: '2026-11-01'
		});
	});
});

describe('trainingProgress', () => {
	it('is members trained ÷ members, the gap in members', () => {
		expect(
			trainingProgress(
				[
					{ members: 10, membersTrained: 7 },
					{ members: 5, membersTrained: 5 }
				],
				'2026-11-01'
			)
		).toEqual({
			kpi: 'training',
			value: 0.8,
			numerator: 12,
			denominator: 15,
			target: 1,
			population: 15,
			gap: 3,
			dataMonth: '2026-11-01'
		});
		expect(trainingProgress([], '2026-11-01')).toMatchObject({ value: null, gap: null });
	});
});

describe('progressByMetric', () => {
	it('is metricProgress for every rate over the same rows', () => {
		const rows = [row({}), row({ isRural: true, withEpayment: 0 })];
		const all = progressByMetric(rows, '2026-11-01');
		expect(Object.keys(all)).toEqual(['coverage', 'skills', 'smartphone', 'epayment', 'vneid']);
		for (const [metric, progress] of Object.entries(all))
			expect(progress).toEqual(metricProgress(metric as keyof typeof all, rows, '2026-11-01'));
	});
});
