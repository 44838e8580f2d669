// The one table of spreadsheet columns for /import: per field, the header the templates write (Vietnamese,
// English) and the other names offices use, matched without case, diacritics or punctuation. Client-safe:
// the page lists the columns of each kind from it.
import type { ImportKind, Label } from './domain';
import { foldVietnamese } from './text';

/** How a cell is read (src/lib/server/import/cell-values.ts). */
type ColumnType =
	'id' | 'text' | 'count' | 'date' | 'month' | 'percent' | 'kind' | 'topics' | 'area' | 'coordinate';

export type ImportField =
	| 'hamletId'
	| 'communeCode'
	| 'hamletName'
	| 'activityKey'
	| 'teamId'
	| 'teamName'
	| 'activityKind'
	| 'occurredOn'
	| 'householdsNew'
	| 'householdsRevisited'
	| 'peopleGuided'
	| 'peopleAged60Plus'
	| 'peopleFromMinorities'
	| 'note'
	| 'topics'
	| 'lng'
	| 'lat'
	| 'month'
	| 'adultsAssessed'
	| 'withBasicSkills'
	| 'withSmartphone'
	| 'withEpayment'
	| 'withVneidLevel2'
	| 'members'
	| 'membersTrained'
	| 'households'
	| 'adults'
	| 'elderly'
	| 'minorityPercent'
	| 'area';

interface ColumnDefinition {
	field: ImportField;
	header: Label;
	type: ColumnType;
	/** Other names, written as people write them; matching folds them like the headers. */
	aliases: readonly string[];
}

/** Every column any kind reads; `IMPORT_KIND_COLUMNS` says which kind reads which. */
export const IMPORT_COLUMNS: readonly ColumnDefinition[] = [
	{
		field: 'hamletId',
		header: { vi: 'Mã thôn', en: 'Hamlet id' },
		type: 'id',
		aliases: ['mã thôn/tổ dân phố', 'mã tổ dân phố', 'id thôn', 'hamlet_id', 'hamletId']
	},
	{
		field: 'communeCode',
		header: { vi: 'Mã xã/phường', en: 'Commune code' },
		type: 'text',
		aliases: ['mã xã', 'mã phường', 'mã đơn vị', 'commune', 'commune_code', 'communeCode']
	},
	{
		field: 'hamletName',
		header: { vi: 'Tên thôn/tổ dân phố', en: 'Hamlet name' },
		type: 'text',
		aliases: ['tên thôn', 'thôn', 'tổ dân phố', 'thôn/tổ dân phố', 'tên tổ dân phố', 'hamlet', 'hamlet_name']
	},
	{
		field: 'activityKey',
		header: { vi: 'Mã hoạt động', en: 'Activity key' },
		type: 'text',
		aliases: ['khóa', 'khóa chống trùng', 'mã số hoạt động', 'key', 'idempotency key', 'activity id']
	},
	{
		field: 'teamId',
		header: { vi: 'Mã tổ CĐS', en: 'Team id' },
		type: 'id',
		aliases: ['mã tổ', 'id tổ', 'team_id', 'teamId']
	},
	{
		field: 'teamName',
		header: { vi: 'Tên tổ CĐS', en: 'Team name' },
		type: 'text',
		aliases: ['tổ CĐS', 'tên tổ', 'tổ chuyển đổi số', 'tổ chuyển đổi số cộng đồng', 'team', 'team_name']
	},
	{
		field: 'activityKind',
		header: { vi: 'Hình thức', en: 'Kind' },
		type: 'kind',
		aliases: ['loại', 'loại hoạt động', 'hình thức hoạt động', 'activity kind', 'type']
	},
	{
		field: 'occurredOn',
		header: { vi: 'Ngày', en: 'Date' },
		type: 'date',
		aliases: ['ngày thực hiện', 'ngày hoạt động', 'thời gian', 'occurred on', 'occurred_on', 'day']
	},
	{
		field: 'householdsNew',
		header: { vi: 'Số hộ tiếp cận mới', en: 'New households reached' },
		type: 'count',
		aliases: [
			'hộ mới',
			'số hộ mới',
			'số hộ được tiếp cận',
			'households new',
			'new households',
			'householdsNew'
		]
	},
	{
		field: 'householdsRevisited',
		header: { vi: 'Số hộ thăm lại', en: 'Households revisited' },
		type: 'count',
		aliases: ['hộ thăm lại', 'số hộ đến lại', 'revisited', 'households_revisited', 'householdsRevisited']
	},
	{
		field: 'peopleGuided',
		header: { vi: 'Số người được hướng dẫn', en: 'People guided' },
		type: 'count',
		aliases: ['số người', 'người được hướng dẫn', 'số lượt người', 'people', 'people_guided', 'peopleGuided']
	},
	{
		field: 'peopleAged60Plus',
		header: { vi: 'Số người từ 60 tuổi', en: 'People aged 60+' },
		type: 'count',
		aliases: [
			'người cao tuổi được hướng dẫn',
			'số người cao tuổi được hướng dẫn',
			'people aged 60 plus',
			'peopleAged60Plus'
		]
	},
	{
		field: 'peopleFromMinorities',
		header: { vi: 'Số người dân tộc thiểu số', en: 'People from ethnic minorities' },
		type: 'count',
		aliases: [
			'người DTTS',
			'số người DTTS',
			'người dân tộc thiểu số',
			'ethnic minorities',
			'peopleFromMinorities'
		]
	},
	{
		field: 'note',
		header: { vi: 'Ghi chú', en: 'Note' },
		type: 'text',
		aliases: ['notes', 'ghi chú thêm']
	},
	{
		field: 'topics',
		header: { vi: 'Nội dung', en: 'Topics' },
		type: 'topics',
		aliases: ['chủ đề', 'nội dung hướng dẫn', 'topic']
	},
	{
		field: 'lng',
		header: { vi: 'Kinh độ', en: 'Longitude' },
		type: 'coordinate',
		aliases: ['lng', 'lon', 'long', 'x']
	},
	{
		field: 'lat',
		header: { vi: 'Vĩ độ', en: 'Latitude' },
		type: 'coordinate',
		aliases: ['lat', 'y']
	},
	{
		field: 'month',
		header: { vi: 'Tháng', en: 'Month' },
		type: 'month',
		aliases: ['tháng khảo sát', 'kỳ khảo sát', 'survey month']
	},
	{
		field: 'adultsAssessed',
		header: { vi: 'Số người được khảo sát', en: 'Adults assessed' },
		type: 'count',
		aliases: ['số người khảo sát', 'người được khảo sát', 'adults_assessed', 'adultsAssessed', 'assessed']
	},
	{
		field: 'withBasicSkills',
		header: { vi: 'Có kỹ năng số cơ bản', en: 'With basic digital skills' },
		type: 'count',
		aliases: ['kỹ năng số cơ bản', 'có kỹ năng số', 'kỹ năng số', 'basic skills', 'withBasicSkills']
	},
	{
		field: 'withSmartphone',
		header: { vi: 'Có điện thoại thông minh', en: 'With a smartphone' },
		type: 'count',
		aliases: ['điện thoại thông minh', 'có smartphone', 'smartphone', 'withSmartphone']
	},
	{
		field: 'withEpayment',
		header: { vi: 'Có tài khoản thanh toán điện tử', en: 'With an e-payment account' },
		type: 'count',
		aliases: ['thanh toán điện tử', 'tài khoản thanh toán điện tử', 'e-payment', 'epayment', 'withEpayment']
	},
	{
		field: 'withVneidLevel2',
		header: { vi: 'Có VNeID mức 2', en: 'With VNeID level 2' },
		type: 'count',
		aliases: [
			'VNeID mức 2',
			'định danh điện tử mức 2',
			'tài khoản định danh điện tử mức độ 2',
			'vneid',
			'withVneidLevel2'
		]
	},
	{
		field: 'members',
		header: { vi: 'Số thành viên', en: 'Members' },
		type: 'count',
		aliases: ['thành viên', 'số thành viên tổ', 'members']
	},
	{
		field: 'membersTrained',
		header: { vi: 'Số thành viên đã tập huấn', en: 'Members trained' },
		type: 'count',
		aliases: [
			'đã tập huấn',
			'thành viên đã tập huấn',
			'số người đã tập huấn',
			'trained',
			'members_trained',
			'membersTrained'
		]
	},
	{
		field: 'households',
		header: { vi: 'Số hộ', en: 'Households' },
		type: 'count',
		aliases: ['hộ gia đình', 'số hộ gia đình', 'tổng số hộ', 'households']
	},
	{
		field: 'adults',
		header: { vi: 'Số người trưởng thành', en: 'Adults' },
		type: 'count',
		aliases: ['người trưởng thành', 'số người từ 18 tuổi', 'adults']
	},
	{
		field: 'elderly',
		header: { vi: 'Số người cao tuổi (60+)', en: 'Elderly (60+)' },
		type: 'count',
		aliases: ['người cao tuổi', 'số người cao tuổi', 'elderly']
	},
	{
		field: 'minorityPercent',
		header: { vi: 'Tỷ lệ người DTTS (%)', en: 'Ethnic-minority share (%)' },
		type: 'percent',
		aliases: [
			'tỷ lệ dân tộc thiểu số',
			'tỷ lệ DTTS',
			'DTTS (%)',
			'ethnic minority share',
			'minority share',
			'minority (%)'
		]
	},
	{
		field: 'area',
		header: { vi: 'Khu vực (nông thôn/thành thị)', en: 'Area (rural/urban)' },
		type: 'area',
		aliases: ['khu vực', 'nông thôn/thành thị', 'nông thôn', 'area', 'rural/urban', 'rural']
	}
];

/** Columns that are read and thrown away: a row number, a note, and the error column of our own report. */
const IGNORED_HEADERS = ['STT', 'số thứ tự', 'TT', 'Lỗi / Error', 'Lỗi', 'Error'];

/** The columns of each kind, in the templates' order; `required` ones must be there (hamlets: see below). */
export const IMPORT_KIND_COLUMNS: Readonly<
	Record<ImportKind, readonly { field: ImportField; required: boolean }[]>
> = {
	activities: [
		{ field: 'activityKey', required: false },
		{ field: 'hamletId', required: false },
		{ field: 'communeCode', required: false },
		{ field: 'hamletName', required: false },
		{ field: 'teamId', required: false },
		{ field: 'teamName', required: false },
		{ field: 'activityKind', required: true },
		{ field: 'occurredOn', required: true },
		{ field: 'householdsNew', required: true },
		{ field: 'householdsRevisited', required: false },
		{ field: 'peopleGuided', required: false },
		{ field: 'peopleAged60Plus', required: false },
		{ field: 'peopleFromMinorities', required: false },
		{ field: 'topics', required: true },
		{ field: 'lng', required: false },
		{ field: 'lat', required: false },
		{ field: 'note', required: false }
	],
	surveys: [
		{ field: 'hamletId', required: false },
		{ field: 'communeCode', required: false },
		{ field: 'hamletName', required: false },
		{ field: 'month', required: true },
		{ field: 'adultsAssessed', required: true },
		{ field: 'withBasicSkills', required: true },
		{ field: 'withSmartphone', required: true },
		{ field: 'withEpayment', required: true },
		{ field: 'withVneidLevel2', required: true }
	],
	teams: [
		{ field: 'teamId', required: false },
		{ field: 'communeCode', required: false },
		{ field: 'teamName', required: true },
		{ field: 'members', required: true },
		{ field: 'membersTrained', required: true }
	],
	register: [
		{ field: 'hamletId', required: false },
		{ field: 'communeCode', required: false },
		{ field: 'hamletName', required: false },
		{ field: 'households', required: false },
		{ field: 'adults', required: false },
		{ field: 'elderly', required: false },
		{ field: 'minorityPercent', required: false },
		{ field: 'area', required: false }
	]
};

/** The register's figure columns: a register file needs at least one; the absent ones keep their values. */
export const REGISTER_FIGURES: readonly ImportField[] = [
	'households',
	'adults',
	'elderly',
	'minorityPercent',
	'area'
];

/** The definition of a field. */
export function importColumn(field: ImportField): ColumnDefinition {
	return IMPORT_COLUMNS.find((column) => column.field === field)!;
}

/** A header as matched: folded (no case, no diacritics), every run of other characters one space. */
export function headerKey(header: string): string {
	return foldVietnamese(header.normalize('NFC'))
		.replace(/[^a-z0-9+]+/g, ' ')
		.trim();
}

const FIELD_BY_HEADER: ReadonlyMap<string, ImportField | null> = (() => {
	const byKey = new Map<string, ImportField | null>();
	for (const column of IMPORT_COLUMNS) {
		for (const name of [column.header.vi, column.header.en, column.field, ...column.aliases]) {
			const key = headerKey(name);
			const known = byKey.get(key);
			if (known !== undefined && known !== column.field)
				throw new Error(`Header alias "${name}" is ambiguous`);
			byKey.set(key, column.field);
		}
	}
	for (const name of IGNORED_HEADERS) byKey.set(headerKey(name), null);
	return byKey;
})();

/** The field a header names (any alias, any case, with or without diacritics); null: a column to ignore. */
export function fieldOfHeader(header: string): ImportField | null | undefined {
	return FIELD_BY_HEADER.get(headerKey(header));
}
