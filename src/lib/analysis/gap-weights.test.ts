import { describe, expect, it } from 'vitest';
import { GAP_COMPONENTS } from './gap-components';
import { DEFAULT_GAP_WEIGHTS, validateGapWeights } from './gap-weights';

describe('DEFAULT_GAP_WEIGHTS', () => {
	it('weigh every component, summing to 1', () => {
		expect(Object.keys(DEFAULT_GAP_WEIGHTS).sort()).toEqual([...GAP_COMPONENTS].sort());
		const sum = Object.values(DEFAULT_GAP_WEIGHTS).reduce((total, weight) => total + weight, 0);
		expect(sum).toBeCloseTo(1, 12);
		expect(validateGapWeights(DEFAULT_GAP_WEIGHTS)).toEqual({ ok: true, weights: DEFAULT_GAP_WEIGHTS });
	});
});

describe('validateGapWeights', () => {
	it('normalises valid weights to sum 1, missing components counting as 0', () => {
		const result = validateGapWeights({ skills: 3, coverage: 1 });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.weights.skills).toBe(0.75);
		expect(result.weights.coverage).toBe(0.25);
		expect(result.weights.rurality).toBe(0);
	});

	it.each([
		['a negative weight', { skills: -0.1, coverage: 1 }, 'weights.skills', 'Trọng số không được âm'],
		['NaN', { skills: Number.NaN }, 'weights.skills', 'Trọng số phải là một số hữu hạn'],
		['Infinity', { device: Infinity }, 'weights.device', 'Trọng số phải là một số hữu hạn'],
		['a string', { device: '0.5' }, 'weights.device', 'Trọng số phải là một số hữu hạn'],
		['an unknown key', { skills: 1, skill: 1 }, 'weights.skill', 'Thành phần không xác định: "skill"'],
		['all zero', { skills: 0, coverage: 0 }, 'weights', 'Cần ít nhất một trọng số lớn hơn 0'],
		['an empty object', {}, 'weights', 'Cần ít nhất một trọng số lớn hơn 0'],
		['an array', [1, 2], 'weights', 'Trọng số phải là một đối tượng {thành phần: số}'],
		['null', null, 'weights', 'Trọng số phải là một đối tượng {thành phần: số}']
	])('refuses %s', (_, weights, path, message) => {
		const result = validateGapWeights(weights);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors[0]).toMatchObject({ path, vi: message });
		expect(result.errors[0]!.en).toMatch(/^[A-Z]/);
	});

	it('reports every bad weight at once', () => {
		const result = validateGapWeights({ skills: -1, device: Number.NaN, nope: 1 });
		expect(result.ok ? [] : result.errors.map((error) => error.path)).toEqual([
			'weights.skills',
			'weights.device',
			'weights.nope'
		]);
	});
});
