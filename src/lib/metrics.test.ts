import { describe, expect, it } from 'vitest';
import { aggregateReading, METRICS, metricValue, type MetricFigures } from './metrics';

const figures: MetricFigures = {
	households: 200,
	adults: 500,
	isRural: false,
	householdsReached: 150,
	adultsAssessed: 100,
	withBasicSkills: 80,
	withSmartphone: 90,
	withEpayment: 55,
	withVneidLevel2: 70
};

describe('metricValue', () => {
	it('divides each numerator by its own denominator', () => {
		expect(METRICS.map((metric) => metricValue(metric, figures))).toEqual([0.75, 0.8, 0.9, 0.55, 0.7]);
	});

	it('keeps values above 100% so the map can show them as a data-quality problem', () => {
		expect(metricValue('coverage', { ...figures, householdsReached: 260 })).toBe(1.3);
	});

	it('has no value without a denominator, rather than 0%', () => {
		expect(metricValue('coverage', { ...figures, households: 0 })).toBeNull();
		expect(metricValue('skills', { ...figures, adultsAssessed: 0 })).toBeNull();
	});

	it('has no e-payment value in rural hamlets: the target is for urban adults', () => {
		expect(metricValue('epayment', { ...figures, isRural: true })).toBeNull();
		expect(metricValue('skills', { ...figures, isRural: true })).toBe(0.8);
	});
});

describe('aggregateReading', () => {
	it('sums counts instead of averaging rates', () => {
		const small = { ...figures, households: 10, householdsReached: 10 };
		const large = { ...figures, households: 990, householdsReached: 490 };
		expect(aggregateReading('coverage', [small, large])).toEqual({
			metric: 'coverage',
			value: 0.5,
			numerator: 500,
			denominator: 1000
		});
	});

	it('counts only urban hamlets for e-payment and has no value for none', () => {
		const rural = { ...figures, isRural: true, withEpayment: 0 };
		expect(aggregateReading('epayment', [rural, figures]).value).toBe(0.55);
		expect(aggregateReading('epayment', [rural])).toMatchObject({ value: null, denominator: 0 });
	});
});
