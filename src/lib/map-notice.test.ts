import { describe, expect, it } from 'vitest';
import { numericMonth, writtenMonth } from './map-notice';

describe('writtenMonth', () => {
	it('writes a month-shaped parameter as MM/YYYY, even an impossible month', () => {
		expect(writtenMonth('2026-13')).toBe('13/2026');
		expect(writtenMonth('2026-1')).toBe('01/2026');
		expect(writtenMonth('2025-02-01')).toBe('02/2025');
	});

	it('quotes anything else as written, cut short when long', () => {
		expect(writtenMonth('tháng mười')).toBe('“tháng mười”');
		expect(writtenMonth('x'.repeat(100))).toBe(`“${'x'.repeat(39)}…”`);
	});
});

describe('numericMonth', () => {
	it('writes a first-of-month date as MM/YYYY', () => {
		expect(numericMonth('2026-11-01')).toBe('11/2026');
	});
});
