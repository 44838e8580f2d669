import { describe, expect, it } from 'vitest';
import {
	formatCount,
	formatDate,
	formatDateTime,
	formatMonth,
	formatNumber,
	formatShare,
	formatTime
} from './format';

describe('Vietnamese number formats', () => {
	it('groups thousands with dots and uses a decimal comma', () => {
		expect(formatCount(12345, 'vi')).toBe('12.345');
		expect(formatShare(0.8234, 'vi')).toBe('82,3%');
		expect(formatShare(0.737, 'vi')).toBe('73,7%');
		expect(formatShare(1.25, 'vi')).toBe('125%');
		expect(formatShare(null, 'vi')).toBe('–');
		expect(formatNumber(12.34, { maximumFractionDigits: 1 }, 'vi')).toBe('12,3');
	});

	it('writes dates day first and months as "Tháng m/yyyy"', () => {
		expect(formatDate('2026-03-14', 'vi')).toBe('14/03/2026');
		expect(formatMonth('2026-06-01', 'vi')).toBe('Tháng 6/2026');
	});

	it('writes an instant in Hanoi time, the next day when UTC is still on the evening before', () => {
		expect(formatDateTime(new Date('2026-11-29T18:54:10Z'), 'vi')).toBe('01:54:10 30/11/2026');
	});

	it('writes the hour and minute of an instant in Hanoi time', () => {
		expect(formatTime(new Date('2026-11-29T07:05:59Z'), 'vi')).toBe('14:05');
		expect(formatTime(new Date('2026-11-29T18:54:10Z'), 'en')).toBe('01:54');
	});

	it('is the default outside a request (the base locale)', () => {
		expect(formatShare(0.737)).toBe('73,7%');
		expect(formatCount(12345)).toBe('12.345');
	});
});

describe('English number formats', () => {
	it('groups thousands with commas and uses a decimal point', () => {
		expect(formatCount(12345, 'en')).toBe('12,345');
		expect(formatShare(0.737, 'en')).toBe('73.7%');
		expect(formatShare(0.8234, 'en', 0)).toBe('82%');
		expect(formatShare(undefined, 'en')).toBe('–');
		expect(formatNumber(12.34, { minimumFractionDigits: 1, maximumFractionDigits: 1 }, 'en')).toBe('12.3');
	});

	it('writes dates with the month in words', () => {
		expect(formatDate('2026-03-14', 'en')).toBe('14 Mar 2026');
		expect(formatMonth('2026-06-01', 'en')).toBe('June 2026');
		expect(formatMonth('2026-12-01', 'en')).toBe('December 2026');
		expect(formatDateTime(new Date('2026-11-29T18:54:10Z'), 'en')).toBe('30 Nov 2026, 01:54:10');
	});
});
