import { describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS, IMPORT_KIND_COLUMNS, fieldOfHeader, headerKey } from './import-columns';

describe('the column aliases', () => {
	it.each([
		['Mã thôn', 'hamletId'],
		['MA THON', 'hamletId'],
		['ma_thon', 'hamletId'],
		['Hamlet id', 'hamletId'],
		['Tên thôn/tổ dân phố', 'hamletName'],
		['ten to dan pho', 'hamletName'],
		['Ngày thực hiện', 'occurredOn'],
		['Date', 'occurredOn'],
		['Số hộ tiếp cận mới', 'householdsNew'],
		['so ho moi', 'householdsNew'],
		['New households', 'householdsNew'],
		['Hình thức', 'activityKind'],
		['Tỷ lệ DTTS', 'minorityPercent'],
		['Tỷ lệ người DTTS (%)', 'minorityPercent'],
		['  Có VNeID mức 2 ', 'withVneidLevel2'],
		['Số người từ 60 tuổi', 'peopleAged60Plus'],
		['Ghi chú', 'note']
	])('"%s" names %s', (header, field) => {
		expect(fieldOfHeader(header)).toBe(field);
	});

	it('ignores a row number and our own error column, and knows nothing of other headers', () => {
		expect(fieldOfHeader('STT')).toBeNull();
		expect(fieldOfHeader('Lỗi / Error')).toBeNull();
		expect(fieldOfHeader('Màu yêu thích')).toBeUndefined();
	});

	it('folds case, diacritics and punctuation, and decomposed (NFD) text like composed', () => {
		expect(headerKey('Số hộ  (tiếp cận) mới')).toBe('so ho tiep can moi');
		expect(headerKey('Mã thôn'.normalize('NFD'))).toBe(headerKey('Mã thôn'));
	});

	it('has every column of every kind defined once, and no alias names two columns', () => {
		const fields = IMPORT_COLUMNS.map((column) => column.field);
		expect(new Set(fields).size).toBe(fields.length);
		for (const columns of Object.values(IMPORT_KIND_COLUMNS)) {
			for (const { field } of columns) expect(fields).toContain(field);
		}
		// Each header and alias maps back to its own column (the table throws on an ambiguous alias).
		for (const column of IMPORT_COLUMNS) {
			for (const name of [column.header.vi, column.header.en, ...column.aliases])
				expect(fieldOfHeader(name)).toBe(column.field);
		}
	});
});
