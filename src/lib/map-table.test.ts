import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { MapGapValues, MonthValues } from './map/map-states';
import {
	communeTableRows,
	filterTableRows,
	formatTableCell,
	hamletTableRows,
	pageOfRow,
	sortTableRows,
	tableColumns,
	tablePage,
	type HamletFeatureInfo
} from './map-table';
import { tableCsv } from './map-table-csv';

const values: MonthValues = {
	month: '2026-11-01',
	hamletIds: [11, 12, 13, 21],
	values: {
		coverage: [0.5, 0.9, null, 0.2],
		skills: [0.4, 0.7, 0.8, null],
		smartphone: [0.8, 0.9, 0.95, 0.6],
		epayment: [0.3, null, 0.6, 0.1],
		vneid: [0.5, 0.6, 0.7, 0.4]
	},
	communeCodes: ['00004', '09700'],
	communeValues: {
		coverage: [0.6, 0.2],
		skills: [0.55, null],
		smartphone: [0.85, 0.6],
		epayment: [0.3, 0.1],
		vneid: [0.55, 0.4]
	},
	// Hamlet 13 has too few households (1); hamlet 21 too few surveyed adults (2).
	tooFew: [0, 0, 1, 2],
	// None marked rural here (as when these fields were absent): the not-applicable class is tested elsewhere.
	rural: [0, 0, 0, 0],
	communeRural: [0, 0]
};
const gap: MapGapValues = {
	gap: [40.5, 12.25, 30, null],
	hotSpot: [0, 0, 0, 0],
	// 12: rural; 13: rural and minority.
	flags: [0, 1, 3, 0],
	communeGap: [25.1, 60.2],
	communeFlags: [0, 0]
};
const communeNames = new Map([
	['00004', 'Phường Ba Đình'],
	['09700', 'Xã Ba Vì']
]);
const hamlets: HamletFeatureInfo[] = [
	{ id: 11, name: 'Tổ dân phố 2', communeCode: '00004', rural: false },
	{ id: 12, name: 'Thôn Đông', communeCode: '09700', rural: true },
	// A feature cut by a tile edge comes twice; one row.
	{ id: 12, name: 'Thôn Đông', communeCode: '09700', rural: true },
	{ id: 13, name: 'Làng Gi', communeCode: '09700', rural: true },
	{ id: 21, name: 'Tổ dân phố 10', communeCode: '00004', rural: false },
	// Not in the month's figures: left out.
	{ id: 99, name: 'Thôn Mới', communeCode: '09700', rural: true }
];

describe('communeTableRows', () => {
	it('lists every commune with its rates and gap index, by code', () => {
		const rows = communeTableRows(values, gap, communeNames);
		expect(rows.map((row) => [row.key, row.featureId, row.name])).toEqual([
			['00004', 4, 'Phường Ba Đình'],
			['09700', 9700, 'Xã Ba Vì']
		]);
		expect(rows[1]!.cells.coverage).toEqual({ value: 0.2, withheld: false, notApplicable: false });
		expect(rows[1]!.cells.gap.value).toBe(60.2);
		expect(rows[0]!.rural).toBeNull();
	});

	it('marks the urban-only e-payment of an all-rural commune (a xã) not applicable, as the map does', () => {
		const rows = communeTableRows({ ...values, communeRural: [0, 1] }, gap, communeNames);
		expect(rows[1]!.cells.epayment).toEqual({ value: null, withheld: false, notApplicable: true });
		expect(formatTableCell('epayment', rows[1]!.cells.epayment, 'vi')).toBe('không áp dụng');
		// Only the urban-only target: the xã's other rates stand, and the ward's e-payment too.
		expect(rows[1]!.cells.smartphone).toEqual({ value: 0.6, withheld: false, notApplicable: false });
		expect(rows[0]!.cells.epayment).toEqual({ value: 0.3, withheld: false, notApplicable: false });
	});
});

describe('hamletTableRows', () => {
	const rows = hamletTableRows(values, gap, hamlets, communeNames);

	it('gives each hamlet in view one row, with its commune, flags and figures', () => {
		expect(rows.map((row) => row.key)).toEqual(['11', '12', '13', '21']);
		expect(rows[1]).toMatchObject({
			name: 'Thôn Đông',
			communeName: 'Xã Ba Vì',
			rural: true,
			minority: false
		});
		expect(rows[2]).toMatchObject({ rural: true, minority: true });
	});

	it('withholds a figure on too few people instead of showing a rate', () => {
		const few = rows[2]!;
		expect(few.cells.coverage).toEqual({ value: null, withheld: true, notApplicable: false });
		expect(few.cells.gap).toEqual({ value: null, withheld: true, notApplicable: false });
		expect(few.cells.skills.withheld).toBe(false);
		expect(rows[3]!.cells.skills.withheld).toBe(true);
		expect(rows[3]!.cells.coverage).toEqual({ value: 0.2, withheld: false, notApplicable: false });
	});

	it('marks e-payment of a rural hamlet as not applicable, not missing', () => {
		expect(rows[2]!.cells.epayment).toEqual({ value: null, withheld: false, notApplicable: true });
		expect(rows[0]!.cells.epayment.value).toBe(0.3);
	});

	it('does not know minorities without the gap analysis', () => {
		expect(hamletTableRows(values, null, hamlets, communeNames)[2]!.minority).toBeNull();
		expect(tableColumns(null)).not.toContain('gap');
		expect(tableColumns(gap).at(-1)).toBe('gap');
	});
});

describe('sortTableRows', () => {
	const rows = hamletTableRows(values, gap, hamlets, communeNames);
	const keys = (sorted: { key: string }[]) => sorted.map((row) => row.key);

	it('sorts a figure both ways, rows without one last either way', () => {
		expect(keys(sortTableRows(rows, { key: 'coverage', direction: 'ascending' }))).toEqual([
			'21',
			'11',
			'12',
			'13'
		]);
		expect(keys(sortTableRows(rows, { key: 'coverage', direction: 'descending' }))).toEqual([
			'12',
			'11',
			'21',
			'13'
		]);
		expect(keys(sortTableRows(rows, { key: 'gap', direction: 'descending' }))).toEqual([
			'11',
			'12',
			'13',
			'21'
		]);
	});

	it('sorts names the Vietnamese way, numbers in order', () => {
		expect(keys(sortTableRows(rows, { key: 'name', direction: 'ascending' }))).toEqual([
			'13',
			'12',
			'11',
			'21'
		]);
		expect(keys(sortTableRows(rows, { key: 'name', direction: 'descending' }))).toEqual([
			'21',
			'11',
			'12',
			'13'
		]);
		expect(keys(sortTableRows(rows, { key: 'commune', direction: 'ascending' }))).toEqual([
			'11',
			'21',
			'13',
			'12'
		]);
	});

	it('leaves its input alone', () => {
		sortTableRows(rows, { key: 'name', direction: 'descending' });
		expect(keys(rows)).toEqual(['11', '12', '13', '21']);
	});
});

describe('filterTableRows', () => {
	const rows = hamletTableRows(values, gap, hamlets, communeNames);
	const keys = (filter: Parameters<typeof filterTableRows>[1]) =>
		filterTableRows(rows, filter).map((row) => row.key);

	it('matches name or commune without diacritics or case', () => {
		expect(keys({ text: 'thon dong', rural: false, minority: false })).toEqual(['12']);
		expect(keys({ text: 'BA VÌ', rural: false, minority: false })).toEqual(['12', '13']);
		expect(keys({ text: '  ', rural: false, minority: false })).toEqual(['11', '12', '13', '21']);
	});

	it('keeps rural or minority hamlets when asked, and rows that do not know (communes)', () => {
		expect(keys({ text: '', rural: true, minority: false })).toEqual(['12', '13']);
		expect(keys({ text: '', rural: true, minority: true })).toEqual(['13']);
		const communes = communeTableRows(values, gap, communeNames);
		expect(filterTableRows(communes, { text: '', rural: true, minority: true })).toHaveLength(2);
	});
});

describe('tablePage and pageOfRow', () => {
	it('cuts pages and clamps the page asked for', () => {
		const items = Array.from({ length: 120 }, (_, index) => index);
		expect(tablePage(items, 0, 50)).toMatchObject({ page: 0, pages: 3 });
		expect(tablePage(items, 2, 50).rows).toEqual(items.slice(100));
		expect(tablePage(items, 9, 50).page).toBe(2);
		expect(tablePage([], 3, 50)).toEqual({ rows: [], page: 0, pages: 1 });
	});

	it('finds the page a row is on', () => {
		const rows = hamletTableRows(values, gap, hamlets, communeNames);
		expect(pageOfRow(rows, '13', 2)).toBe(1);
		expect(pageOfRow(rows, '404', 2)).toBeUndefined();
	});
});

describe('tableCsv', () => {
	it('writes UTF-8 with a BOM, percentages, the index, and "ít số liệu" for withheld figures', () => {
		const rows = hamletTableRows(values, gap, hamlets, communeNames);
		const text = tableCsv(rows, 'hamlet', tableColumns(gap), 'vi');
		expect(text.startsWith('\uFEFF')).toBe(true);
		const [header, ...records] = parse(text.slice(1)) as string[][];
		expect(header).toEqual([
			'Mã',
			'Thôn, tổ dân phố',
			'Xã, phường',
			'Hộ được tiếp cận (%)',
			'Kỹ năng số (%)',
			'Điện thoại thông minh (%)',
			'Thanh toán điện tử (%)',
			'VNeID mức 2 (%)',
			'Khoảng cách số (điểm)'
		]);
		expect(records[0]).toEqual([
			'11',
			'Tổ dân phố 2',
			'Phường Ba Đình',
			'50',
			'40',
			'80',
			'30',
			'50',
			'40.5'
		]);
		expect(records[2]).toEqual([
			'13',
			'Làng Gi',
			'Xã Ba Vì',
			'ít số liệu',
			'80',
			'95',
			'không áp dụng',
			'70',
			'ít số liệu'
		]);
		expect(records[3]![4]).toBe('ít số liệu');
	});

	it('writes communes without a commune column, in English when asked', () => {
		const text = tableCsv(communeTableRows(values, null, communeNames), 'commune', tableColumns(null), 'en');
		const [header, first] = parse(text.slice(1)) as string[][];
		expect(header!.slice(0, 3)).toEqual(['Code', 'Commune', 'Coverage (%)']);
		expect(first).toEqual(['00004', 'Phường Ba Đình', '60', '55', '85', '30', '55']);
	});
});

describe('formatTableCell', () => {
	it('shows a share, the index, or why there is no figure', () => {
		expect(formatTableCell('skills', { value: 0.4321, withheld: false, notApplicable: false }, 'vi')).toBe(
			'43,2%'
		);
		expect(formatTableCell('gap', { value: 40.5, withheld: false, notApplicable: false }, 'en')).toBe('40.5');
		expect(formatTableCell('coverage', { value: null, withheld: true, notApplicable: false }, 'vi')).toBe(
			'ít số liệu'
		);
		expect(formatTableCell('epayment', { value: null, withheld: false, notApplicable: true }, 'en')).toBe(
			'not applicable'
		);
		expect(formatTableCell('vneid', { value: null, withheld: false, notApplicable: false }, 'vi')).toBe('–');
	});
});
