// The uploaded sheet given back with an error column ("Lỗi / Error"), as CSV or .xlsx: the office fixes
// the rows in it and uploads it again (the import ignores that column). Every cell is escaped against
// formulas (spreadsheet-cells.ts).
import ExcelJS from 'exceljs';
import type { ImportIssue } from '$lib/import-report';
import { escapeSpreadsheetCell, spreadsheetCsv } from '$lib/spreadsheet-cells';
import { cellText } from './cell-values';
import { readTable } from './read-table';

export const ERROR_COLUMN = 'Lỗi / Error';

/** One issue as the error column writes it: column, value, Vietnamese — English. */
function issueText(issue: ImportIssue): string {
	const where = issue.column ? `[${issue.column}${issue.value ? ` = ${issue.value}` : ''}] ` : '';
	return `${where}${issue.vi} — ${issue.en}`;
}

/** The sheet's rows with their errors: the header (with the error column), then every data row. */
async function rowsWithErrors(bytes: Uint8Array, fileName: string, errors: readonly ImportIssue[]) {
	const byRow = new Map<number, string[]>();
	for (const error of errors) byRow.set(error.row, [...(byRow.get(error.row) ?? []), issueText(error)]);
	let table;
	try {
		table = await readTable(bytes, fileName);
	} catch {
		// The file itself could not be read: the errors alone.
		return {
			header: ['Dòng / Row', ERROR_COLUMN],
			rows: errors.map((error) => [String(error.row), issueText(error)])
		};
	}
	const [first, ...rest] = table.rows;
	const width = Math.max(0, ...table.rows.map((row) => row.cells.length));
	const pad = (cells: string[]) => [...cells, ...Array<string>(Math.max(0, width - cells.length)).fill('')];
	const header = first ? pad(first.cells.map(cellText)) : [];
	const errorIndex = header.indexOf(ERROR_COLUMN);
	const strip = (cells: string[]) =>
		errorIndex >= 0 ? cells.filter((_, index) => index !== errorIndex) : cells;
	const fileErrors = [...(byRow.get(0) ?? []), ...(first ? (byRow.get(first.number) ?? []) : [])];
	const rows = rest.map((row) => [
		...strip(pad(row.cells.map(cellText))),
		(byRow.get(row.number) ?? []).join('\n')
	]);
	if (fileErrors.length > 0) rows.unshift([...strip(pad([])), fileErrors.join('\n')]);
	return { header: [...strip(header), ERROR_COLUMN], rows };
}

/** The sheet with its error column as CSV (UTF-8 with BOM). */
export async function errorsCsv(
	bytes: Uint8Array,
	fileName: string,
	errors: readonly ImportIssue[]
): Promise<string> {
	const { header, rows } = await rowsWithErrors(bytes, fileName, errors);
	return spreadsheetCsv(header, rows);
}

/** The sheet with its error column as .xlsx, the rows with errors in red. */
export async function errorsXlsx(
	bytes: Uint8Array,
	fileName: string,
	errors: readonly ImportIssue[]
): Promise<Uint8Array> {
	const { header, rows } = await rowsWithErrors(bytes, fileName, errors);
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('Lỗi', { views: [{ state: 'frozen', ySplit: 1 }] });
	sheet.addRow(header.map(escapeSpreadsheetCell)).font = { bold: true };
	for (const row of rows) {
		const added = sheet.addRow(row.map(escapeSpreadsheetCell));
		if (row.at(-1)) added.getCell(row.length).font = { color: { argb: 'FFB00020' } };
	}
	sheet.getColumn(header.length).width = 80;
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}
