import { describe, expect, it } from 'vitest';
import { foldVietnamese } from './text';

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
