import { describe, expect, it } from 'vitest';
import { GAP_COMPONENT_LABELS, GAP_COMPONENTS, zeroComponents } from './gap-components';

describe('GAP_COMPONENTS', () => {
	it('label every component in Vietnamese and English', () => {
		for (const component of GAP_COMPONENTS) {
			expect(GAP_COMPONENT_LABELS[component].vi).not.toBe('');
			expect(GAP_COMPONENT_LABELS[component].en).not.toBe('');
		}
		expect(GAP_COMPONENT_LABELS.coverage.vi).toBe('Hộ chưa được tiếp cận');
	});
});

describe('zeroComponents', () => {
	it('gives 0 for every component, in a new object each time', () => {
		const zero = zeroComponents();
		expect(Object.keys(zero)).toEqual([...GAP_COMPONENTS]);
		expect(Object.values(zero).every((value) => value === 0)).toBe(true);
		zero.skills = 1;
		expect(zeroComponents().skills).toBe(0);
	});
});
