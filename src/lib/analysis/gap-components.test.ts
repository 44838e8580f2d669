import { describe, expect, it } from 'vitest';
import { GAP_COMPONENTS, zeroComponents } from './gap-components';

describe('zeroComponents', () => {
	it('gives 0 for every component, in a new object each time', () => {
		const zero = zeroComponents();
		expect(Object.keys(zero)).toEqual([...GAP_COMPONENTS]);
		expect(Object.values(zero).every((value) => value === 0)).toBe(true);
		zero.skills = 1;
		expect(zeroComponents().skills).toBe(0);
	});
});
