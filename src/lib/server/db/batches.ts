/** Rows per INSERT: stays well under PostgreSQL's 65,535 bind parameters for our widest table. */
const INSERT_BATCH_SIZE = 2000;

/** Splits rows into consecutive batches of at most `size`. */
export function inBatches<T>(rows: T[], size = INSERT_BATCH_SIZE): T[][] {
	const batches: T[][] = [];
	for (let start = 0; start < rows.length; start += size) batches.push(rows.slice(start, start + size));
	return batches;
}

/** Parses a loader's input: JSON text, or rows already parsed. */
export function rowsOf(input: string | unknown[], parse: (text: string) => unknown): unknown[] {
	const rows = typeof input === 'string' ? parse(input) : input;
	return Array.isArray(rows) ? rows : [rows];
}

/** The first value that occurs twice, with the position of its second occurrence. */
export function firstDuplicate<T>(values: T[]): { value: T; index: number } | undefined {
	const seen = new Set<T>();
	for (const [index, value] of values.entries()) {
		if (seen.has(value)) return { value, index };
		seen.add(value);
	}
	return undefined;
}
