// Spreadsheet exports (CSV now, XLSX later) go through one escaping of their cells.
// The browser build: the same code with what it needs of Node's Buffer, so the map's table can use it too.
import { stringify } from 'csv-stringify/browser/esm/sync';

/**
 * Excel, LibreOffice and Google Sheets run a cell that starts with `=`, `+`, `-` or `@` (or a tab or
 * carriage return before one) as a formula: a plan named `=HYPERLINK(…)` would become a live link. Such
 * text gets a leading `'`, which shows it as text (OWASP's "CSV injection" advice). Numbers pass as they
 * are, so a negative figure stays a number.
 */
export function escapeSpreadsheetCell(value: Cell): string | number {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return value;
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

type Cell = string | number | null | undefined;

/**
 * A CSV file with its column names and rows, every cell escaped: UTF-8 with a byte-order mark so that
 * Excel shows the Vietnamese letters, Windows line ends.
 */
export function spreadsheetCsv(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
	const records = rows.map((row) => row.map(escapeSpreadsheetCell));
	return (
		'\uFEFF' +
		stringify(records, {
			header: true,
			columns: columns.map(escapeSpreadsheetCell).map(String),
			record_delimiter: 'windows'
		})
	);
}
