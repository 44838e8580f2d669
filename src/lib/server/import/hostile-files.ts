// Malformed and hostile spreadsheets for the import tests: each with the kind it is uploaded as, and the
// error code (and where) it must be refused with. The fixture data (test-fixtures.ts) has the tổ dân phố
// 4001–4004 of Phường Ba Đình (00004), team 1 there and team 2 in Xã Ba Vì (09700).
import { crc32, deflateRawSync } from 'node:zlib';
import iconv from 'iconv-lite';
import type { ImportKind } from '$lib/domain';
import { csvFile, xlsxFile, type TestCell } from './test-files';

export interface HostileFile {
	name: string;
	kind: ImportKind;
	fileName: string;
	bytes: () => Promise<Uint8Array> | Uint8Array;
	/** The error code the report must hold. */
	code: string;
	/** The spreadsheet row and column header of that error, when it is a row's. */
	row?: number;
	column?: string;
	/** Who uploads: the Ba Đình officer unless 'ba-vi'. */
	actor?: 'ba-vi';
	/** The commune chosen on the form (default 00004). */
	communeCode?: string;
}

const ACTIVITY_HEADER = [
	'Mã hoạt động',
	'Mã thôn',
	'Tên tổ CĐS',
	'Hình thức',
	'Ngày',
	'Số hộ tiếp cận mới',
	'Nội dung'
];
const GOOD_ACTIVITY: TestCell[] = ['K-1', 4001, 'Tổ CĐS số 1', 'Đến từng hộ', '14/03/2026', 10, 'VNeID'];
const SURVEY_HEADER = [
	'Mã thôn',
	'Tháng',
	'Số người được khảo sát',
	'Có kỹ năng số cơ bản',
	'Có điện thoại thông minh',
	'Có tài khoản thanh toán điện tử',
	'Có VNeID mức 2'
];
const TEAM_HEADER = ['Mã tổ CĐS', 'Tên tổ CĐS', 'Số thành viên', 'Số thành viên đã tập huấn'];
const REGISTER_HEADER = [
	'Mã thôn',
	'Số hộ',
	'Số người trưởng thành',
	'Số người cao tuổi (60+)',
	'Tỷ lệ người DTTS (%)',
	'Khu vực'
];

/** One activity row with one cell replaced. */
function activity(column: number, value: TestCell): TestCell[] {
	const row = [...GOOD_ACTIVITY];
	row[column] = value;
	return row;
}

/** An activities .xlsx with these rows. */
const activities =
	(...rows: TestCell[][]) =>
	() =>
		xlsxFile(ACTIVITY_HEADER, rows);
/** An activities CSV with these rows. */
const activitiesCsv =
	(...rows: (string | number | null)[][]) =>
	() =>
		csvFile(ACTIVITY_HEADER, rows);

/** A zip of these entries, deflated, with the sizes it declares (which a bomb may lie about). */
function zipFile(entries: { name: string; data: Buffer; declaredSize?: number }[]): Uint8Array {
	const locals: Buffer[] = [];
	const directory: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		const name = Buffer.from(entry.name);
		const compressed = deflateRawSync(entry.data);
		const size = entry.declaredSize ?? entry.data.length;
		const crc = crc32(entry.data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(8, 8);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(compressed.length, 18);
		local.writeUInt32LE(size, 22);
		local.writeUInt16LE(name.length, 26);
		locals.push(local, name, compressed);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(8, 10);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(compressed.length, 20);
		central.writeUInt32LE(size, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		directory.push(central, name);
		offset += 30 + name.length + compressed.length;
	}
	const directoryBytes = Buffer.concat(directory);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directoryBytes.length, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([...locals, directoryBytes, end]));
}

/** A valid activities .xlsx with bytes in the middle of its data overwritten. */
async function corruptedXlsx(): Promise<Uint8Array> {
	const bytes = Buffer.from(
		await xlsxFile(
			ACTIVITY_HEADER,
			Array.from({ length: 200 }, (_, index) => activity(0, `K-${index}`))
		)
	);
	// Every local entry's data from its header on: garbage keeps the directory whole but not what it points at.
	for (let at = 0; at < bytes.length - 4; at++) {
		if (bytes.readUInt32LE(at) === 0x04034b50)
			bytes.fill(0x5a, at + 60, Math.min(at + 400, bytes.length - 200));
	}
	return new Uint8Array(bytes);
}

export const HOSTILE_FILES: readonly HostileFile[] = [
	{
		name: 'an empty file',
		kind: 'activities',
		fileName: 'rong.csv',
		bytes: () => new Uint8Array(),
		code: 'empty-file'
	},
	{
		name: 'a CSV with a header and no rows',
		kind: 'activities',
		fileName: 'tieu-de.csv',
		bytes: activitiesCsv(),
		code: 'no-rows'
	},
	{
		name: 'an .xlsx with a header and no rows',
		kind: 'surveys',
		fileName: 'tieu-de.xlsx',
		bytes: () => xlsxFile(SURVEY_HEADER, []),
		code: 'no-rows'
	},
	{
		name: 'a CSV of blank lines and separators only',
		kind: 'activities',
		fileName: 'trong.csv',
		bytes: () => new TextEncoder().encode(';;;\r\n\r\n;;\r\n'),
		code: 'no-header'
	},
	{
		name: 'a truncated .xlsx (the first half of the file)',
		kind: 'activities',
		fileName: 'cat-do.xlsx',
		bytes: async () => {
			const whole = await xlsxFile(ACTIVITY_HEADER, [GOOD_ACTIVITY]);
			return whole.subarray(0, Math.floor(whole.length / 2));
		},
		code: 'broken-xlsx'
	},
	{
		name: 'a corrupt .xlsx (its zip directory whole, its data garbage)',
		kind: 'activities',
		fileName: 'hong.xlsx',
		bytes: corruptedXlsx,
		code: 'broken-xlsx'
	},
	{
		name: 'a zip bomb (50 MB of zeros deflated to 50 kB)',
		kind: 'activities',
		fileName: 'bom.xlsx',
		bytes: () => zipFile([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(50 * 1024 * 1024) }]),
		code: 'zip-bomb'
	},
	{
		name: 'a zip whose entries declare 4 GB in all',
		kind: 'activities',
		fileName: 'khai-man.xlsx',
		bytes: () =>
			zipFile(
				Array.from({ length: 4 }, (_, index) => ({
					name: `xl/a${index}.xml`,
					data: Buffer.from('<a/>'),
					declaredSize: 0xf0000000
				}))
			),
		code: 'zip-bomb'
	},
	{
		name: 'a zip that is not a workbook',
		kind: 'teams',
		fileName: 'khong-phai.xlsx',
		bytes: () => zipFile([{ name: 'readme.txt', data: Buffer.from('xin chào') }]),
		code: 'broken-xlsx'
	},
	{
		name: 'an Excel 97–2003 .xls',
		kind: 'activities',
		fileName: 'cu.xls',
		bytes: () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(500).fill(0)]),
		code: 'old-excel-format'
	},
	{
		name: 'a PNG named .xlsx',
		kind: 'activities',
		fileName: 'anh.xlsx',
		bytes: () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
		code: 'broken-xlsx'
	},
	{
		name: 'binary bytes named .csv',
		kind: 'activities',
		fileName: 'nhi-phan.csv',
		bytes: () => new Uint8Array(Array.from({ length: 2048 }, (_, index) => (index * 37) % 256)),
		code: 'not-a-spreadsheet'
	},
	{
		name: 'a legacy encoding that is neither Vietnamese encoding (Latin-1 French)',
		kind: 'teams',
		fileName: 'latin1.csv',
		bytes: () =>
			iconv.encode('Tên tổ;Số thành viên\r\nÉquipe naïve à Noël;5\r\n'.replace('Tên tổ', 'Ten to'), 'latin1'),
		code: 'unknown-encoding'
	},
	{
		name: 'a UTF-8 BOM followed by invalid bytes',
		kind: 'teams',
		fileName: 'bom-hong.csv',
		bytes: () =>
			new Uint8Array([
				0xef,
				0xbb,
				0xbf,
				...new TextEncoder().encode('Tên tổ CĐS;Số thành viên\r\n'),
				0xff,
				0xfe,
				0x41
			]),
		code: 'unknown-encoding'
	},
	{
		name: 'an unterminated quote in a CSV',
		kind: 'teams',
		fileName: 'ngoac.csv',
		bytes: () =>
			new TextEncoder().encode('Tên tổ CĐS;Số thành viên;Số thành viên đã tập huấn\r\n"Tổ 1;5;3\r\n'),
		code: 'broken-csv'
	},
	{
		name: 'a 2 MB cell in a CSV',
		kind: 'teams',
		fileName: 'o-lon.csv',
		bytes: () => csvFile(TEAM_HEADER, [[null, 'T'.repeat(2 * 1024 * 1024), 5, 3]]),
		code: 'broken-csv'
	},
	{
		name: 'a 50,000-character team name in an .xlsx',
		kind: 'teams',
		fileName: 'ten-dai.xlsx',
		bytes: () => xlsxFile(TEAM_HEADER, [[null, 'Tổ '.repeat(17_000), 5, 3]]),
		code: 'invalid-value',
		row: 2,
		column: 'Tên tổ CĐS'
	},
	{
		name: 'more than 200,000 rows',
		kind: 'teams',
		fileName: 'qua-nhieu.csv',
		bytes: () =>
			new TextEncoder().encode(
				`Tên tổ CĐS;Số thành viên;Số thành viên đã tập huấn\n${'T;1;1\n'.repeat(200_001)}`
			),
		code: 'too-many-rows'
	},
	{
		name: 'no header the columns can be matched to',
		kind: 'activities',
		fileName: 'la.csv',
		bytes: () => csvFile(['A', 'B', 'C'], [[1, 2, 3]]),
		code: 'no-header'
	},
	{
		name: 'a required column missing (the date)',
		kind: 'activities',
		fileName: 'thieu-cot.xlsx',
		bytes: () =>
			xlsxFile(
				ACTIVITY_HEADER.filter((header) => header !== 'Ngày'),
				[GOOD_ACTIVITY.filter((_, index) => index !== 4)]
			),
		code: 'missing-column'
	},
	{
		name: 'the same column twice (once without diacritics)',
		kind: 'activities',
		fileName: 'trung-cot.xlsx',
		bytes: () => xlsxFile([...ACTIVITY_HEADER, 'Ngay'], [[...GOOD_ACTIVITY, '15/03/2026']]),
		code: 'duplicate-column',
		column: 'Ngay'
	},
	{
		name: 'an unknown hamlet id',
		kind: 'activities',
		fileName: 'thon-la.xlsx',
		bytes: activities(activity(1, 9999)),
		code: 'unknown-hamlet',
		row: 2,
		column: 'Mã thôn'
	},
	{
		name: 'an unknown hamlet name (the closest listed)',
		kind: 'surveys',
		fileName: 'ten-thon.csv',
		bytes: () =>
			csvFile(['Tên thôn', ...SURVEY_HEADER.slice(1)], [['Tổ dân phố 9', '03/2026', 10, 5, 5, 5, 5]]),
		code: 'unknown-hamlet',
		row: 2,
		column: 'Tên thôn'
	},
	{
		name: 'a hamlet of another commune (a Ba Vì officer, a Ba Đình hamlet)',
		kind: 'activities',
		fileName: 'xa-khac.xlsx',
		bytes: activities(activity(2, 'Tổ CĐS số 1')),
		code: 'other-commune',
		row: 2,
		actor: 'ba-vi',
		communeCode: '09700'
	},
	{
		name: 'mixed communes: a row of Xã Ba Vì in Ba Đình’s file',
		kind: 'register',
		fileName: 'tron-xa.csv',
		bytes: () =>
			csvFile(
				['Mã xã/phường', 'Tên thôn', 'Số hộ'],
				[
					['00004', 'Tổ dân phố 1', 500],
					['09700', 'Thôn Ba Trại', 300]
				]
			),
		code: 'other-commune',
		row: 3,
		column: 'Mã xã/phường'
	},
	{
		name: 'an unknown commune code',
		kind: 'teams',
		fileName: 'ma-xa.csv',
		bytes: () => csvFile(['Mã xã/phường', ...TEAM_HEADER.slice(1)], [['99999', 'Tổ mới', 5, 3]]),
		code: 'unknown-commune'
	},
	{
		name: 'an unknown team name',
		kind: 'activities',
		fileName: 'to-la.xlsx',
		bytes: activities(activity(2, 'Tổ CĐS số 7')),
		code: 'unknown-team',
		column: 'Tên tổ CĐS'
	},
	{
		name: 'a team of another commune than the hamlet',
		kind: 'activities',
		fileName: 'to-khac.xlsx',
		bytes: () =>
			xlsxFile(
				['Mã thôn', 'Mã tổ CĐS', ...ACTIVITY_HEADER.slice(3)],
				[[4001, 2, 'Lớp học', '14/03/2026', 3, 'ai']]
			),
		code: 'unknown-team'
	},
	{
		name: 'an activity dated 2031',
		kind: 'activities',
		fileName: '2031.xlsx',
		bytes: activities(activity(4, '14/03/2031')),
		code: 'date-in-future',
		row: 2,
		column: 'Ngày'
	},
	{
		name: 'an activity dated 1999 (an Excel serial)',
		kind: 'activities',
		fileName: '1999.xlsx',
		bytes: activities(activity(4, 36300)),
		code: 'invalid-value',
		column: 'Ngày'
	},
	{
		name: 'an activity dated 2024',
		kind: 'activities',
		fileName: '2024.csv',
		bytes: activitiesCsv(activity(4, '01/06/2024') as (string | number)[]),
		code: 'date-too-early'
	},
	{
		name: 'a date that does not exist (31/02/2026)',
		kind: 'activities',
		fileName: '31-02.csv',
		bytes: activitiesCsv(activity(4, '31/02/2026') as (string | number)[]),
		code: 'invalid-value'
	},
	{
		name: 'a US-style date (03/14/2026)',
		kind: 'activities',
		fileName: 'my.csv',
		bytes: activitiesCsv(activity(4, '03/14/2026') as (string | number)[]),
		code: 'invalid-value'
	},
	{
		name: 'a negative count',
		kind: 'activities',
		fileName: 'am.xlsx',
		bytes: activities(activity(5, -4)),
		code: 'invalid-value',
		column: 'Số hộ tiếp cận mới'
	},
	{
		name: 'an enormous count',
		kind: 'activities',
		fileName: 'lon.csv',
		bytes: activitiesCsv(activity(5, '99999999999') as (string | number)[]),
		code: 'invalid-value'
	},
	{
		name: 'a count above an activity’s bound (50.000 households)',
		kind: 'activities',
		fileName: 'bien.csv',
		bytes: activitiesCsv(activity(5, '50.000') as (string | number)[]),
		code: 'households-new-invalid',
		column: 'Số hộ tiếp cận mới'
	},
	{
		name: 'more people aged 60+ than people guided',
		kind: 'activities',
		fileName: 'cao-tuoi-hd.xlsx',
		bytes: () =>
			xlsxFile(
				[...ACTIVITY_HEADER, 'Số người được hướng dẫn', 'Số người từ 60 tuổi'],
				[[...GOOD_ACTIVITY, 5, 9]]
			),
		code: 'aged-60-plus-above-guided',
		column: 'Số người từ 60 tuổi'
	},
	{
		name: 'a decimal count (1,5)',
		kind: 'activities',
		fileName: 'thap-phan.csv',
		bytes: activitiesCsv(activity(5, '1,5') as (string | number)[]),
		code: 'invalid-value'
	},
	{
		name: 'words in a count',
		kind: 'activities',
		fileName: 'chu.xlsx',
		bytes: activities(activity(5, 'mười hộ')),
		code: 'invalid-value'
	},
	{
		name: 'a DDE formula in a count (=cmd|…), with no value',
		kind: 'activities',
		fileName: 'cong-thuc.xlsx',
		bytes: activities(activity(5, { formula: "cmd|' /C calc'!A0" })),
		code: 'invalid-value',
		column: 'Số hộ tiếp cận mới'
	},
	{
		name: 'an unknown activity kind',
		kind: 'activities',
		fileName: 'hinh-thuc.xlsx',
		bytes: activities(activity(3, 'Họp chợ')),
		code: 'invalid-value',
		column: 'Hình thức'
	},
	{
		name: 'an unknown topic',
		kind: 'activities',
		fileName: 'noi-dung.xlsx',
		bytes: activities(activity(6, 'VNeID, bóng đá')),
		code: 'invalid-value',
		column: 'Nội dung'
	},
	{
		name: 'an activity key twice',
		kind: 'activities',
		fileName: 'trung-khoa.xlsx',
		bytes: activities(GOOD_ACTIVITY, activity(5, 3)),
		code: 'duplicate-key',
		row: 3
	},
	{
		name: 'the same hamlet and month twice in a survey',
		kind: 'surveys',
		fileName: 'trung-thang.csv',
		bytes: () =>
			csvFile(SURVEY_HEADER, [
				[4001, '03/2026', 10, 5, 5, 5, 5],
				[4001, '15/03/2026', 10, 6, 5, 5, 5]
			]),
		code: 'duplicate-key',
		row: 3
	},
	{
		name: 'a survey count above the adults assessed',
		kind: 'surveys',
		fileName: 'vuot.csv',
		bytes: () => csvFile(SURVEY_HEADER, [[4001, '03/2026', 10, 11, 5, 5, 5]]),
		code: 'count-over-assessed',
		column: 'Có kỹ năng số cơ bản'
	},
	{
		name: 'a survey month in the future',
		kind: 'surveys',
		fileName: 'thang-sau.csv',
		bytes: () => csvFile(SURVEY_HEADER, [[4001, '01/2031', 10, 5, 5, 5, 5]]),
		code: 'future-date'
	},
	{
		name: 'more members trained than members',
		kind: 'teams',
		fileName: 'tap-huan.csv',
		bytes: () => csvFile(TEAM_HEADER, [[null, 'Tổ mới', 3, 5]]),
		code: 'trained-over-members'
	},
	{
		name: 'a team name with an escape character',
		kind: 'teams',
		fileName: 'esc.csv',
		bytes: () => csvFile(TEAM_HEADER, [[null, 'Tổ\u001b[31mmới', 3, 1]]),
		code: 'invalid-value'
	},
	{
		name: 'a NUL byte in a CSV',
		kind: 'teams',
		fileName: 'nul.csv',
		bytes: () => csvFile(TEAM_HEADER, [[null, 'Tổ\u0000mới', 3, 1]]),
		code: 'not-a-spreadsheet'
	},
	{
		name: 'more elderly than adults in the register',
		kind: 'register',
		fileName: 'cao-tuoi.csv',
		bytes: () => csvFile(REGISTER_HEADER, [[4001, 500, 100, 200, 0, 'thành thị']]),
		code: 'elderly-over-adults'
	},
	{
		name: 'an ethnic-minority share of 150%',
		kind: 'register',
		fileName: 'ty-le.csv',
		bytes: () => csvFile(REGISTER_HEADER, [[4001, 500, 1400, 200, '150%', 'thành thị']]),
		code: 'invalid-value',
		column: 'Tỷ lệ người DTTS (%)'
	},
	{
		name: 'an area that is neither rural nor urban',
		kind: 'register',
		fileName: 'khu-vuc.csv',
		bytes: () => csvFile(REGISTER_HEADER, [[4001, 500, 1400, 200, 0, 'miền núi']]),
		code: 'invalid-value',
		column: 'Khu vực'
	},
	{
		name: 'coordinates swapped (lat, lng)',
		kind: 'activities',
		fileName: 'dao.xlsx',
		bytes: () => xlsxFile([...ACTIVITY_HEADER, 'Kinh độ', 'Vĩ độ'], [[...GOOD_ACTIVITY, 21.035, 105.833]]),
		code: 'swapped-coordinates'
	},
	{
		name: 'coordinates far outside Hanoi',
		kind: 'activities',
		fileName: 'xa.xlsx',
		bytes: () => xlsxFile([...ACTIVITY_HEADER, 'Kinh độ', 'Vĩ độ'], [[...GOOD_ACTIVITY, 2.35, 48.85]]),
		code: 'location-invalid'
	},
	{
		name: 'three bad rows among good ones: each listed',
		kind: 'activities',
		fileName: 'ba-loi.xlsx',
		bytes: activities(
			GOOD_ACTIVITY,
			activity(0, 'K-2'),
			['K-3', 4001, 'Tổ CĐS số 1', 'Lớp học', '14/03/2031', 1, 'ai'],
			activity(0, 'K-4').map((cell, index) => (index === 5 ? -1 : cell))
		),
		code: 'date-in-future',
		row: 4
	}
];
