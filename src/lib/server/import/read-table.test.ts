import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTable } from './read-table';
import { csvFile, xlsxFile } from './test-files';

describe('readTable', () => {
	it('reads the first sheet of an .xlsx: numbers, dates (UTC midnight), rich text, formulas with their text and value', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Dữ liệu');
		sheet.addRow(['Tên', 'Ngày', 'Số']);
		sheet.addRow([
			{ richText: [{ text: 'Tổ ' }, { text: 'dân phố', font: { bold: true } }] },
			new Date(Date.UTC(2026, 2, 14)),
			{ formula: 'SUM(1,2)', result: 3 }
		]);
		sheet.addRow([]);
		sheet.addRow(["=cmd|' /C calc'!A0"]);
		workbook.addWorksheet('Thôn').addRow(['not read']);
		const table = await readTable(new Uint8Array(await workbook.xlsx.writeBuffer()), 'a.xlsx');
		expect(table.format).toBe('xlsx');
		expect(table.rows.map((row) => row.number)).toEqual([1, 2, 4]);
		const [, second, fourth] = table.rows;
		expect(second!.cells[0]).toBe('Tổ dân phố');
		expect((second!.cells[1] as Date).toISOString()).toBe('2026-03-14T00:00:00.000Z');
		expect(second!.cells[2]).toEqual({ formula: 'SUM(1,2)', result: 3 });
		// Text that looks like a formula stays text.
		expect(fourth!.cells[0]).toBe("=cmd|' /C calc'!A0");
	});

	it('gives the event loop turns while it parses a large CSV, and keeps a Vietnamese letter or an emoji whole across slices', async () => {
		// 1,500 rows of about 100 characters: over 64 KB, so more than one slice; every cell survives intact.
		const name = 'Tổ dân phố Hà Nội 😀 '.repeat(4);
		const rows = Array.from({ length: 1_500 }, (_, index) => [`${name}${index}`, index]);
		let turns = 0;
		let counting = true;
		const count = () => {
			turns++;
			if (counting) setImmediate(count);
		};
		setImmediate(count);
		const table = await readTable(csvFile(['Tên', 'Số'], rows), 'large.csv');
		counting = false;
		expect(table.rows).toHaveLength(1_501);
		expect(table.rows.slice(1).every((row, index) => row.cells[0] === `${name}${index}`)).toBe(true);
		// Other work ran between the slices, not only after the whole file.
		expect(turns).toBeGreaterThan(2);
	});

	it('reads CSV separated by `;`, `,` or tabs, with quotes, BOM and blank lines, numbering rows by line', async () => {
		for (const delimiter of [';', ',', '\t']) {
			const table = await readTable(
				csvFile(
					['Tên', 'Số'],
					[
						['Tổ "Một", 1', 5],
						[null, null],
						['Tổ 2', '1.200']
					],
					{ delimiter }
				),
				'a.csv'
			);
			expect(table.rows.map((row) => row.cells)).toEqual([
				['Tên', 'Số'],
				['Tổ "Một", 1', '5'],
				['Tổ 2', '1.200']
			]);
			expect(table.rows.map((row) => row.number)).toEqual([1, 2, 4]);
		}
	});

	it('reads Vietnamese text whole even where the streaming reader splits a letter between two chunks', async () => {
		// Inline strings, as some tools write them: 20,000 rows of Vietnamese cross many inflate chunks.
		const chunks: Buffer[] = [];
		const stream = new PassThrough();
		stream.on('data', (chunk: Buffer) => chunks.push(chunk));
		const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false });
		const sheet = writer.addWorksheet('Dữ liệu');
		for (let index = 0; index < 20_000; index++)
			sheet.addRow([`Trực tuyến ${index}`, 'Hướng dẫn người cao tuổi']).commit();
		sheet.commit();
		await writer.commit();
		const table = await readTable(new Uint8Array(Buffer.concat(chunks)), 'a.xlsx');
		expect(table.rows).toHaveLength(20_000);
		expect(table.rows.filter((row) => String(row.cells[0]).includes('\uFFFD'))).toEqual([]);
		expect(table.rows[19_999]!.cells).toEqual(['Trực tuyến 19999', 'Hướng dẫn người cao tuổi']);
	});

	it('counts its rows as it goes', async () => {
		const seen: number[] = [];
		const file = await xlsxFile(
			['A', 'B'],
			Array.from({ length: 4500 }, (_, index) => [index, 'x'])
		);
		const table = await readTable(file, 'a.xlsx', (rows) => void seen.push(rows));
		expect(table.rows).toHaveLength(4501);
		expect(seen).toEqual([2000, 4000, 4501]);
	});
});
