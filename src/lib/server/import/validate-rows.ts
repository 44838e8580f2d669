// From a spreadsheet's rows to the records an import writes, for each kind: the header row found and
// its columns matched through the one alias table (import-columns.ts), every cell read (cell-values.ts),
// hamlets and teams matched by id or by name, the commune checked against who imports, and every
// problem collected with its row, column and value, in Vietnamese and English. Nothing here writes.
import { createHash } from 'node:crypto';
import type { ImportKind, Label } from '$lib/domain';
import {
	IMPORT_KIND_COLUMNS,
	REGISTER_FIGURES,
	fieldOfHeader,
	importColumn,
	type ImportField
} from '$lib/import-columns';
import type { ImportIssue } from '$lib/import-report';
import { ACTIVITY_FIRST_DAY, validateActivityRow, type ActivityRow } from '$lib/activity-input';
import { surveyRowSchema, type SurveyRowInput } from '../db/input-schemas';
import {
	cellText,
	isBlank,
	readActivityKind,
	readArea,
	readCoordinate,
	readCount,
	readDate,
	readId,
	readMonth,
	readPercent,
	readText,
	readTopics,
	MAX_TEXT_LENGTH,
	type Cell,
	type Read
} from './cell-values';
import { NameIndex, listNames, type Named } from './name-matching';
import type { Table, TableRow } from './read-table';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** A hamlet as an import matches it, with what warnings compare against and where an activity without coordinates goes. */
export interface HamletReference extends Named {
	households: number;
	adults: number;
	elderly: number;
	minorityShare: number;
	isRural: boolean;
	/** A point inside the hamlet (ST_PointOnSurface). */
	lng: number;
	lat: number;
}

export interface ReferenceData {
	hamlets: readonly HamletReference[];
	teams: readonly Named[];
	communeCodes: ReadonlySet<string>;
	/** Today in Hanoi, YYYY-MM-DD: no activity or survey may be later. */
	today: string;
}

/** Whose rows an upload may hold: the communes of the person (all for an admin), and the one chosen. */
export interface ImportScope {
	communeCodes: readonly string[] | 'all';
	/** The commune chosen on the form: rows without a commune code are its, and rows of another are refused. */
	selected: string | null;
}

/** The earliest month a survey may have: the programme's first (Kế hoạch 20/KH-UBND, 2026), as for activities. */
const EARLIEST_DAY = ACTIVITY_FIRST_DAY;

export type ActivityRecord = ActivityRow & { row: number; communeCode: string };
export type SurveyRecord = SurveyRowInput & { row: number; communeCode: string };
export interface TeamRecord {
	row: number;
	/** null: a new team, its id from the sequence. */
	id: number | null;
	communeCode: string;
	name: string;
	members: number;
	membersTrained: number;
}
export interface RegisterRecord {
	row: number;
	hamletId: number;
	communeCode: string;
	households?: number;
	adults?: number;
	elderly?: number;
	minorityShare?: number;
	isRural?: boolean;
}

export type ImportRecords =
	| { kind: 'activities'; rows: ActivityRecord[] }
	| { kind: 'surveys'; rows: SurveyRecord[] }
	| { kind: 'teams'; rows: TeamRecord[] }
	| { kind: 'register'; rows: RegisterRecord[] };

export interface Validation {
	records: ImportRecords;
	/** The data rows read (the header not counted). */
	rowCount: number;
	errors: ImportIssue[];
	warnings: ImportIssue[];
}

/** How many errors a report lists at most; the count says how many there were in all. */
const MAX_LISTED_ISSUES = 5000;

/** The header: among the first rows, the one that names the most columns of this kind (at least two). */
function findHeader(
	kind: ImportKind,
	rows: readonly TableRow[]
): { index: number; fields: (ImportField | null | undefined)[] } | null {
	const wanted = new Set(IMPORT_KIND_COLUMNS[kind].map((column) => column.field));
	let best: { index: number; fields: (ImportField | null | undefined)[]; score: number } | null = null;
	for (const [index, row] of rows.slice(0, 10).entries()) {
		const fields = row.cells.map((cell) => (isBlank(cell) ? null : fieldOfHeader(cellText(cell))));
		const score = new Set(fields.filter((field) => field && wanted.has(field))).size;
		if (score >= 2 && (!best || score > best.score)) best = { index, fields, score };
	}
	return best;
}

function issue(row: number, column: string, value: string, code: string, message: Label): ImportIssue {
	return {
		row,
		column,
		value: value.length > 200 ? `${value.slice(0, 200)}…` : value,
		code,
		vi: message.vi,
		en: message.en
	};
}

/** A stable activity id from its idempotency key (a name-based UUID, version 5 layout). */
export function activityIdOf(key: string): string {
	const hex = createHash('sha256').update(key).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Validates a table as rows of `kind`. File-level problems (no header, a missing column, no data rows)
 * come back as errors of the header row; row problems as errors of their rows. Records are returned
 * only for rows without errors; an import with any error is not committed.
 */
export async function validateTable(
	kind: ImportKind,
	table: Table,
	reference: ReferenceData,
	scope: ImportScope,
	progress?: (rows: number) => void | Promise<void>
): Promise<Validation> {
	const errors: ImportIssue[] = [];
	const warnings: ImportIssue[] = [];
	const empty = (): Validation => ({
		records: { kind, rows: [] } as ImportRecords,
		rowCount: 0,
		errors,
		warnings
	});
	const header = findHeader(kind, table.rows);
	if (!header) {
		const expected = IMPORT_KIND_COLUMNS[kind]
			.filter((c) => c.required)
			.map((c) => importColumn(c.field).header);
		errors.push(
			issue(table.rows[0]?.number ?? 1, '', '', 'no-header', {
				vi: `Không tìm thấy dòng tiêu đề. Cần các cột: ${expected.map((h) => h.vi).join(', ')} (tải mẫu để xem)`,
				en: `No header row found. Columns needed: ${expected.map((h) => h.en).join(', ')} (download the template)`
			})
		);
		return empty();
	}
	const headerRow = table.rows[header.index]!;
	const columnIndex = new Map<ImportField, number>();
	const wanted = new Set(IMPORT_KIND_COLUMNS[kind].map((column) => column.field));
	header.fields.forEach((field, index) => {
		const text = cellText(headerRow.cells[index] ?? null);
		if (field === null) return;
		if (field === undefined || !wanted.has(field)) {
			warnings.push(
				issue(headerRow.number, text, text, 'ignored-column', {
					vi: 'Cột không dùng cho loại dữ liệu này, bỏ qua',
					en: 'A column this kind of data does not use: ignored'
				})
			);
			return;
		}
		if (columnIndex.has(field)) {
			errors.push(
				issue(headerRow.number, text, text, 'duplicate-column', {
					vi: `Hai cột cùng là "${importColumn(field).header.vi}"`,
					en: `Two columns are both "${importColumn(field).header.en}"`
				})
			);
			return;
		}
		columnIndex.set(field, index);
	});
	const missing = (vi: string, en: string) =>
		errors.push(issue(headerRow.number, '', '', 'missing-column', { vi, en }));
	for (const column of IMPORT_KIND_COLUMNS[kind]) {
		if (column.required && !columnIndex.has(column.field)) {
			const { header: name } = importColumn(column.field);
			missing(`Thiếu cột "${name.vi}"`, `The column "${name.en}" is missing`);
		}
	}
	if (kind !== 'teams' && !columnIndex.has('hamletId') && !columnIndex.has('hamletName')) {
		missing(
			'Cần cột "Mã thôn" hoặc "Tên thôn/tổ dân phố"',
			'A "Hamlet id" or "Hamlet name" column is needed'
		);
	}
	if (kind === 'activities' && !columnIndex.has('teamId') && !columnIndex.has('teamName')) {
		missing('Cần cột "Mã tổ CĐS" hoặc "Tên tổ CĐS"', 'A "Team id" or "Team name" column is needed');
	}
	if (kind === 'activities' && columnIndex.has('lng') !== columnIndex.has('lat')) {
		missing(
			'Cần cả hai cột "Kinh độ" và "Vĩ độ", hoặc không cột nào',
			'Both "Longitude" and "Latitude" are needed, or neither'
		);
	}
	if (kind === 'register' && !REGISTER_FIGURES.some((field) => columnIndex.has(field))) {
		missing(
			'Cần ít nhất một cột số liệu (số hộ, người trưởng thành, người cao tuổi, tỷ lệ DTTS, khu vực)',
			'At least one figure column is needed (households, adults, elderly, minority share, area)'
		);
	}
	const dataRows = table.rows.slice(header.index + 1);
	if (dataRows.length === 0) {
		errors.push(
			issue(headerRow.number, '', '', 'no-rows', {
				vi: 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề',
				en: 'The file has no data rows below its header'
			})
		);
	}
	if (errors.length > 0) return { ...empty(), rowCount: dataRows.length };

	const context = new RowContext(reference, scope, columnIndex, headerRow);
	const validate = ROW_VALIDATORS[kind];
	const rows: unknown[] = [];
	for (const [index, row] of dataRows.entries()) {
		const record = validate(context, row);
		if (record) rows.push(record);
		if ((index + 1) % 2000 === 0) {
			await progress?.(index + 1);
			await nextTurn();
		}
	}
	await progress?.(dataRows.length);
	context.finish();
	return {
		records: { kind, rows } as ImportRecords,
		rowCount: dataRows.length,
		errors: context.errors,
		warnings: [...warnings, ...context.warnings]
	};
}

/** What validating one row needs: the reference data, the scope, the columns, and where issues go. */
class RowContext {
	readonly errors: ImportIssue[] = [];
	readonly warnings: ImportIssue[] = [];
	readonly hamletsById: ReadonlyMap<number, HamletReference>;
	readonly hamletNames: NameIndex<HamletReference>;
	readonly teamsById: ReadonlyMap<number, Named>;
	readonly teamNames: NameIndex<Named>;
	/** Keys seen so far (activity key, hamlet + month, team, hamlet), with their row. */
	readonly seen = new Map<string, number>();
	private failed = false;

	constructor(
		readonly reference: ReferenceData,
		readonly scope: ImportScope,
		private readonly columns: ReadonlyMap<ImportField, number>,
		private readonly header: TableRow
	) {
		this.hamletsById = new Map(reference.hamlets.map((hamlet) => [hamlet.id, hamlet]));
		this.hamletNames = new NameIndex(reference.hamlets);
		this.teamsById = new Map(reference.teams.map((team) => [team.id, team]));
		this.teamNames = new NameIndex(reference.teams);
	}

	has(field: ImportField): boolean {
		return this.columns.has(field);
	}

	/** The header of a field's column as the file wrote it. */
	columnName(field: ImportField): string {
		const index = this.columns.get(field);
		return index === undefined ? importColumn(field).header.vi : cellText(this.header.cells[index] ?? null);
	}

	cell(row: TableRow, field: ImportField): Cell {
		const index = this.columns.get(field);
		return index === undefined ? null : (row.cells[index] ?? null);
	}

	error(row: TableRow, field: ImportField | '', code: string, message: Label): void {
		this.failed = true;
		if (this.errors.length >= MAX_LISTED_ISSUES) return;
		const value = field === '' ? '' : cellText(this.cell(row, field));
		this.errors.push(issue(row.number, field === '' ? '' : this.columnName(field), value, code, message));
	}

	warn(row: TableRow, field: ImportField | '', code: string, message: Label): void {
		if (this.warnings.length >= MAX_LISTED_ISSUES) return;
		const value = field === '' ? '' : cellText(this.cell(row, field));
		this.warnings.push(issue(row.number, field === '' ? '' : this.columnName(field), value, code, message));
	}

	/** Reads a field with `reader`; a blank cell is `fallback` when given, else a "required" error. */
	read<T>(row: TableRow, field: ImportField, reader: (cell: Cell) => Read<T>, fallback?: T): T | undefined {
		const cell = this.cell(row, field);
		if (isBlank(cell)) {
			if (fallback !== undefined) return fallback;
			this.error(row, field, 'required', {
				vi: 'Ô này không được để trống',
				en: 'This cell must not be empty'
			});
			return undefined;
		}
		const result = reader(cell);
		if (result.ok) return result.value;
		this.error(row, field, 'invalid-value', result.message);
		return undefined;
	}

	/** Starts a row: whether it has failed is then tracked from here. */
	begin(): void {
		this.failed = false;
	}

	get rowFailed(): boolean {
		return this.failed;
	}

	/** Whether the person may import rows of this commune. */
	inScope(communeCode: string): boolean {
		const { communeCodes, selected } = this.scope;
		if (selected !== null && communeCode !== selected) return false;
		return communeCodes === 'all' || communeCodes.includes(communeCode);
	}

	outOfScope(row: TableRow, field: ImportField, communeCode: string): void {
		const allowed =
			this.scope.selected ?? (this.scope.communeCodes === 'all' ? '' : this.scope.communeCodes.join(', '));
		this.error(row, field, 'other-commune', {
			vi: `Dòng này thuộc xã/phường ${communeCode}; tệp này chỉ được nhập cho ${allowed}`,
			en: `This row belongs to commune ${communeCode}; this file may only hold rows of ${allowed}`
		});
	}

	/** The row's commune: its commune-code column, or the one chosen on the form. */
	communeOf(row: TableRow): string | undefined {
		const code =
			this.has('communeCode') && !isBlank(this.cell(row, 'communeCode'))
				? this.read(row, 'communeCode', readText)
				: this.scope.selected;
		if (code === undefined) return undefined;
		if (code === null) {
			this.error(row, 'communeCode', 'required', {
				vi: 'Cần mã xã/phường (hoặc chọn xã/phường khi tải lên)',
				en: 'A commune code is needed (or choose the commune when uploading)'
			});
			return undefined;
		}
		const padded = /^\d{1,5}$/.test(code) ? code.padStart(5, '0') : code;
		if (!this.reference.communeCodes.has(padded)) {
			this.error(row, 'communeCode', 'unknown-commune', {
				vi: `Không có xã/phường mã ${code}`,
				en: `No commune has code ${code}`
			});
			return undefined;
		}
		if (!this.inScope(padded)) {
			this.outOfScope(row, 'communeCode', padded);
			return undefined;
		}
		return padded;
	}

	/** The row's hamlet, by id or by commune and name, inside the scope. */
	hamletOf(row: TableRow): HamletReference | undefined {
		if (this.has('hamletId') && !isBlank(this.cell(row, 'hamletId'))) {
			const id = this.read(row, 'hamletId', readId);
			if (id === undefined) return undefined;
			const hamlet = this.hamletsById.get(id);
			if (!hamlet) {
				this.error(row, 'hamletId', 'unknown-hamlet', {
					vi: `Không có thôn mã ${id}`,
					en: `No hamlet has id ${id}`
				});
				return undefined;
			}
			if (!this.inScope(hamlet.communeCode)) {
				this.outOfScope(row, 'hamletId', hamlet.communeCode);
				return undefined;
			}
			if (this.has('hamletName') && !isBlank(this.cell(row, 'hamletName'))) {
				const name = readText(this.cell(row, 'hamletName'));
				const match = name.ok ? this.hamletNames.find(hamlet.communeCode, name.value) : undefined;
				if (match?.kind !== 'found' || match.item.id !== id) {
					this.warn(row, 'hamletName', 'name-differs', {
						vi: `Tên khác với tên của thôn mã ${id} ("${hamlet.name}"): dùng mã thôn`,
						en: `The name differs from hamlet ${id}'s ("${hamlet.name}"): the id is used`
					});
				}
			}
			return hamlet;
		}
		if (!this.has('hamletName')) {
			this.error(row, 'hamletId', 'required', { vi: 'Cần mã thôn', en: 'A hamlet id is needed' });
			return undefined;
		}
		const communeCode = this.communeOf(row);
		const name = this.read(row, 'hamletName', readText);
		if (communeCode === undefined || name === undefined) return undefined;
		const match = this.hamletNames.find(communeCode, name);
		if (match.kind === 'found') return match.item;
		if (match.kind === 'ambiguous') {
			this.error(row, 'hamletName', 'ambiguous-hamlet', {
				vi: `Có nhiều thôn trùng tên này ở xã/phường ${communeCode}: ${listNames(match.candidates)}. Hãy ghi mã thôn`,
				en: `Several hamlets of commune ${communeCode} have this name: ${listNames(match.candidates)}. Give the hamlet id`
			});
		} else {
			const closest = match.closest.length > 0 ? listNames(match.closest) : '—';
			this.error(row, 'hamletName', 'unknown-hamlet', {
				vi: `Không có thôn tên này ở xã/phường ${communeCode}. Tên gần nhất: ${closest}`,
				en: `Commune ${communeCode} has no hamlet of this name. Closest names: ${closest}`
			});
		}
		return undefined;
	}

	/** The activity's team, by id or by name in the hamlet's commune. */
	teamOf(row: TableRow, communeCode: string): Named | undefined {
		if (this.has('teamId') && !isBlank(this.cell(row, 'teamId'))) {
			const id = this.read(row, 'teamId', readId);
			if (id === undefined) return undefined;
			const team = this.teamsById.get(id);
			if (!team) {
				this.error(row, 'teamId', 'unknown-team', {
					vi: `Không có tổ CĐS mã ${id}`,
					en: `No team has id ${id}`
				});
				return undefined;
			}
			if (team.communeCode !== communeCode) {
				this.error(row, 'teamId', 'unknown-team', {
					vi: `Tổ CĐS ${id} thuộc xã/phường ${team.communeCode}, không phải ${communeCode} của thôn`,
					en: `Team ${id} belongs to commune ${team.communeCode}, not the hamlet's ${communeCode}`
				});
				return undefined;
			}
			return team;
		}
		const name = this.read(row, 'teamName', readText);
		if (name === undefined) return undefined;
		const match = this.teamNames.find(communeCode, name);
		if (match.kind === 'found') return match.item;
		const names = match.kind === 'ambiguous' ? match.candidates : match.closest;
		this.error(row, 'teamName', match.kind === 'ambiguous' ? 'ambiguous-team' : 'unknown-team', {
			vi: `${match.kind === 'ambiguous' ? 'Có nhiều tổ CĐS trùng tên này' : 'Không có tổ CĐS tên này'} ở xã/phường ${communeCode}. Các tổ: ${listNames(names) || '—'}`,
			en: `${match.kind === 'ambiguous' ? 'Several teams have this name' : 'No team has this name'} in commune ${communeCode}. Teams: ${listNames(names) || '—'}`
		});
		return undefined;
	}

	/** Refuses a key already seen in the file, naming the row that had it first. */
	once(row: TableRow, key: string, field: ImportField | '', what: Label): boolean {
		const first = this.seen.get(key);
		if (first !== undefined) {
			this.error(row, field, 'duplicate-key', {
				vi: `Trùng với dòng ${first} (${what.vi})`,
				en: `Same as row ${first} (${what.en})`
			});
			return false;
		}
		this.seen.set(key, row.number);
		return true;
	}

	/** A survey month no later than this month and no earlier than the programme's first. */
	inRange(row: TableRow, field: ImportField, day: string): boolean {
		const latest = `${this.reference.today.slice(0, 8)}01`;
		if (day > latest) {
			this.error(row, field, 'future-date', {
				vi: `Ngày ở tương lai (sau ${format(latest)}): không nhận`,
				en: `A date in the future (after ${format(latest)}): refused`
			});
			return false;
		}
		if (day < EARLIEST_DAY) {
			this.error(row, field, 'date-out-of-range', {
				vi: `Ngày trước ${format(EARLIEST_DAY)}: ngoài thời gian của chương trình`,
				en: `A date before ${format(EARLIEST_DAY)}: outside the programme's time`
			});
			return false;
		}
		return true;
	}

	finish(): void {
		if (this.errors.length >= MAX_LISTED_ISSUES) {
			this.errors.push(
				issue(0, '', '', 'too-many-errors', {
					vi: `Còn nhiều lỗi khác: chỉ liệt kê ${MAX_LISTED_ISSUES} lỗi đầu tiên`,
					en: `More errors follow: only the first ${MAX_LISTED_ISSUES} are listed`
				})
			);
		}
	}
}

function format(day: string): string {
	return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/** A zod refusal of a built record (the one definition of the row) as a row error. */
function schemaIssues(
	context: RowContext,
	row: TableRow,
	error: { issues: { path: PropertyKey[]; message: string }[] }
): void {
	for (const problem of error.issues) {
		context.error(row, '', 'invalid-value', {
			vi: `Giá trị không hợp lệ (${problem.path.map(String).join('.') || 'dòng'}): ${problem.message}`,
			en: `Invalid value (${problem.path.map(String).join('.') || 'row'}): ${problem.message}`
		});
	}
}

type RowValidator = (context: RowContext, row: TableRow) => unknown;

/** The column of each field of the activity definition, for its issues. */
const ACTIVITY_FIELD_COLUMNS: Readonly<Record<string, ImportField>> = {
	hamletId: 'hamletId',
	teamId: 'teamName',
	kind: 'activityKind',
	occurredOn: 'occurredOn',
	householdsNew: 'householdsNew',
	householdsRevisited: 'householdsRevisited',
	peopleGuided: 'peopleGuided',
	peopleAged60Plus: 'peopleAged60Plus',
	peopleFromMinorities: 'peopleFromMinorities',
	topics: 'topics',
	note: 'note',
	location: 'lng',
	idempotencyKey: 'activityKey'
};

const ROW_VALIDATORS: Record<ImportKind, RowValidator> = {
	activities(context, row): ActivityRecord | undefined {
		context.begin();
		const hamlet = context.hamletOf(row);
		const team = hamlet ? context.teamOf(row, hamlet.communeCode) : undefined;
		const kind = context.read(row, 'activityKind', readActivityKind);
		const occurredOn = context.read(row, 'occurredOn', readDate);
		const householdsNew = context.read(row, 'householdsNew', readCount);
		const householdsRevisited = context.read(row, 'householdsRevisited', readCount, 0);
		const peopleGuided = context.read(row, 'peopleGuided', readCount, 0);
		// An empty cell is "not recorded", not 0: the dashboard says so instead of counting nobody.
		const peopleAged60Plus = context.read<number | null>(row, 'peopleAged60Plus', readCount, null);
		const peopleFromMinorities = context.read<number | null>(row, 'peopleFromMinorities', readCount, null);
		const topics = context.read(row, 'topics', readTopics);
		const note = context.read(row, 'note', (cell) => readText(cell, MAX_TEXT_LENGTH), '');
		const lng = context.read(row, 'lng', readCoordinate, Number.NaN);
		const lat = context.read(row, 'lat', readCoordinate, Number.NaN);
		const located = lng !== undefined && lat !== undefined && !Number.isNaN(lng) && !Number.isNaN(lat);
		if (lng !== undefined && lat !== undefined && Number.isNaN(lng) !== Number.isNaN(lat)) {
			context.error(row, Number.isNaN(lng) ? 'lng' : 'lat', 'required', {
				vi: 'Cần cả kinh độ và vĩ độ, hoặc để trống cả hai',
				en: 'Give both longitude and latitude, or neither'
			});
		}
		if (located && lng >= 20 && lng <= 22 && lat >= 104.5 && lat <= 107) {
			context.error(row, 'lng', 'swapped-coordinates', {
				vi: 'Kinh độ và vĩ độ có vẻ bị đảo: ở Hà Nội kinh độ ≈ 105–106, vĩ độ ≈ 20,5–21,4',
				en: 'Longitude and latitude look swapped: in Hanoi longitude ≈ 105–106, latitude ≈ 20.5–21.4'
			});
		}
		const givenKey = context.read(row, 'activityKey', readText, '');
		if (context.rowFailed || !hamlet || !team) return undefined;
		// A key the office gives is kept per commune; without one, the row's content is its key, so the same
		// row uploaded again is recognised and not recorded twice.
		const content = [
			hamlet.id,
			team.id,
			kind,
			occurredOn,
			householdsNew,
			householdsRevisited,
			peopleGuided,
			// 0 for an empty cell, as before the cells could be empty, so a file uploaded again keeps its keys.
			peopleAged60Plus ?? 0,
			peopleFromMinorities ?? 0,
			[...topics!].sort().join('+'),
			located ? `${lng},${lat}` : '',
			note
		].join('|');
		const key = givenKey
			? `import/${hamlet.communeCode}/${givenKey}`
			: `import/${hamlet.communeCode}/row-${createHash('sha256').update(content).digest('hex').slice(0, 32)}`;
		const twice = givenKey
			? { vi: 'cùng mã hoạt động', en: 'the same activity key' }
			: {
					vi: 'cùng nội dung; thêm cột "Mã hoạt động" nếu đúng là hai hoạt động',
					en: 'the same content; add an "Activity key" column if these are two activities'
				};
		if (!context.once(row, key, givenKey ? 'activityKey' : '', twice)) return undefined;
		// The one definition of an activity (src/lib/activity-input.ts) has the last word on every value.
		const checked = validateActivityRow(
			{
				id: activityIdOf(key),
				hamletId: hamlet.id,
				teamId: team.id,
				kind,
				occurredOn,
				location: located ? [lng, lat] : [hamlet.lng, hamlet.lat],
				householdsNew,
				householdsRevisited,
				peopleGuided,
				peopleAged60Plus,
				peopleFromMinorities,
				topics,
				note,
				idempotencyKey: key
			},
			'',
			context.reference.today
		);
		if (!checked.ok) {
			const seen = new Set<string>();
			for (const problem of checked.issues) {
				if (seen.has(problem.code)) continue;
				seen.add(problem.code);
				const field = ACTIVITY_FIELD_COLUMNS[problem.path.split('.')[0] ?? ''] ?? '';
				context.error(row, field, problem.code, { vi: problem.vi, en: problem.en });
			}
			return undefined;
		}
		return { ...checked.value, row: row.number, communeCode: hamlet.communeCode };
	},

	surveys(context, row): SurveyRecord | undefined {
		context.begin();
		const hamlet = context.hamletOf(row);
		const month = context.read(row, 'month', readMonth);
		if (month !== undefined) context.inRange(row, 'month', month);
		const counts = {
			adultsAssessed: context.read(row, 'adultsAssessed', readCount),
			withBasicSkills: context.read(row, 'withBasicSkills', readCount),
			withSmartphone: context.read(row, 'withSmartphone', readCount),
			withEpayment: context.read(row, 'withEpayment', readCount),
			withVneidLevel2: context.read(row, 'withVneidLevel2', readCount)
		};
		if (context.rowFailed || !hamlet) return undefined;
		for (const field of ['withBasicSkills', 'withSmartphone', 'withEpayment', 'withVneidLevel2'] as const) {
			if (counts[field]! > counts.adultsAssessed!) {
				context.error(row, field, 'count-over-assessed', {
					vi: 'Lớn hơn số người được khảo sát',
					en: 'More than the adults assessed'
				});
			}
		}
		if (
			!context.once(row, `${hamlet.id}/${month}`, 'month', {
				vi: 'cùng thôn và tháng',
				en: 'the same hamlet and month'
			})
		)
			return undefined;
		if (context.rowFailed) return undefined;
		if (counts.adultsAssessed! > hamlet.adults) {
			context.warn(row, 'adultsAssessed', 'more-than-register', {
				vi: `Nhiều hơn số người trưởng thành của thôn trong sổ (${hamlet.adults})`,
				en: `More than the hamlet's adults in the register (${hamlet.adults})`
			});
		}
		const parsed = surveyRowSchema.safeParse({ hamletId: hamlet.id, month, ...counts });
		if (!parsed.success) {
			schemaIssues(context, row, parsed.error);
			return undefined;
		}
		return { ...parsed.data, row: row.number, communeCode: hamlet.communeCode };
	},

	teams(context, row): TeamRecord | undefined {
		context.begin();
		const communeCode = context.communeOf(row);
		const id = context.has('teamId') ? context.read(row, 'teamId', readId, -1) : -1;
		const name = context.read(row, 'teamName', readText);
		const members = context.read(row, 'members', readCount);
		const membersTrained = context.read(row, 'membersTrained', readCount);
		if (context.rowFailed || communeCode === undefined || name === undefined) return undefined;
		if (name === '') {
			context.error(row, 'teamName', 'required', { vi: 'Cần tên tổ', en: 'A team name is needed' });
			return undefined;
		}
		if (membersTrained! > members!) {
			context.error(row, 'membersTrained', 'trained-over-members', {
				vi: 'Số thành viên đã tập huấn lớn hơn số thành viên',
				en: 'More members trained than members'
			});
			return undefined;
		}
		let teamId: number | null = id === -1 || id === undefined ? null : id;
		if (teamId !== null) {
			const team = context.teamsById.get(teamId);
			if (team && team.communeCode !== communeCode) {
				context.error(row, 'teamId', 'other-commune', {
					vi: `Tổ CĐS ${teamId} thuộc xã/phường ${team.communeCode}`,
					en: `Team ${teamId} belongs to commune ${team.communeCode}`
				});
				return undefined;
			}
			if (!team) {
				context.error(row, 'teamId', 'unknown-team', {
					vi: `Không có tổ CĐS mã ${teamId}: để trống mã để thêm tổ mới`,
					en: `No team has id ${teamId}: leave the id empty to add a new team`
				});
				return undefined;
			}
		} else {
			const match = context.teamNames.find(communeCode, name);
			if (match.kind === 'found') teamId = match.item.id;
			if (match.kind === 'ambiguous') {
				context.error(row, 'teamName', 'ambiguous-team', {
					vi: `Có nhiều tổ CĐS trùng tên này: ${listNames(match.candidates)}. Hãy ghi mã tổ`,
					en: `Several teams have this name: ${listNames(match.candidates)}. Give the team id`
				});
				return undefined;
			}
		}
		const key = teamId !== null ? `id/${teamId}` : `name/${communeCode}/${name.toLowerCase()}`;
		if (!context.once(row, key, 'teamName', { vi: 'cùng tổ CĐS', en: 'the same team' })) return undefined;
		return {
			row: row.number,
			id: teamId,
			communeCode,
			name,
			members: members!,
			membersTrained: membersTrained!
		};
	},

	register(context, row): RegisterRecord | undefined {
		context.begin();
		const hamlet = context.hamletOf(row);
		const figure = <T>(field: ImportField, reader: (cell: Cell) => Read<T>) =>
			context.has(field) ? context.read(row, field, reader) : undefined;
		const households = figure('households', readCount);
		const adults = figure('adults', readCount);
		const elderly = figure('elderly', readCount);
		const minorityPercent = figure('minorityPercent', readPercent);
		const isRural = figure('area', readArea);
		if (context.rowFailed || !hamlet) return undefined;
		if ((elderly ?? hamlet.elderly) > (adults ?? hamlet.adults)) {
			context.error(row, context.has('elderly') ? 'elderly' : 'adults', 'elderly-over-adults', {
				vi: 'Số người cao tuổi lớn hơn số người trưởng thành',
				en: 'More elderly than adults'
			});
			return undefined;
		}
		if ((households ?? hamlet.households) > (adults ?? hamlet.adults) && (adults ?? hamlet.adults) > 0) {
			context.warn(row, 'households', 'more-households-than-adults', {
				vi: 'Số hộ nhiều hơn số người trưởng thành: kiểm tra lại',
				en: 'More households than adults: check the figures'
			});
		}
		if (
			!context.once(row, `hamlet/${hamlet.id}`, context.has('hamletId') ? 'hamletId' : 'hamletName', {
				vi: 'cùng thôn',
				en: 'the same hamlet'
			})
		)
			return undefined;
		return {
			row: row.number,
			hamletId: hamlet.id,
			communeCode: hamlet.communeCode,
			...(households === undefined ? {} : { households }),
			...(adults === undefined ? {} : { adults }),
			...(elderly === undefined ? {} : { elderly }),
			...(minorityPercent === undefined ? {} : { minorityShare: Math.round(minorityPercent * 100) / 10_000 }),
			...(isRural === undefined ? {} : { isRural })
		};
	}
};
