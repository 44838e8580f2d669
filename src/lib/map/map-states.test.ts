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
	communeValues: { ...byMetric([0.5, null]), coverage: [0.8, 0.1] }
};
const { rural, minority, largestGapCity } = GAP_FLAG_BITS;
const gap: MapGapValues = {
	gap: [72.5, 10, null],
	hotSpot: [HOT_SPOT_CLASSES.indexOf('hot-99'), HOT_SPOT_CLASSES.indexOf('none'), 0],
	flags: [rural | minority | largestGapCity, 0, rural],
	communeGap: [41.3, null]
};

describe('hamletStates', () => {
	it('gives every hamlet each rate by metric id, and nothing more without the gap', () => {
		const states = hamletStates(values, null, ['rural']);
		expect(Object.keys(states).sort()).toEqual([...METRICS].sort());
		expect(states.coverage).toEqual([0.4, 1.2, null]);
	});

	it('adds the gap index, the hot-spot class by name and hides no hamlet without a filter', () => {
		const states = hamletStates(values, gap, []);
		expect(states.gap).toEqual([72.5, 10, null]);
		expect(states.hotSpot).toEqual(['hot-99', 'none', HOT_SPOT_CLASSES[0]]);
		expect(states.hidden).toEqual([false, false, false]);
		expect(states.skills).toEqual([0.2, 0.9, null]);
	});

	it('hides the hamlets that miss any chosen flag', () => {
		expect(hamletStates(values, gap, ['rural']).hidden).toEqual([false, true, false]);
		expect(hamletStates(values, gap, ['rural', 'minority']).hidden).toEqual([false, true, true]);
		expect(hamletStates(values, gap, ['largest']).hidden).toEqual([false, true, true]);
	});
});

describe('communeStates', () => {
	it('gives every commune each rate, and the mean gap when there is one', () => {
		expect(communeStates(values, null)).toEqual(values.communeValues);
		const states = communeStates(values, gap);
		expect(states.gap).toEqual([41.3, null]);
		expect(states.coverage).toEqual([0.8, 0.1]);
	});
});

describe('mapThematic', () => {
	it('classes a rate by its target, on the rate scale, keyed by the metric', () => {
		const thematic = mapThematic(values, gap, 'coverage', 'targets');
		expect(thematic).toMatchObject({ stateKey: 'coverage', scale: 'rate' });
		const target = METRIC_DEFINITIONS.coverage.target ?? 1;
		expect(thematic.classification.breaks.at(-1)).toBeCloseTo(target, 2);
		// 0.4 in a value class, 1.2 above 100%, null without data.
		const counts = Object.fromEntries(
			thematic.classification.legend
				.filter((item) => item.kind !== 'value')
				.map((item) => [item.kind, item.count])
		);
		expect(counts).toEqual({ 'over-full': 1, 'no-data': 1 });
	});

	it('classes the gap index in points with the gap palette', () => {
		const thematic = mapThematic(values, gap, 'gap', 'targets');
		expect(thematic).toMatchObject({ stateKey: 'gap', scale: 'index' });
		expect(thematic.classification.breaks).toEqual([20, 40, 60, 80]);
		expect(thematic.classification.colors).toEqual(PALETTES.gap);
		expect(thematic.classification.legend.find((item) => item.kind === 'no-data')!.count).toBe(1);
	});

	it('answers the same arguments with the same classes, and new ones anew', () => {
		const first = mapThematic(values, gap, 'skills', 'ckmeans');
		expect(mapThematic(values, gap, 'skills', 'ckmeans')).toBe(first);
		expect(mapThematic(values, gap, 'skills', 'quantiles')).not.toBe(first);
		expect(mapThematic({ ...values }, gap, 'skills', 'ckmeans')).toEqual(first);
	});

	it('has no gap values to class when the month has no gap', () => {
		const thematic = mapThematic(values, null, 'gap', 'quantiles');
		expect(thematic.classification.legend.every((item) => item.count === 0)).toBe(true);
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
