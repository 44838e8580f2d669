import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { IMPORT_KINDS } from '$lib/domain';
import { errorsCsv, errorsXlsx, ERROR_COLUMN } from './error-files';
import { readTable } from './read-table';
import { templateCsv, templateXlsx } from './templates';
import { validateTable, type ReferenceData } from './validate-rows';

const HAMLETS = [
	{
		id: 4001,
		communeCode: '00004',
		name: 'Tổ dân phố 1',
		households: 500,
		adults: 1400,
		elderly: 250,
		minorityShare: 0,
		isRural: false,
		lng: 105.833,
		lat: 21.036
	},
	{
		id: 4002,
		communeCode: '00004',
		name: '=HYPERLINK("x")',
		households: 500,
		adults: 1400,
		elderly: 250,
		minorityShare: 0,
		isRural: false,
		lng: 105.834,
		lat: 21.036
	}
];
const TEAMS = [{ id: 1, communeCode: '00004', name: 'Tổ CĐS số 1' }];
const REFERENCE: ReferenceData = {
	hamlets: HAMLETS,
	teams: TEAMS,
	communeCodes: new Set(['00004']),
	today: '2026-11-29'
};
const CONTEXT = { communeCode: '00004', hamlets: HAMLETS, teams: TEAMS, today: '2026-11-29' };
const SCOPE = { communeCodes: ['00004'], selected: '00004' };

describe('templates', () => {
	it.each(IMPORT_KINDS)(
		'%s: the .xlsx and the CSV, as downloaded, read back without errors',
		async (kind) => {
			for (const [file, name] of [
				[await templateXlsx(kind, CONTEXT), 'mau.xlsx'],
				[new TextEncoder().encode(templateCsv(kind, CONTEXT)), 'mau.csv']
			] as const) {
				const validation = await validateTable(kind, await readTable(file, name), REFERENCE, SCOPE);
				expect(validation.errors, name).toEqual([]);
				expect(validation.records.rows, name).toHaveLength(1);
			}
		}
	);

	it('has the Vietnamese headers, drop-down lists, and the hamlets (escaped) and teams on their own sheets', async () => {
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(Buffer.from(await templateXlsx('activities', CONTEXT)) as never);
		const [data, hamlets, teams] = workbook.worksheets;
		expect(data!.getRow(1).getCell(4).value).toBe('Tên thôn/tổ dân phố');
		expect(data!.getCell('G2').dataValidation).toMatchObject({
			type: 'list',
			formulae: ['"Đến từng hộ,Lớp học,Sự kiện,Trực tuyến"']
		});
		expect(hamlets!.getRow(3).values).toEqual([undefined, 4002, '00004', `'=HYPERLINK("x")`]);
		expect(teams!.getRow(2).values).toEqual([undefined, 1, '00004', 'Tổ CĐS số 1']);
	});
});

describe('error files', () => {
	const csv = new TextEncoder().encode('Mã thôn;Tên tổ CĐS\r\n4001;=cmd|x\r\n9999;Tổ 1\r\n');
	const errors = [
		{
			row: 3,
			column: 'Mã thôn',
			value: '9999',
			code: 'unknown-hamlet',
			vi: 'Không có thôn mã 9999',
			en: 'No hamlet has id 9999'
		}
	];

	it('give the sheet back with an error column, every cell escaped against formulas', async () => {
		const text = await errorsCsv(csv, 'a.csv', errors);
		expect(text.split('\r\n').slice(0, 3)).toEqual([
			`\uFEFFMã thôn,Tên tổ CĐS,${ERROR_COLUMN}`,
			"4001,'=cmd|x,",
			'9999,Tổ 1,[Mã thôn = 9999] Không có thôn mã 9999 — No hamlet has id 9999'
		]);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(Buffer.from(await errorsXlsx(csv, 'a.csv', errors)) as never);
		expect(workbook.worksheets[0]!.getRow(2).values).toEqual([undefined, '4001', "'=cmd|x", '']);
	});

	it('are read again as the same sheet: the error column is ignored', async () => {
		const again = await readTable(new TextEncoder().encode(await errorsCsv(csv, 'a.csv', errors)), 'b.csv');
		const validation = await validateTable('activities', again, REFERENCE, SCOPE);
		expect(validation.warnings.filter((warning) => warning.code === 'ignored-column')).toEqual([]);
	});
});
