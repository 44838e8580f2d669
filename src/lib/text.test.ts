import { describe, expect, it } from 'vitest';
import { foldVietnamese, hasControlCharacters } from './text';

describe('foldVietnamese', () => {
	it('drops tone and vowel marks, đ and case', () => {
		expect(foldVietnamese('Phường Ba Đình')).toBe('phuong ba dinh');
		expect(foldVietnamese('  Xã   Yên Bài ')).toBe('xa yen bai');
	});

	it('treats precomposed and decomposed input alike', () => {
		expect(foldVietnamese('Đồng Ké'.normalize('NFD'))).toBe(foldVietnamese('Đồng Ké'.normalize('NFC')));
		expect(foldVietnamese('Đong Kế')).toBe(foldVietnamese('Đồng Ké'));
	});
});

describe('hasControlCharacters', () => {
	it('finds C0, DEL and C1 characters; line breaks and tabs only when they are not allowed', () => {
		for (const text of ['a\u0000b', 'a\u001bb', 'a\u007fb', 'a\u0085b']) {
			expect(hasControlCharacters(text, { lineBreaks: true })).toBe(true);
		}
		expect(hasControlCharacters('Dòng 1\r\n\tDòng 2')).toBe(true);
		expect(hasControlCharacters('Dòng 1\r\n\tDòng 2', { lineBreaks: true })).toBe(false);
		expect(hasControlCharacters('Thôn Đồng Chằm – “ưu tiên”')).toBe(false);
	});
});
