// exceljs 4.4.0's streaming reader decodes each inflated chunk of an XML entry on its own (a TextDecoder
// without `stream: true`), so a Vietnamese letter whose bytes fall across two chunks comes out as U+FFFD:
// in a 100,000-row sheet, 14 rows. Its decoder passes text through as it is, so the reader is handed text
// decoded across chunk boundaries instead, and the whole-file fallback (seconds of one blocking call and
// ~760 MB) is left for files that really are damaged.
import type ExcelJS from 'exceljs';

type Chunks = AsyncIterable<Buffer | string> | Iterable<Buffer | string>;

/** The reader's own steps that read an entry (private in exceljs 4.4.0, hence this shape). */
interface ReaderSteps {
	_parseWorksheet(chunks: Chunks, sheetNo: string): AsyncGenerator<unknown>;
	_parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
	_parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
	_parseStyles(entry: NodeJS.ReadableStream): Promise<void>;
	_parseRels(entry: NodeJS.ReadableStream): Promise<void>;
}

const ENTRY_STEPS = ['_parseSharedStrings', '_parseWorkbook', '_parseStyles', '_parseRels'] as const;

/** UTF-8 chunks as text, a letter split between two chunks decoded whole. */
export async function* wholeLetters(chunks: Chunks): AsyncGenerator<string> {
	const decoder = new TextDecoder('utf-8');
	for await (const chunk of chunks) {
		yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
	}
	const rest = decoder.decode();
	if (rest !== '') yield rest;
}

/** Makes `reader` (this one only) read every XML entry as text decoded across chunk boundaries. */
export function readWholeLetters(reader: ExcelJS.stream.xlsx.WorkbookReader): void {
	const steps = reader as unknown as ReaderSteps;
	const parseWorksheet = steps._parseWorksheet.bind(reader);
	steps._parseWorksheet = (chunks, sheetNo) => parseWorksheet(wholeLetters(chunks), sheetNo);
	for (const name of ENTRY_STEPS) {
		const step = steps[name].bind(reader) as (entry: NodeJS.ReadableStream) => never;
		steps[name] = ((entry: NodeJS.ReadableStream) => {
			// Node's stream decoder keeps a split letter's first bytes for the next chunk.
			entry.setEncoding('utf8');
			return step(entry);
		}) as never;
	}
}
