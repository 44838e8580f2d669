import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatShare } from './format';

describe('Vietnamese number formats', () => {
	it('groups thousands with dots and uses a decimal comma', () => {
		expect(formatCount(12345)).toBe('12.345');
		expect(formatShare(0.8234)).toBe('82,3%');
		expect(formatShare(1.25)).toBe('125%');
		expect(formatShare(null)).toBe('–');
	});

	it('writes dates day first', () => {
		expect(formatDate('2026-03-14')).toBe('14/03/2026');
	});
});
