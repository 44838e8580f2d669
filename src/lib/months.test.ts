import { describe, expect, it } from 'vitest';
import { monthFromParam, monthLabel, monthParam } from './months';

describe('months', () => {
	it('reads a month from the URL in either form and refuses anything else', () => {
		expect(monthFromParam('2026-11')).toBe('2026-11-01');
		expect(monthFromParam('2026-06-01')).toBe('2026-06-01');
		for (const bad of ['2026-13', '2026-6', '2026-06-15', 'june', '', '2026-00']) {
			expect(monthFromParam(bad)).toBeUndefined();
		}
	});

	it('writes and labels months', () => {
		expect(monthParam('2026-11-01')).toBe('2026-11');
		expect(monthLabel('2026-06-01')).toEqual({ vi: 'Tháng 6/2026', en: 'June 2026' });
	});
});
