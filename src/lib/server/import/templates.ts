// The files an office fills in: per kind, an .xlsx with the Vietnamese headers, an example row, drop-down
// lists for the vocabularies (kinds, topics, rural/urban, the hamlets' and teams' names) and the commune's
// hamlets and teams with their ids on their own sheets; and the same headers as CSV.
import ExcelJS from 'exceljs';
import { ACTIVITY_KINDS, OUTREACH_TOPICS, type ImportKind } from '$lib/domain';
import { IMPORT_KIND_COLUMNS, importColumn, type ImportField } from '$lib/import-columns';
import { activityKindLabel, outreachTopicLabel } from '$lib/labels';
import type { Named } from './name-matching';
import { escapeSpreadsheetCell, spreadsheetCsv } from '$lib/spreadsheet-cells';

/** What a template is made for: the commune (null: all), its hamlets and teams, and today (Hanoi). */
export interface TemplateContext {
	communeCode: string | null;
	hamlets: readonly Named[];
	teams: readonly Named[];
	today: string;
}

/** Rows a template's drop-down lists and formats cover. */
const TEMPLATE_ROWS = 5000;

function columnLetter(index: number): string {
	let letter = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
		letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
	return letter;
}

/** The example row's value of each field. */
function exampleValue(field: ImportField, context: TemplateContext): string | number | Date | null {
	const hamlet = context.hamlets[0];
	const team =
		context.teams.find((candidate) => candidate.communeCode === hamlet?.communeCode) ?? context.teams[0];
	const [year, month, day] = context.today.split('-').map(Number) as [number, number, number];
	const examples: Partial<Record<ImportField, string | number | Date | null>> = {
		activityKey: 'HD-0001',
		hamletId: hamlet?.id ?? null,
		communeCode: hamlet?.communeCode ?? context.communeCode,
		hamletName: hamlet?.name ?? null,
		teamId: null,
		teamName: team?.name ?? 'Tổ CĐS số 1',
		activityKind: activityKindLabel('door-to-door', 'vi'),
		occurredOn: new Date(Date.UTC(year, month - 1, day)),
		householdsNew: 12,
		householdsRevisited: 3,
		peopleGuided: 30,
		peopleAged60Plus: 8,
		peopleFromMinorities: 0,
		topics: `${outreachTopicLabel('vneid', 'vi')}, ${outreachTopicLabel('safety', 'vi')}`,
		lng: null,
		lat: null,
		note: '',
		month: `${String(month).padStart(2, '0')}/${year}`,
		adultsAssessed: 120,
		withBasicSkills: 80,
		withSmartphone: 100,
		withEpayment: 45,
		withVneidLevel2: 90,
		members: 10,
		membersTrained: 8,
		households: 450,
		adults: 1200,
		elderly: 210,
		minorityPercent: 0,
		area: 'thành thị'
	};
	return examples[field] ?? null;
}

/** exceljs validates whole ranges at run time (worksheet.dataValidations), but its typings omit it. */
type RangeValidations = ExcelJS.Worksheet & {
	dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
};

/** A list validation whose values are given inline (Excel keeps at most 255 characters of them). */
function inlineList(values: readonly string[]): string {
	return `"${values.join(',')}"`;
}

/** The template of `kind` as an .xlsx. */
export async function templateXlsx(kind: ImportKind, context: TemplateContext): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Gõ Từng Nhà';
	const sheet = workbook.addWorksheet('Dữ liệu', { views: [{ state: 'frozen', ySplit: 1 }] });
	const hamletSheet = workbook.addWorksheet('Thôn, tổ dân phố');
	const teamSheet = workbook.addWorksheet('Tổ CĐS');
	const fields = IMPORT_KIND_COLUMNS[kind].map((column) => column.field);
	sheet.columns = fields.map((field) => ({
		header: importColumn(field).header.vi,
		key: field,
		width: Math.max(14, importColumn(field).header.vi.length + 4)
	}));
	sheet.getRow(1).font = { bold: true };
	sheet.addRow(fields.map((field) => exampleValue(field, context)));

	hamletSheet.columns = [
		{ header: 'Mã thôn', key: 'id', width: 10 },
		{ header: 'Mã xã/phường', key: 'communeCode', width: 14 },
		{ header: 'Tên thôn/tổ dân phố', key: 'name', width: 36 }
	];
	hamletSheet.getRow(1).font = { bold: true };
	for (const hamlet of context.hamlets)
		hamletSheet.addRow([hamlet.id, hamlet.communeCode, escapeSpreadsheetCell(hamlet.name)]);
	teamSheet.columns = [
		{ header: 'Mã tổ CĐS', key: 'id', width: 10 },
		{ header: 'Mã xã/phường', key: 'communeCode', width: 14 },
		{ header: 'Tên tổ CĐS', key: 'name', width: 36 }
	];
	teamSheet.getRow(1).font = { bold: true };
	for (const team of context.teams)
		teamSheet.addRow([team.id, team.communeCode, escapeSpreadsheetCell(team.name)]);

	const lists: Partial<Record<ImportField, { formula: string; strict: boolean }>> = {
		activityKind: {
			formula: inlineList(ACTIVITY_KINDS.map((code) => activityKindLabel(code, 'vi'))),
			strict: true
		},
		// Several topics go in one cell, so the list helps without refusing what it does not hold.
		topics: {
			formula: inlineList(OUTREACH_TOPICS.map((code) => outreachTopicLabel(code, 'vi'))),
			strict: false
		},
		area: { formula: inlineList(['nông thôn', 'thành thị']), strict: true },
		hamletName: {
			formula: `'Thôn, tổ dân phố'!$C$2:$C$${Math.max(2, context.hamlets.length + 1)}`,
			strict: false
		},
		teamName: { formula: `'Tổ CĐS'!$C$2:$C$${Math.max(2, context.teams.length + 1)}`, strict: false }
	};
	fields.forEach((field, index) => {
		const letter = columnLetter(index);
		const list = lists[field];
		if (list) {
			(sheet as RangeValidations).dataValidations.add(`${letter}2:${letter}${TEMPLATE_ROWS}`, {
				type: 'list',
				allowBlank: true,
				formulae: [list.formula],
				showErrorMessage: list.strict,
				errorStyle: 'stop',
				errorTitle: 'Giá trị không có trong danh sách',
				error: 'Hãy chọn một giá trị trong danh sách'
			});
		}
		if (importColumn(field).type === 'date') sheet.getColumn(index + 1).numFmt = 'dd/mm/yyyy';
		if (importColumn(field).type === 'month' || field === 'communeCode' || field === 'activityKey') {
			// Text, so Excel keeps '03/2026' and '00004' as written.
			sheet.getColumn(index + 1).numFmt = '@';
		}
	});
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The template of `kind` as CSV (UTF-8 with BOM, `,`): the headers and the example row. */
export function templateCsv(kind: ImportKind, context: TemplateContext): string {
	const fields = IMPORT_KIND_COLUMNS[kind].map((column) => column.field);
	const example = fields.map((field) => {
		const value = exampleValue(field, context);
		if (value instanceof Date)
			return `${context.today.slice(8, 10)}/${context.today.slice(5, 7)}/${context.today.slice(0, 4)}`;
		return value;
	});
	return spreadsheetCsv(
		fields.map((field) => importColumn(field).header.vi),
		[example]
	);
}
