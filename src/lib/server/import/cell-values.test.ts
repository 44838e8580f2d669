import { describe, expect, it } from 'vitest';
import {
	MAX_COUNT,
	readActivityKind,
	readArea,
	readCount,
	readDate,
	readId,
	readMonth,
	readPercent,
	readText,
	readTopics
} from './cell-values';

const value = <T>(read: { ok: true; value: T } | { ok: false }) => (read.ok ? read.value : 'refused');

describe('numbers as Vietnamese offices write them', () => {
	it.each([
		[12, 12],
		['12', 12],
		['1.234', 1234],
		['1.234.567', 'refused'],
		['12 345', 12345],
		['12\u00a0345', 12345],
		['1,5', 'refused'],
		['1,234', 'refused'],
		['1.23', 'refused'],
		['-3', 'refused'],
		[-3, 'refused'],
		[2.5, 'refused'],
		['mười', 'refused'],
		[MAX_COUNT, MAX_COUNT],
		[MAX_COUNT + 1, 'refused'],
		[{ formula: 'SUM(A1:A3)', result: 7 }, 7],
		[{ formula: "cmd|' /C calc'!A0" }, 'refused']
	])('count %j → %j', (cell, expected) => {
		expect(value(readCount(cell as never))).toBe(expected === 'refused' ? 'refused' : expected);
	});

	it.each([
		['12,5', 12.5],
		['12.5', 12.5],
		['12,5%', 12.5],
		[0, 0],
		[100, 100],
		['100,1', 'refused'],
		['-1', 'refused'],
		['nhiều', 'refused']
	])('percent %j → %j', (cell, expected) => {
		expect(value(readPercent(cell))).toBe(expected);
	});
});

describe('ids', () => {
	it.each([
		[9700001, 9700001],
		['9700001', 9700001],
		[2_147_483_647, 2_147_483_647],
		[2_147_483_648, 'refused'],
		[0, 'refused'],
		['0x1F', 'refused'],
		['1e3', 'refused'],
		[1.5, 'refused']
	])('id %j → %j', (cell, expected) => {
		expect(value(readId(cell))).toBe(expected);
	});
});

describe('dates as Vietnamese offices write them', () => {
	it.each([
		['14/03/2026', '2026-03-14'],
		['4/3/2026', '2026-03-04'],
		['14-03-2026', '2026-03-14'],
		['14.03.2026', '2026-03-14'],
		['2026-03-14', '2026-03-14'],
		['46095', '2026-03-14'],
		[46095, '2026-03-14'],
		[new Date(Date.UTC(2026, 2, 14)), '2026-03-14'],
		['31/02/2026', 'refused'],
		['03/14/2026', 'refused'],
		['14/03/26', 'refused'],
		[36300, 'refused'],
		['hôm qua', 'refused'],
		[{ formula: 'TODAY()', result: new Date(Date.UTC(2026, 10, 1)) }, '2026-11-01']
	])('date %j → %j', (cell, expected) => {
		expect(value(readDate(cell as never))).toBe(expected);
	});

	it.each([
		['03/2026', '2026-03-01'],
		['3/2026', '2026-03-01'],
		['2026-03', '2026-03-01'],
		['15/03/2026', '2026-03-01'],
		[new Date(Date.UTC(2026, 2, 1)), '2026-03-01'],
		['13/2026', 'refused'],
		['tháng ba', 'refused']
	])('month %j → %j', (cell, expected) => {
		expect(value(readMonth(cell))).toBe(expected);
	});
});

describe('words', () => {
	it('reads kinds and topics by code or name, in either language, with or without diacritics', () => {
		expect(value(readActivityKind('Lớp học'))).toBe('class');
		expect(value(readActivityKind('lop hoc'))).toBe('class');
		expect(value(readActivityKind('Door-to-door'))).toBe('door-to-door');
		expect(value(readActivityKind('họp'))).toBe('refused');
		expect(value(readTopics('VNeID; an toàn trên không gian mạng, AI'))).toEqual(['vneid', 'safety', 'ai']);
		expect(value(readTopics('payment, payment'))).toEqual(['payment']);
		expect(value(readTopics(' , '))).toBe('refused');
	});

	it('reads rural and urban', () => {
		expect(value(readArea('Nông thôn'))).toBe(true);
		expect(value(readArea('thanh thi'))).toBe(false);
		expect(value(readArea('urban'))).toBe(false);
		expect(value(readArea('núi'))).toBe('refused');
	});

	it('keeps a formula as its text, NFC, and refuses control characters and overlong text', () => {
		expect(value(readText({ formula: "cmd|' /C calc'!A0" }))).toBe("=cmd|' /C calc'!A0");
		expect(value(readText('Tổ dân phố'.normalize('NFD')))).toBe('Tổ dân phố');
		expect(value(readText('a\u0007b'))).toBe('refused');
		expect(value(readText('x'.repeat(201)))).toBe('refused');
	});
});
