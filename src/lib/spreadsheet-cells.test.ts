import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { escapeSpreadsheetCell, spreadsheetCsv } from './spreadsheet-cells';

describe('escapeSpreadsheetCell', () => {
	it.each([
		['=HYPERLINK("http://example.com","x")', `'=HYPERLINK("http://example.com","x")`],
		['+1+2', `'+1+2`],
		['-2+3', `'-2+3`],
		['@SUM(A1)', `'@SUM(A1)`],
		['\t=1', `'\t=1`],
		['\r=1', `'\r=1`]
	])('quotes %j so a spreadsheet shows it as text', (text, escaped) => {
		expect(escapeSpreadsheetCell(text)).toBe(escaped);
	});

	it('leaves ordinary text, numbers (negative too) and empty cells alone', () => {
		expect(escapeSpreadsheetCell('Thôn Đồng Chằm = ưu tiên')).toBe('Thôn Đồng Chằm = ưu tiên');
		expect(escapeSpreadsheetCell(-3)).toBe(-3);
		expect(escapeSpreadsheetCell(null)).toBe('');
		expect(escapeSpreadsheetCell(undefined)).toBe('');
	});
});

describe('spreadsheetCsv', () => {
	it('writes UTF-8 with a byte-order mark, Windows line ends and every cell escaped', () => {
		const csv = spreadsheetCsv(
			['Tên', 'Số'],
			[
				['=1+1', 5],
				['Đợt "một", hai', -1]
			]
		);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv.slice(1)).toBe('Tên,Số\r\n\'=1+1,5\r\n"Đợt ""một"", hai",-1\r\n');
		expect(parse(csv.slice(1))).toEqual([
			['Tên', 'Số'],
			["'=1+1", '5'],
			['Đợt "một", hai', '-1']
		]);
	});
});
