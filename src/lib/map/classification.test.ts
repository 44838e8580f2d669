import { describe, expect, it } from 'vitest';
import {
	classIndex,
	classify,
	GAP_COLOR_STOPS,
	PALETTES,
	SPECIAL_CLASS_COLORS,
	valueColor
} from './classification';

describe('classify', () => {
	it('anchors the default classes on the plan’s target and names the class that meets it', () => {
		const result = classify([0.3, 0.6, 0.86, 0.9], { scheme: 'targets', scale: 'rate', target: 0.85 });
		expect(result.breaks).toEqual([0.43, 0.6, 0.72, 0.85]);
		expect(result.colors).toEqual(PALETTES.rate);
		expect(result.legend.map((item) => item.count)).toEqual([1, 0, 1, 0, 2, 0, 0]);
		expect(result.legend[4]!.label).toBe('Từ 85% (đạt mục tiêu)');
		const english = classify([0.3, 0.6, 0.86, 0.9], {
			scheme: 'targets',
			scale: 'rate',
			target: 0.85,
			locale: 'en'
		});
		expect(english.legend[0]!.label).toBe('Below 43%');
		expect(english.legend[4]!.label).toBe('85% or more (target met)');
		expect(english.legend.at(-1)!.label).toBe('No data');
		expect(classify([], { scheme: 'targets', scale: 'rate', target: 1 }).breaks).toEqual([0.5, 0.7, 0.85, 1]);
	});

	it('says which break is the plan’s target', () => {
		const result = classify([0.3], { scheme: 'targets', scale: 'rate', target: 0.5 });
		expect(result.breaks).toEqual([0.25, 0.35, 0.43, 0.5]);
		expect(result.legend.map((item) => item.label).slice(0, 5)).toEqual([
			'Dưới 25%',
			'25% – dưới 35%',
			'35% – dưới 43%',
			'43% – dưới 50% (mục tiêu)',
			'Từ 50% (đạt mục tiêu)'
		]);
		const english = classify([0.3], { scheme: 'targets', scale: 'rate', target: 0.5, locale: 'en' });
		expect(english.legend[3]!.label).toBe('43% to under 50% (target)');
		// Data-driven breaks are not the target, even when one happens to equal it.
		const quantiles = classify([0.1, 0.5, 0.5, 0.9], { scheme: 'quantiles', scale: 'rate', target: 0.5 });
		expect(quantiles.legend.some((item) => item.label.includes('mục tiêu'))).toBe(false);
	});

	it('counts withheld and not-applicable units in classes of their own, apart from no data', () => {
		const result = classify(
			[0.2, null, null, null, 0.9],
			{ scheme: 'targets', scale: 'rate', target: 0.5 },
			{ tooFew: [false, true, true, false, false], notApplicable: [false, false, true, false, false] }
		);
		const counts = Object.fromEntries(
			result.legend.filter((item) => item.kind !== 'value').map((item) => [item.kind, item.count])
		);
		expect(counts).toEqual({ 'over-full': 0, 'too-few': 1, 'not-applicable': 1, 'no-data': 1 });
		const kinds = result.legend.map((item) => item.kind);
		expect(kinds.slice(-3)).toEqual(['too-few', 'not-applicable', 'no-data']);
		expect(result.legend.find((item) => item.kind === 'too-few')!.color).toBe(SPECIAL_CLASS_COLORS.tooFew);
		// Without the facts, no such classes.
		expect(
			classify([null], { scheme: 'targets', scale: 'rate', target: 1 }).legend.map((item) => item.kind)
		).not.toContain('too-few');
	});

	it('counts only the units kept, with breaks from all of them', () => {
		const values = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, null];
		const counted = values.map((_, index) => index % 2 === 0);
		const all = classify(values, { scheme: 'quantiles', scale: 'rate', target: 1 });
		const kept = classify(values, { scheme: 'quantiles', scale: 'rate', target: 1 }, { counted });
		expect(kept.breaks).toEqual(all.breaks);
		expect(kept.legend.reduce((sum, item) => sum + item.count, 0)).toBe(5);
		expect(kept.legend.find((item) => item.kind === 'no-data')!.count).toBe(0);
	});

	it('puts values above 100% in their own class, outside the breaks, and counts missing values', () => {
		const result = classify([0.2, 1.3, null, 0.99, 1], { scheme: 'targets', scale: 'rate', target: 1 });
		const overFull = result.legend.find((item) => item.kind === 'over-full')!;
		expect(overFull).toMatchObject({ color: SPECIAL_CLASS_COLORS.overFull, count: 1 });
		expect(result.legend.find((item) => item.kind === 'no-data')!.count).toBe(1);
		// Exactly 100% meets the target; it is not a data problem.
		expect(result.legend[4]!.count).toBe(1);
	});

	it('keeps one bad record from stretching data-driven breaks', () => {
		const values = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];
		const withOutlier = classify([...values, 25], { scheme: 'quantiles', scale: 'rate', target: 1 });
		expect(withOutlier.breaks).toEqual(
			classify(values, { scheme: 'quantiles', scale: 'rate', target: 1 }).breaks
		);
	});

	it('finds natural breaks between well-separated groups', () => {
		const groups = [0.1, 0.11, 0.12, 0.5, 0.51, 0.52, 0.9, 0.91];
		const result = classify(groups, { scheme: 'ckmeans', scale: 'rate', target: 1 });
		expect(result.breaks.length).toBeLessThanOrEqual(4);
		expect(result.breaks).toContain(0.5);
		expect(result.breaks).toContain(0.9);
		expect(
			result.legend.filter((item) => item.kind === 'value').reduce((sum, item) => sum + item.count, 0)
		).toBe(8);
	});

	it('copes with too few distinct values for five classes', () => {
		const result = classify([0.5, 0.5, 0.5], { scheme: 'ckmeans', scale: 'rate', target: 1 });
		expect(result.breaks).toEqual([]);
		expect(result.colors).toHaveLength(1);
		expect(classify([], { scheme: 'quantiles', scale: 'rate', target: 1 }).legend.at(-1)!.count).toBe(0);
	});

	it('uses the red ramp and equal 20-point classes for the gap index', () => {
		const result = classify([5, 35, 95], { scheme: 'targets', scale: 'index', target: null });
		expect(result.breaks).toEqual([20, 40, 60, 80]);
		expect(result.colors).toEqual(PALETTES.gap);
		expect(result.legend.some((item) => item.kind === 'over-full')).toBe(false);
	});

	it('gives each gap class the color the planner’s ramp has at the class’s lower end', () => {
		const result = classify([], { scheme: 'targets', scale: 'index', target: null });
		expect(PALETTES.gap).toEqual(['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026']);
		const lowerEnds = [0, ...result.breaks];
		expect(result.colors).toEqual(
			lowerEnds.map((index) => GAP_COLOR_STOPS.find(([stop]) => stop === index)![1])
		);
	});
});

describe('classIndex', () => {
	it('counts the breaks at or below the value', () => {
		expect([0, 0.4, 0.5, 0.99, 1].map((value) => classIndex(value, [0.5, 1]))).toEqual([0, 0, 1, 1, 2]);
	});
});

describe('valueColor', () => {
	it('picks the class color, grey without a value, magenta above 100% on a rate', () => {
		const classification = classify([0.2, 0.6, 0.9], { scheme: 'targets', scale: 'rate', target: 1 });
		expect(valueColor(0.2, classification, 'rate')).toBe(classification.colors[0]);
		expect(valueColor(1, classification, 'rate')).toBe(classification.colors.at(-1));
		expect(valueColor(null, classification, 'rate')).toBe(SPECIAL_CLASS_COLORS.noData);
		expect(valueColor(1.2, classification, 'rate')).toBe(SPECIAL_CLASS_COLORS.overFull);
		const index = classify([10, 90], { scheme: 'targets', scale: 'index', target: null });
		expect(valueColor(90, index, 'index')).toBe(index.colors.at(-1));
	});
});
