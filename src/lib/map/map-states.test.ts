import { describe, expect, it } from 'vitest';
import { HOT_SPOT_CLASSES } from '$lib/analysis/hot-spots';
import { formatShare } from '$lib/format';
import { GAP_FLAG_BITS } from '$lib/gap-flags';
import { METRIC_DEFINITIONS, METRICS, type MetricId } from '$lib/metrics';
import { PALETTES } from './classification';
import {
	communeStates,
	formatMapValue,
	hamletStates,
	mapThematic,
	metricValueLookup,
	type MapGapValues,
	type MonthValues
} from './map-states';

/** The same rates for every metric, so a test can pick any metric. */
function byMetric<T>(column: T[]): Record<MetricId, T[]> {
	return Object.fromEntries(METRICS.map((metric) => [metric, column])) as Record<MetricId, T[]>;
}

// Three hamlets in two communes: a rural minority hamlet with the city's largest gap, a plain urban
// one, and a rural one without a survey.
const values: MonthValues = {
	month: '2026-11-01',
	hamletIds: [11, 12, 21],
	values: { ...byMetric([0.2, 0.9, null]), coverage: [0.4, 1.2, null] },
	communeCodes: ['00001', '00002'],
	communeValues: { ...byMetric([0.5, null]), coverage: [0.8, 0.1] },
	rural: [1, 0, 1],
	communeRural: [0, 1]
};
const { rural, minority, largestGapCity } = GAP_FLAG_BITS;
const gap: MapGapValues = {
	gap: [72.5, 10, null],
	hotSpot: [HOT_SPOT_CLASSES.indexOf('hot-99'), HOT_SPOT_CLASSES.indexOf('none'), 0],
	flags: [rural | minority | largestGapCity, 0, rural],
	communeGap: [41.3, null],
	communeFlags: [largestGapCity, rural | minority]
};

describe('hamletStates', () => {
	it('gives every hamlet each rate by metric id and why the shown one is missing, nothing more without the gap', () => {
		const states = hamletStates(values, null, ['rural'], 'coverage');
		expect(Object.keys(states).sort()).toEqual([...METRICS, 'notApplicable', 'tooFew'].sort());
		expect(states.coverage).toEqual([0.4, 1.2, null]);
		expect(states.notApplicable).toEqual([false, false, false]);
	});

	it('marks e-payment as not applicable in rural hamlets only', () => {
		expect(hamletStates(values, gap, [], 'epayment').notApplicable).toEqual([true, false, true]);
		expect(hamletStates(values, gap, [], 'skills').notApplicable).toEqual([false, false, false]);
	});

	it('marks the figures withheld for the metric shown: households for coverage, adults for surveys', () => {
		const withheld = { ...values, tooFew: [1, 2, 0] };
		expect(hamletStates(withheld, gap, [], 'coverage').tooFew).toEqual([true, false, false]);
		expect(hamletStates(withheld, gap, [], 'skills').tooFew).toEqual([false, true, false]);
		expect(hamletStates(withheld, gap, [], 'gap').tooFew).toEqual([true, true, false]);
	});

	it('adds the gap index, the hot-spot class by name and hides no hamlet without a filter', () => {
		const states = hamletStates(values, gap, [], 'coverage');
		expect(states.gap).toEqual([72.5, 10, null]);
		expect(states.hotSpot).toEqual(['hot-99', 'none', HOT_SPOT_CLASSES[0]]);
		expect(states.hidden).toEqual([false, false, false]);
		expect(states.skills).toEqual([0.2, 0.9, null]);
	});

	it('hides the hamlets that miss any chosen flag', () => {
		expect(hamletStates(values, gap, ['rural'], 'coverage').hidden).toEqual([false, true, false]);
		expect(hamletStates(values, gap, ['rural', 'minority'], 'coverage').hidden).toEqual([false, true, true]);
		expect(hamletStates(values, gap, ['largest'], 'coverage').hidden).toEqual([false, true, true]);
	});
});

describe('communeStates', () => {
	it('gives every commune each rate, whether the metric applies, and the mean gap when there is one', () => {
		expect(communeStates(values, null, [], 'coverage')).toEqual({
			...values.communeValues,
			notApplicable: [false, false]
		});
		const states = communeStates(values, gap, [], 'epayment');
		expect(states.gap).toEqual([41.3, null]);
		expect(states.coverage).toEqual([0.8, 0.1]);
		expect(states.notApplicable).toEqual([false, true]);
		expect(states.hidden).toEqual([false, false]);
	});

	it('filters communes by their own flags at city zoom: rural is a xã, minority a designated commune', () => {
		expect(communeStates(values, gap, ['rural'], 'coverage').hidden).toEqual([true, false]);
		expect(communeStates(values, gap, ['minority'], 'coverage').hidden).toEqual([true, false]);
		expect(communeStates(values, gap, ['largest'], 'coverage').hidden).toEqual([false, true]);
	});
});

/** Each special class's count, by kind. */
function specialCounts(thematic: ReturnType<typeof mapThematic>['hamlets']): Record<string, number> {
	return Object.fromEntries(
		thematic.classification.legend
			.filter((item) => item.kind !== 'value')
			.map((item) => [item.kind, item.count])
	);
}

describe('mapThematic', () => {
	it('classes a rate by its target, on the rate scale, keyed by the metric', () => {
		const { hamlets } = mapThematic(values, gap, 'coverage', 'targets');
		expect(hamlets).toMatchObject({ stateKey: 'coverage', scale: 'rate', notApplicable: false });
		const target = METRIC_DEFINITIONS.coverage.target ?? 1;
		expect(hamlets.classification.breaks.at(-1)).toBeCloseTo(target, 2);
		// 0.4 in a value class, 1.2 above 100%, null without data.
		expect(specialCounts(hamlets)).toEqual({ 'over-full': 1, 'too-few': 0, 'no-data': 1 });
	});

	it('counts communes at the commune level and hamlets at the hamlet level', () => {
		const { hamlets, communes } = mapThematic(values, gap, 'coverage', 'targets');
		const total = (thematic: typeof hamlets) =>
			thematic.classification.legend.reduce((sum, item) => sum + item.count, 0);
		expect(total(hamlets)).toBe(3);
		expect(total(communes)).toBe(2);
		// The communes have no withheld figures: no "too few" class there.
		expect(specialCounts(communes)).toEqual({ 'over-full': 0, 'no-data': 0 });
	});

	it('counts only what the filters keep, at each level, with the same breaks', () => {
		const all = mapThematic(values, gap, 'coverage', 'quantiles');
		const rural = mapThematic(values, gap, 'coverage', 'quantiles', ['rural']);
		const total = (thematic: typeof all.hamlets) =>
			thematic.classification.legend.reduce((sum, item) => sum + item.count, 0);
		expect(total(rural.hamlets)).toBe(2);
		expect(total(rural.communes)).toBe(1);
		expect(rural.hamlets.classification.breaks).toEqual(all.hamlets.classification.breaks);
	});

	it('puts rural e-payment in a "not applicable" class apart from no data, at both levels', () => {
		// As the server sends them: rural hamlets have no e-payment value.
		const epayment = { ...values, values: { ...values.values, epayment: [null, 0.9, null] } };
		const { hamlets, communes } = mapThematic(epayment, gap, 'epayment', 'targets');
		expect(hamlets.notApplicable).toBe(true);
		expect(specialCounts(hamlets)).toMatchObject({ 'not-applicable': 2, 'no-data': 0 });
		expect(specialCounts(communes)).toMatchObject({ 'not-applicable': 1, 'no-data': 0 });
		expect(hamlets.classification.legend.find((item) => item.kind === 'not-applicable')!.label).toBe(
			'Không áp dụng (nông thôn)'
		);
	});

	it('puts withheld figures in a "too few" class apart from no data', () => {
		const withheld = { ...values, tooFew: [0, 0, 2] };
		expect(specialCounts(mapThematic(withheld, gap, 'skills', 'targets').hamlets)).toMatchObject({
			'too-few': 1,
			'no-data': 0
		});
	});

	it('classes the gap index in points with the gap palette', () => {
		const { hamlets } = mapThematic(values, gap, 'gap', 'targets');
		expect(hamlets).toMatchObject({ stateKey: 'gap', scale: 'index' });
		expect(hamlets.classification.breaks).toEqual([20, 40, 60, 80]);
		expect(hamlets.classification.colors).toEqual(PALETTES.gap);
		expect(hamlets.classification.legend.find((item) => item.kind === 'no-data')!.count).toBe(1);
	});

	it('answers the same arguments with the same classes, and new ones anew', () => {
		const first = mapThematic(values, gap, 'skills', 'ckmeans');
		expect(mapThematic(values, gap, 'skills', 'ckmeans')).toBe(first);
		expect(mapThematic(values, gap, 'skills', 'quantiles')).not.toBe(first);
		expect(mapThematic(values, gap, 'skills', 'ckmeans')).toBe(first);
		expect(mapThematic({ ...values }, gap, 'skills', 'ckmeans')).toEqual(first);
	});

	it('has no gap values to class when the month has no gap', () => {
		const { hamlets } = mapThematic(values, null, 'gap', 'quantiles');
		expect(hamlets.classification.legend.every((item) => item.count === 0)).toBe(true);
	});
});

describe('metricValueLookup', () => {
	it('reads the metric of a hamlet by id and of a commune by code', () => {
		const coverage = metricValueLookup(values, gap, 'coverage');
		expect(coverage.hamlet(12)).toBe(1.2);
		expect(coverage.hamlet(21)).toBeNull();
		expect(coverage.commune('00002')).toBe(0.1);
		const gapIndex = metricValueLookup(values, gap, 'gap');
		expect(gapIndex.hamlet(11)).toBe(72.5);
		expect(gapIndex.commune('00001')).toBe(41.3);
	});

	it('answers null for an unknown hamlet or commune, and for the gap when there is none', () => {
		const coverage = metricValueLookup(values, gap, 'coverage');
		expect(coverage.hamlet(99)).toBeNull();
		expect(coverage.commune('99999')).toBeNull();
		expect(metricValueLookup(values, null, 'gap').hamlet(11)).toBeNull();
	});
});

describe('values', () => {
	it('writes values as the tooltips show them', () => {
		expect(formatMapValue('gap', 72.5)).toBe('72,5');
		expect(formatMapValue('gap', null)).toBe('–');
		expect(formatMapValue('coverage', 0.5)).toBe(formatShare(0.5));
	});
});
