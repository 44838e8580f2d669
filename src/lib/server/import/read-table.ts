// An uploaded spreadsheet as rows of cells: .xlsx through exceljs's streaming reader (the first sheet;
// 100,000 rows in about a second and a fraction of readFile's memory), CSV through csv-parse after
// decoding (decode-text.ts). The limits are checked here, before anything is kept in memory for long.
import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { readWholeLetters } from './xlsx-whole-letters';
import { InputError } from '$lib/input-error';
import type { Cell } from './cell-values';
import { decodeText, type TextEncoding } from './decode-text';
import { checkZipEntries } from './zip-entries';

/** The limits of one upload, stated on the page and in the README. */
export const IMPORT_LIMITS = {
	/** Bytes of the file as uploaded. */
	fileBytes: 25 * 1024 * 1024,
	/** Rows of data (the header not counted). */
	rows: 200_000,
	/** Characters of one CSV record, which stops a runaway quoted field before it fills the memory. */
	recordCharacters: 100_000
} as const;

export interface TableRow {
	/** The row's number as the spreadsheet shows it (CSV: its line). */
	number: number;
	cells: Cell[];
}

export interface Table {
	format: 'xlsx' | 'csv';
	/** For CSV: the encoding it was read in. */
	encoding?: TextEncoding;
	rows: TableRow[];
}

/** Called every few thousand rows with how many were read so far. */
export type RowProgress = (rows: number) => void | Promise<void>;

const PROGRESS_EVERY = 2000;

function tooManyRows(): InputError {
	return InputError.invalid('too-many-rows', {
		vi: `Tệp có hơn ${IMPORT_LIMITS.rows.toLocaleString('vi-VN')} dòng: hãy chia thành nhiều tệp`,
		en: `The file has more than ${IMPORT_LIMITS.rows.toLocaleString('en-US')} rows: split it into several files`
	});
}

function isBlankRow(cells: Cell[]): boolean {
	return cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''));
}

/** Refuses what is not a spreadsheet we read, by its first bytes rather than its name. */
function formatOf(bytes: Uint8Array, fileName: string): 'xlsx' | 'csv' {
	if (bytes.length === 0) {
		throw InputError.invalid('empty-file', { vi: 'Tệp rỗng, không có dữ liệu', en: 'The file is empty' });
	}
	if (bytes.length > IMPORT_LIMITS.fileBytes) {
		throw InputError.invalid('file-too-large', {
			vi: 'Tệp lớn hơn 25 MB: hãy chia thành nhiều tệp',
			en: 'The file is larger than 25 MB: split it into several files'
		});
	}
	const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
	if (zip) return 'xlsx';
	if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
		throw InputError.invalid('old-excel-format', {
			vi: 'Tệp Excel 97–2003 (.xls) không được hỗ trợ: hãy lưu thành .xlsx (File → Save As → Excel Workbook)',
			en: 'Excel 97–2003 files (.xls) are not supported: save it as .xlsx (File → Save As → Excel Workbook)'
		});
	}
	if (/\.xlsx$/i.test(fileName)) {
		throw InputError.invalid('broken-xlsx', {
			vi: 'Tệp có đuôi .xlsx nhưng không phải tệp Excel hợp lệ (có thể bị hỏng hoặc tải lên chưa hết)',
			en: 'The file is named .xlsx but is not a valid Excel file (it may be damaged or incomplete)'
		});
	}
	if (bytes.subarray(0, 4096).includes(0)) {
		// A NUL byte in text: a binary file (or UTF-16 without its BOM), not a CSV.
		const utf16 = bytes[0] === 0xff || bytes[0] === 0xfe;
		if (!utf16) {
			throw InputError.invalid('not-a-spreadsheet', {
				vi: 'Tệp không phải bảng tính .xlsx hay .csv',
				en: 'The file is not an .xlsx or .csv spreadsheet'
			});
		}
	}
	return 'csv';
}

/** Reads an uploaded file's rows (blank rows left out). Throws an InputError for any file it cannot read. */
export async function readTable(bytes: Uint8Array, fileName: string, progress?: RowProgress): Promise<Table> {
	const format = formatOf(bytes, fileName);
	if (format === 'xlsx') return { format, rows: await readXlsx(bytes, progress) };
	const { text, encoding } = decodeText(bytes);
	return { format, encoding, rows: await readCsv(text, progress) };
}

/** One exceljs cell value as a Cell: rich text and links as their text, formulas with their cached result. */
function xlsxCell(value: ExcelJS.CellValue): Cell {
	if (value === null || value === undefined) return null;
	if (typeof value === 'string') return value.normalize('NFC');
	if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
	if ('richText' in value)
		return value.richText
			.map((part) => part.text)
			.join('')
			.normalize('NFC');
	if ('formula' in value || 'sharedFormula' in value) {
		const formula = 'formula' in value ? value.formula : value.sharedFormula;
		return { formula: String(formula ?? '').normalize('NFC'), result: value.result };
	}
	if ('hyperlink' in value) return String(value.text ?? '').normalize('NFC');
	if ('error' in value) return { formula: String(value.error), result: undefined };
	return null;
}

const BROKEN_XLSX = {
	vi: 'Không đọc được tệp Excel (.xlsx): tệp bị hỏng hoặc không đúng định dạng. Hãy mở bằng Excel và lưu lại',
	en: 'The Excel file (.xlsx) could not be read: it is damaged or not in the format. Open it in Excel and save it again'
};

async function readXlsx(bytes: Uint8Array, progress?: RowProgress): Promise<TableRow[]> {
	checkZipEntries(bytes);
	const rows: TableRow[] = [];
	const stream = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
	const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
		worksheets: 'emit',
		sharedStrings: 'cache',
		hyperlinks: 'ignore',
		styles: 'cache',
		entries: 'ignore'
	});
	readWholeLetters(reader);
	let sheets = 0;
	try {
		for await (const sheet of reader) {
			sheets++;
			// The first sheet is the data; the templates' other sheets list hamlets and teams, for reference
			// only. A sheet is drained all the same: the streaming reader stalls on one left unread.
			if (sheets > 1) {
				for await (const row of sheet) void row;
				continue;
			}
			for await (const row of sheet) {
				const values = row.values as ExcelJS.CellValue[];
				const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, index) =>
					xlsxCell(values[index + 1])
				);
				if (isBlankRow(cells)) continue;
				if (rows.length > IMPORT_LIMITS.rows) throw tooManyRows();
				rows.push({ number: row.number, cells });
				if (rows.length % PROGRESS_EVERY === 0) {
					await progress?.(rows.length);
					await nextTurn();
				}
			}
		}
	} catch (thrown) {
		stream.destroy();
		if (thrown instanceof InputError) throw thrown;
		// exceljs 4.4.0's streaming reader has been seen to fail now and then on a file it read a moment
		// before in the same process: the whole-file reader decides, and says "broken" only if it fails too.
		return readXlsxWhole(bytes, progress);
	}
	if (sheets === 0) throw InputError.invalid('broken-xlsx', BROKEN_XLSX);
	// A U+FFFD left after readWholeLetters: the file is read again whole (slower, more memory), which
	// decodes every entry at once, and says whether the file itself holds it.
	if (rows.some((row) => row.cells.some((cell) => typeof cell === 'string' && cell.includes('\uFFFD')))) {
		return readXlsxWhole(bytes, progress);
	}
	await progress?.(rows.length);
	return rows;
}

/** The first sheet's rows through exceljs's in-memory reader: the fallback of readXlsx. */
async function readXlsxWhole(bytes: Uint8Array, progress?: RowProgress): Promise<TableRow[]> {
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
	} catch {
		throw InputError.invalid('broken-xlsx', BROKEN_XLSX);
	}
	const rows: TableRow[] = [];
	workbook.worksheets[0]?.eachRow((row, number) => {
		const values = row.values as ExcelJS.CellValue[];
		const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, index) =>
			xlsxCell(values[index + 1])
		);
		if (!isBlankRow(cells)) rows.push({ number, cells });
	});
	if (rows.length > IMPORT_LIMITS.rows + 1) throw tooManyRows();
	await progress?.(rows.length);
	return rows;
}

/** The delimiter of a CSV: `;` (Excel's choice where `,` is the decimal comma), `,` or a tab, by the header line. */
function delimiterOf(text: string): string {
	const firstLine = text.slice(0, text.search(/\r?\n|$/));
	const counts = [';', ',', '\t'].map((delimiter) => ({
		delimiter,
		count: firstLine.split(delimiter).length
	}));
	counts.sort((a, b) => b.count - a.count);
	return counts[0]!.delimiter;
}

/** Characters handed to the CSV parser at a time: it parses all it is given in one go. */
const CSV_SLICE = 64 * 1024;

/**
 * The text in slices, a turn of the event loop between them: given the whole text, csv-parse parsed an 11 MB
 * file in one call that held the server's thread for over a second.
 */
async function* slicesOf(text: string): AsyncGenerator<string> {
	for (let start = 0; start < text.length;) {
		let end = Math.min(start + CSV_SLICE, text.length);
		// Never between the two halves of a surrogate pair (an emoji): each slice is encoded on its own.
		const last = text.charCodeAt(end - 1);
		if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
		yield text.slice(start, end);
		start = end;
		await nextTurn();
	}
}

async function readCsv(text: string, progress?: RowProgress): Promise<TableRow[]> {
	const rows: TableRow[] = [];
	const source = Readable.from(slicesOf(text), { objectMode: false });
	const parser = parse({
		bom: true,
		delimiter: delimiterOf(text),
		relax_column_count: true,
		relax_quotes: false,
		max_record_size: IMPORT_LIMITS.recordCharacters,
		info: true
	});
	source.pipe(parser);
	try {
		for await (const { record, info } of parser as AsyncIterable<{
			record: string[];
			info: { lines: number };
		}>) {
			const cells: Cell[] = record.map((cell) => cell.normalize('NFC'));
			if (isBlankRow(cells)) continue;
			if (rows.length > IMPORT_LIMITS.rows) throw tooManyRows();
			rows.push({ number: info.lines, cells });
			if (rows.length % PROGRESS_EVERY === 0) {
				await progress?.(rows.length);
				await nextTurn();
			}
		}
	} catch (thrown) {
		if (thrown instanceof InputError) throw thrown;
		const reason = thrown instanceof Error ? thrown.message : String(thrown);
		throw InputError.invalid('broken-csv', {
			vi: `Không đọc được tệp CSV: ${reason}`,
			en: `The CSV file could not be read: ${reason}`
		});
	} finally {
		source.destroy();
	}
	await progress?.(rows.length);
	return rows;
}
