// Reading one spreadsheet cell as the value a column wants, the way Vietnamese offices write them:
// dates dd/mm/yyyy or Excel serials, `.` as thousands separator and `,` as decimal comma, kinds and
// topics by their Vietnamese or English names. Each reader answers a value or why not, in both languages.
import {
	ACTIVITY_KINDS,
	OUTREACH_TOPICS,
	type ActivityKind,
	type Label,
	type OutreachTopic
} from '$lib/domain';
import { activityKindLabel, outreachTopicLabel } from '$lib/labels';
import { foldVietnamese, hasControlCharacters } from '$lib/text';

/** A cell as the readers get it: text (CSV, or an xlsx string), a number, a date (xlsx), a formula (xlsx). */
export type Cell = string | number | boolean | Date | { formula: string; result?: unknown } | null;

export type Read<T> = { ok: true; value: T } | { ok: false; message: Label };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const no = (vi: string, en: string): Read<never> => ({ ok: false, message: { vi, en } });

/** The largest count any row may carry: far above a hamlet's households, far below the integer column's range. */
export const MAX_COUNT = 1_000_000;
/** Text longer than this in any cell is refused (Excel itself stops at 32,767 characters). */
export const MAX_TEXT_LENGTH = 1000;

/** Whether a cell holds nothing: null, empty or blank text. */
export function isBlank(cell: Cell): boolean {
	return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** The cell as text for messages and the error report: a formula shows as written (=…), never evaluated. */
export function cellText(cell: Cell): string {
	if (cell === null) return '';
	if (cell instanceof Date) return isoDay(cell);
	if (typeof cell === 'object') return `=${cell.formula.replace(/^=/, '')}`;
	return String(cell);
}

/**
 * Text, NFC, trimmed, without control characters and at most `max` characters. A formula is kept as its
 * text (`=cmd|…` stays those characters and is never run); exports escape it (spreadsheet-cells.ts).
 */
export function readText(cell: Cell, max = 200): Read<string> {
	const text = cellText(cell).normalize('NFC').trim();
	if (text.length > max)
		return no(
			`Quá dài (${text.length} ký tự, tối đa ${max})`,
			`Too long (${text.length} characters, at most ${max})`
		);
	if (hasControlCharacters(text)) return no('Có ký tự điều khiển', 'Contains control characters');
	return ok(text);
}

/** A formula's cached value for a number or date column; a formula without one cannot be read. */
function valueOf(cell: Cell): Read<Exclude<Cell, { formula: string }>> {
	if (cell === null || typeof cell !== 'object' || cell instanceof Date) return ok(cell);
	const result = cell.result;
	if (typeof result === 'number' || typeof result === 'string' || result instanceof Date) return ok(result);
	return no(
		'Công thức không có giá trị: hãy dán giá trị (Paste Values) thay cho công thức',
		'A formula without a value: paste values instead of the formula'
	);
}

/**
 * A whole number 0…MAX_COUNT: an xlsx number, or text with `.` or spaces between thousands ('1.234',
 * '1 234'). '1,5' (a decimal comma) and '1,234' (ambiguous) are refused, as are negatives.
 */
export function readCount(cell: Cell): Read<number> {
	const value = valueOf(cell);
	if (!value.ok) return value;
	const raw = value.value;
	let number: number;
	if (typeof raw === 'number') number = raw;
	else if (typeof raw === 'string') {
		const text = raw.replace(/[\s\u00a0\u202f]/g, '');
		if (/^-\d/.test(text)) return no('Số âm không hợp lệ', 'A negative number is not allowed');
		if (!/^(\d+|\d{1,3}(\.\d{3})+)$/.test(text)) {
			return no(
				'Không phải số nguyên (dấu chấm ngăn cách hàng nghìn, ví dụ 1.234)',
				'Not a whole number (use . between thousands, e.g. 1.234)'
			);
		}
		number = Number(text.replaceAll('.', ''));
	} else return no('Không phải số', 'Not a number');
	if (!Number.isFinite(number) || !Number.isInteger(number))
		return no('Không phải số nguyên', 'Not a whole number');
	if (number < 0) return no('Số âm không hợp lệ', 'A negative number is not allowed');
	if (number > MAX_COUNT) {
		return no(
			`Số quá lớn (tối đa ${MAX_COUNT.toLocaleString('vi-VN')})`,
			`Too large (at most ${MAX_COUNT.toLocaleString('en-US')})`
		);
	}
	return ok(number);
}

/** The largest id: PostgreSQL's integer columns. */
const MAX_ID = 2_147_483_647;

/** An id (a hamlet's, a team's): a whole number 1…2,147,483,647, digits only. */
export function readId(cell: Cell): Read<number> {
	const value = valueOf(cell);
	if (!value.ok) return value;
	const raw = value.value;
	const number =
		typeof raw === 'number'
			? raw
			: typeof raw === 'string' && /^\d{1,10}$/.test(raw.trim())
				? Number(raw.trim())
				: NaN;
	if (!Number.isInteger(number) || number < 1 || number > MAX_ID) {
		return no(
			'Mã phải là số nguyên dương (chỉ gồm chữ số)',
			'An id must be a positive whole number (digits only)'
		);
	}
	return ok(number);
}

/** A decimal number: an xlsx number, or text with a decimal comma or point ('12,5', '12.5', '1.234,5'). */
function readDecimal(raw: string | number): number | null {
	if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
	const text = raw.replace(/[\s\u00a0\u202f]/g, '');
	if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) return Number(text.replaceAll('.', '').replace(',', '.'));
	if (/^-?\d+([.,]\d+)?$/.test(text)) return Number(text.replace(',', '.'));
	return null;
}

/** A share in percent, 0–100: '12,5', '12,5%', 12.5. */
export function readPercent(cell: Cell): Read<number> {
	const value = valueOf(cell);
	if (!value.ok) return value;
	const raw = value.value;
	if (typeof raw !== 'number' && typeof raw !== 'string') return no('Không phải số', 'Not a number');
	const number = readDecimal(typeof raw === 'string' ? raw.replace(/%\s*$/, '') : raw);
	if (number === null) return no('Không phải số phần trăm (ví dụ 12,5)', 'Not a percentage (e.g. 12.5)');
	if (number < 0 || number > 100) return no('Tỷ lệ phải từ 0 đến 100', 'The share must be 0 to 100');
	return ok(number);
}

/** A longitude or latitude in degrees (a decimal point or comma). */
export function readCoordinate(cell: Cell): Read<number> {
	const value = valueOf(cell);
	if (!value.ok) return value;
	const raw = value.value;
	const number = typeof raw === 'number' || typeof raw === 'string' ? readDecimal(raw) : null;
	return number === null
		? no('Không phải tọa độ (độ thập phân)', 'Not a coordinate (decimal degrees)')
		: ok(number);
}

const DAY_MS = 86_400_000;
/** Excel's day 0 in its 1900 date system (its fake 29 Feb 1900 makes day 60 meaningless; we read 2000+ only). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** YYYY-MM-DD of a UTC date (exceljs gives dates as UTC midnight of the calendar day). */
function isoDay(date: Date): string {
	return date.toISOString().slice(0, 10);
}

/** A real calendar date from its parts, or null ('31/02/2026'). */
function calendarDay(year: number, month: number, day: number): string | null {
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
		return null;
	return isoDay(date);
}

/** An Excel serial day (1900 system) as YYYY-MM-DD, for serials of the years 2000–2099 only. */
function excelSerialDay(serial: number): string | null {
	if (!Number.isInteger(serial) || serial < 36526 || serial > 73050) return null;
	return isoDay(new Date(EXCEL_EPOCH_MS + serial * DAY_MS));
}

const BAD_DATE = {
	vi: 'Không phải ngày (viết dd/mm/yyyy, ví dụ 14/03/2026)',
	en: 'Not a date (write dd/mm/yyyy, e.g. 14/03/2026)'
};

/**
 * A calendar day as YYYY-MM-DD: an xlsx date, an Excel serial (46095), or text dd/mm/yyyy (also with
 * `-` or `.`, one-digit day and month) or yyyy-mm-dd. Never mm/dd: '03/14/2026' is refused.
 */
export function readDate(cell: Cell): Read<string> {
	const value = valueOf(cell);
	if (!value.ok) return value;
	const raw = value.value;
	let day: string | null = null;
	if (raw instanceof Date) day = Number.isNaN(raw.getTime()) ? null : isoDay(raw);
	else if (typeof raw === 'number') day = excelSerialDay(raw);
	else if (typeof raw === 'string') {
		const text = raw.trim();
		const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
		const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
		if (dmy) day = calendarDay(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
		else if (ymd) day = calendarDay(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
		else if (/^\d{5}$/.test(text)) day = excelSerialDay(Number(text));
	}
	return day === null ? no(BAD_DATE.vi, BAD_DATE.en) : ok(day);
}

/** A month as YYYY-MM-01: 'mm/yyyy', 'yyyy-mm', or any date (its month). */
export function readMonth(cell: Cell): Read<string> {
	const value = valueOf(cell);
	if (!value.ok) return value;
	const raw = value.value;
	if (typeof raw === 'string') {
		const text = raw.trim();
		const my = /^(\d{1,2})[/.-](\d{4})$/.exec(text);
		const ym = /^(\d{4})-(\d{1,2})$/.exec(text);
		const parts = my ? [Number(my[2]), Number(my[1])] : ym ? [Number(ym[1]), Number(ym[2])] : null;
		if (parts) {
			const day = calendarDay(parts[0]!, parts[1]!, 1);
			return day ? ok(day) : no('Tháng không hợp lệ', 'Not a valid month');
		}
	}
	const date = readDate(raw);
	if (!date.ok)
		return no('Không phải tháng (viết mm/yyyy, ví dụ 03/2026)', 'Not a month (write mm/yyyy, e.g. 03/2026)');
	return ok(`${date.value.slice(0, 8)}01`);
}

/** Vocabulary words by their folded code, Vietnamese and English names. */
function vocabulary<T extends string>(codes: readonly T[], label: (code: T, locale: 'vi' | 'en') => string) {
	const byName = new Map<string, T>();
	for (const code of codes) {
		for (const name of [code, label(code, 'vi'), label(code, 'en')]) byName.set(foldVietnamese(name), code);
	}
	return byName;
}

let kinds: Map<string, ActivityKind> | undefined;
let topics: Map<string, OutreachTopic> | undefined;

/** The Vietnamese names of a vocabulary, for messages that list what is allowed. */
function allowed<T extends string>(
	codes: readonly T[],
	label: (code: T, locale: 'vi' | 'en') => string,
	locale: 'vi' | 'en'
) {
	return codes.map((code) => label(code, locale)).join(', ');
}

/** An activity kind by its code or name in either language ('Lớp học', 'lop hoc', 'class'). */
export function readActivityKind(cell: Cell): Read<ActivityKind> {
	kinds ??= vocabulary(ACTIVITY_KINDS, activityKindLabel);
	const text = readText(cell);
	if (!text.ok) return text;
	const kind = kinds.get(foldVietnamese(text.value));
	if (kind) return ok(kind);
	return no(
		`Hình thức không có trong danh sách: ${allowed(ACTIVITY_KINDS, activityKindLabel, 'vi')}`,
		`Unknown kind; one of: ${allowed(ACTIVITY_KINDS, activityKindLabel, 'en')}`
	);
}

/** One or more topics, separated by `,` `;` or line breaks, by code or name; at least one. */
export function readTopics(cell: Cell): Read<OutreachTopic[]> {
	topics ??= vocabulary(OUTREACH_TOPICS, outreachTopicLabel);
	const text = readText(cell, MAX_TEXT_LENGTH);
	if (!text.ok) return text;
	const found: OutreachTopic[] = [];
	for (const part of text.value.split(/[,;\n]/)) {
		if (part.trim() === '') continue;
		const topic = topics.get(foldVietnamese(part));
		if (!topic) {
			return no(
				`Nội dung "${part.trim()}" không có trong danh sách: ${allowed(OUTREACH_TOPICS, outreachTopicLabel, 'vi')}`,
				`Unknown topic "${part.trim()}"; known: ${allowed(OUTREACH_TOPICS, outreachTopicLabel, 'en')}`
			);
		}
		if (!found.includes(topic)) found.push(topic);
	}
	return found.length > 0 ? ok(found) : no('Cần ít nhất một nội dung', 'At least one topic is needed');
}

const RURAL = new Set(['nong thon', 'rural', 'xa', 'x', 'co', 'yes', 'true', '1']);
const URBAN = new Set(['thanh thi', 'do thi', 'urban', 'phuong', 'khong', 'no', 'false', '0']);

/** Rural (true) or urban (false): 'nông thôn' / 'thành thị', 'rural' / 'urban', có/không. */
export function readArea(cell: Cell): Read<boolean> {
	const text = readText(typeof cell === 'boolean' ? String(cell) : cell);
	if (!text.ok) return text;
	const key = foldVietnamese(text.value);
	if (RURAL.has(key)) return ok(true);
	if (URBAN.has(key)) return ok(false);
	return no('Ghi "nông thôn" hoặc "thành thị"', 'Write "rural" or "urban"');
}
