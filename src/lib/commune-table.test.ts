import { describe, expect, it } from 'vitest';
import {
	communeTableParams,
	communeTableRows,
	communeTableViewOrDefault,
	DEFAULT_VIEW,
	describeCommuneTableView,
	isFiltered,
	readCommuneTableView,
	viewHref,
	withCommuneTableView
} from './commune-table';
import type { CommuneRow } from './dashboard';
import { InputError } from './input-error';

function row(
	code: string,
	name: string,
	overrides: Partial<CommuneRow> = {},
	skills: number | null = 0.5
): CommuneRow {
	const kpi = { value: skills, status: null, gap: null, trend: [] };
	return {
		code,
		name,
		fullName: `${overrides.unitType === 'phường' ? 'Phường' : 'Xã'} ${name}`,
		unitType: 'xã',
		minorityArea: false,
		kpis: { skills: kpi, smartphone: kpi, epayment: kpi, training: kpi, vneid: kpi },
		coverage: null,
		gapIndex: null,
		hotSpotHamlets: 0,
		elderlyReached: 0,
		elderlyUnrecorded: 0,
		minorityPeopleReached: 0,
		minorityPeopleUnrecorded: 0,
		minorityCoverage: null,
		offTrack: false,
		...overrides
	};
}

const ROWS = [
	row('00004', 'Ba Đình', { unitType: 'phường', gapIndex: 20 }, 0.9),
	row('09700', 'Ba Vì', { minorityArea: true, gapIndex: 60, offTrack: true }, 0.4),
	row('10000', 'Yên Bài', { minorityArea: true, gapIndex: 40 }, null),
	row('08000', 'Đông Anh', { gapIndex: null }, 0.6)
];

const params = (query: string) => new URLSearchParams(query);

describe('the communes table view in the URL', () => {
	it('reads the default view from no parameters and writes none back', () => {
		expect(readCommuneTableView(params(''))).toEqual(DEFAULT_VIEW);
		expect(communeTableParams(DEFAULT_VIEW)).toEqual([]);
		expect(isFiltered(DEFAULT_VIEW)).toBe(false);
	});

	it('round-trips every parameter, keeping the month and leaving defaults out', () => {
		const view = readCommuneTableView(
			params('kpi=epayment&unit=xa&minority=1&offtrack=1&q=ba%20vi&sort=skills&order=desc')
		);
		expect(view).toEqual({
			kpi: 'epayment',
			unit: 'xã',
			minority: true,
			offTrack: true,
			query: 'ba vi',
			sort: 'skills',
			descending: true
		});
		expect(readCommuneTableView(withCommuneTableView(params('month=2026-10'), view))).toEqual(view);
		expect(withCommuneTableView(params('month=2026-10&unit=phuong'), DEFAULT_VIEW).toString()).toBe(
			'month=2026-10'
		);
		// A rate sorts from the lowest by default, so ascending needs no parameter.
		expect(communeTableParams({ ...DEFAULT_VIEW, sort: 'skills', descending: false })).toEqual([
			['sort', 'skills']
		]);
		expect(viewHref('/dashboard/communes.csv', '2026-10-01', { ...DEFAULT_VIEW, unit: 'phường' })).toBe(
			'/dashboard/communes.csv?month=2026-10&unit=phuong'
		);
	});

	it.each([
		['unit=huyen', 'unit'],
		['kpi=gap', 'kpi'],
		['sort=__proto__', 'sort'],
		['order=up', 'order'],
		['minority=yes', 'minority'],
		['offtrack=2', 'offtrack'],
		[`q=${'a'.repeat(101)}`, 'q'],
		['q=%00', 'q']
	])('refuses %s (400, the parameter named)', (query, path) => {
		let refused: unknown;
		try {
			readCommuneTableView(params(query));
		} catch (thrown) {
			refused = thrown;
		}
		expect(refused).toBeInstanceOf(InputError);
		expect((refused as InputError).path).toBe(path);
		// The browser shows the default view for a link it cannot read rather than failing.
		expect(communeTableViewOrDefault(params(query))).toEqual(DEFAULT_VIEW);
	});

	it('filters by unit, minority area, off track and a search without diacritics', () => {
		const codes = (query: string) =>
			communeTableRows(ROWS, readCommuneTableView(params(query))).map((commune) => commune.code);
		expect(codes('unit=xa&sort=name')).toEqual(['09700', '08000', '10000']);
		expect(codes('unit=phuong')).toEqual(['00004']);
		expect(codes('minority=1')).toEqual(['09700', '10000']);
		expect(codes('offtrack=1')).toEqual(['09700']);
		expect(codes('q=dong%20anh')).toEqual(['08000']);
		expect(codes('q=09700')).toEqual(['09700']);
	});

	it('sorts with missing values last in either direction, ties by code', () => {
		const codes = (query: string) =>
			communeTableRows(ROWS, readCommuneTableView(params(query))).map((commune) => commune.code);
		expect(codes('')).toEqual(['09700', '10000', '00004', '08000']);
		expect(codes('order=asc')).toEqual(['00004', '10000', '09700', '08000']);
		expect(codes('sort=skills')).toEqual(['09700', '08000', '00004', '10000']);
		expect(codes('sort=skills&order=desc')).toEqual(['00004', '08000', '09700', '10000']);
	});

	it('says the view in words, in both languages', () => {
		const view = readCommuneTableView(params('unit=xa&minority=1&q=ba&sort=skills'));
		expect(describeCommuneTableView(view, 'vi')).toBe(
			'Bộ lọc: xã; Chỉ vùng đồng bào dân tộc thiểu số; tên hoặc mã có "ba". Sắp xếp: Kỹ năng số, tăng dần.'
		);
		expect(describeCommuneTableView(DEFAULT_VIEW, 'en')).toMatch(
			/^Filter: none\. Sorted by .+, descending\.$/
		);
	});
});
