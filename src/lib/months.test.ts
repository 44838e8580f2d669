import { describe, expect, it } from 'vitest';
import { monthFromParam, monthParam } from './months';

describe('months', () => {
	it('reads a month from the URL in either form and refuses anything else', () => {
		expect(monthFromParam('2026-11')).toBe('2026-11-01');
		expect(monthFromParam('2026-06-01')).toBe('2026-06-01');
		for (const bad of ['2026-13', '2026-6', '2026-06-15', 'june', '', '2026-00']) {
			expect(monthFromParam(bad)).toBeUndefined();
		}
	});

	it('writes months for the URL', () => {
		expect(monthParam('2026-11-01')).toBe('2026-11');
	});
});
