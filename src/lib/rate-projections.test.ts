import { describe, expect, it } from 'vitest';
import { projectToTarget } from './analysis/project-to-target';
import type { KpiCard } from './dashboard';
import { endOfMonth, rateProjections, rateVerdict, type RateProjection } from './rate-projections';

function card(
	kpi: KpiCard['progress']['kpi'],
	values: (number | null)[],
	target: number | null,
	population = 500
) {
	const trend = values.map((value, index) => ({
		month: `2026-${String(index + 1).padStart(2, '0')}-01`,
		value
	}));
	return {
		progress: {
			kpi,
			value: values.at(-1) ?? null,
			numerator: 0,
			denominator: population,
			target,
			population,
			gap: null,
			dataMonth: trend.at(-1)!.month
		},
		trend,
		projection: target === null ? null : projectToTarget(trend, target)
	} satisfies KpiCard;
}

const rising = [0.3, 0.4, 0.5, 0.6];

describe('rateProjections', () => {
	it('takes skills, smartphone and e-payment from the dashboard’s cards, with their targets', () => {
		const cards = [
			card('vneid', rising, null),
			card('epayment', rising, 0.5),
			card('skills', rising, 1),
			card('training', [0.5], 1),
			card('smartphone', rising, 0.85)
		];
		const result = rateProjections(cards);
		expect(result.map((rate) => [rate.metric, rate.target])).toEqual([
			['skills', 1],
			['smartphone', 0.85],
			['epayment', 0.5]
		]);
		// The same projection as the dashboard's card, not a second computation.
		expect(result[0]!.projection).toBe(cards[2]!.projection);
	});
});

describe('endOfMonth', () => {
	it('gives the last day of the month, leap years included', () => {
		expect(endOfMonth('2026-12-01')).toBe('2026-12-31');
		expect(endOfMonth('2027-02-01')).toBe('2027-02-28');
		expect(endOfMonth('2028-02-01')).toBe('2028-02-29');
		expect(endOfMonth('2027-04-01')).toBe('2027-04-30');
	});
});

describe('rateVerdict', () => {
	const rate = (values: (number | null)[], target: number, population = 500): RateProjection =>
		rateProjections([card('skills', values, target, population)])[0]!;

	it('dates the month the pace reaches the target, late after the plan’s deadline', () => {
		// +10 points a month from 60% in April: 100% at the end of August 2026.
		expect(rateVerdict(rate(rising, 1))).toEqual({ kind: 'in-time', date: '2026-08-31' });
		// +1 point a month from 60%: 100% in August 2029.
		const slow = rate([0.57, 0.58, 0.59, 0.6], 1);
		expect(rateVerdict(slow)).toEqual({ kind: 'late', date: '2029-08-31' });
		expect(rateVerdict(slow, '2030-01-01')).toEqual({ kind: 'in-time', date: '2029-08-31' });
	});

	it('says when the target is met, cannot be projected, is never reached or does not apply', () => {
		expect(rateVerdict(rate([0.4, 0.9], 0.85))).toEqual({ kind: 'reached' });
		expect(rateVerdict(rate([null, 0.4], 1))).toEqual({ kind: 'no-data' });
		expect(rateVerdict(rate([0.6, 0.5, 0.4], 1))).toEqual({ kind: 'never' });
		expect(rateVerdict(rate([null, null], 0.5, 0))).toEqual({ kind: 'not-applicable' });
	});
});
