// Spreadsheet files for the import tests and the bench: .xlsx written with exceljs (as an office's Excel
// would save them) and CSV text, from a header and rows.
import ExcelJS from 'exceljs';

export type TestCell = string | number | Date | null | { formula: string; result?: number | string };

/** An .xlsx with one sheet: the header, then the rows. */
export async function xlsxFile(
	header: readonly string[],
	rows: readonly (readonly TestCell[])[]
): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('Dữ liệu');
	sheet.addRow([...header]);
	for (const row of rows) sheet.addRow(row.map((cell) => (cell === null ? undefined : cell)));
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** CSV text (`;` between cells, quoted where needed), as UTF-8 bytes with a BOM unless `bom: false`. */
export function csvFile(
	header: readonly string[],
	rows: readonly (readonly (string | number | null)[])[],
	options: { delimiter?: string; bom?: boolean } = {}
): Uint8Array {
	const delimiter = options.delimiter ?? ';';
	const quote = (cell: string | number | null) => {
		const text = cell === null ? '' : String(cell);
		return /["\n\r;,]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
	};
	const text = [header, ...rows].map((row) => row.map(quote).join(delimiter)).join('\r\n');
	return new TextEncoder().encode(`${options.bom === false ? '' : '\uFEFF'}${text}\r\n`);
}
