import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { InputError } from '$lib/input-error';
import { decodeText } from './decode-text';

const SAMPLE =
	'Tên tổ CĐS;Số thành viên\r\nTổ Đông Hưng;5\r\nThôn Ngọc Hà, Hà Nội;3\r\nTổ dân phố số 7 Quỳnh Lôi;12\r\n';

/**
 * Windows-1258 as Excel writes it: the vowel letters it has precomposed (â, ơ…) and the tone marks as
 * combining characters after them. iconv-lite encodes only what the code page holds, so compose that first.
 */
function windows1258(text: string): Buffer {
	const composed = [...text.normalize('NFC')]
		.map((character) => {
			const parts = character.normalize('NFD');
			const tones = parts.replace(/[^\u0300\u0301\u0303\u0309\u0323]/g, '');
			const base = parts.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '').normalize('NFC');
			return base + tones;
		})
		.join('');
	return iconv.encode(composed, 'windows1258');
}

describe('decodeText', () => {
	it('reads UTF-8 with and without a BOM, and UTF-16 with one, as NFC', () => {
		expect(decodeText(new TextEncoder().encode(`\uFEFF${SAMPLE}`))).toEqual({
			text: SAMPLE,
			encoding: 'utf-8'
		});
		expect(decodeText(new TextEncoder().encode(SAMPLE.normalize('NFD')))).toEqual({
			text: SAMPLE,
			encoding: 'utf-8'
		});
		expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]))).toEqual({
			text: SAMPLE,
			encoding: 'utf-16le'
		});
	});

	it('recognises and decodes Windows-1258 (decomposed tone marks)', () => {
		expect(decodeText(windows1258(SAMPLE))).toEqual({ text: SAMPLE, encoding: 'windows-1258' });
	});

	it('recognises and decodes TCVN3 ("Hµ Néi" is "Hà Nội")', () => {
		expect(decodeText(iconv.encode(SAMPLE, 'tcvn'))).toEqual({ text: SAMPLE, encoding: 'tcvn3' });
		expect(decodeText(Buffer.from('Thµnh phè Hµ Néi;1\r\n', 'latin1')).text).toBe('Thành phố Hà Nội;1\r\n');
	});

	it('refuses, with how to save as UTF-8, what neither encoding reads as Vietnamese', () => {
		const latin1 = iconv.encode('Ten;So\r\nÉquipe naïve à Noël;5\r\n', 'latin1');
		expect(() => decodeText(latin1)).toThrow(InputError);
		expect(() => decodeText(latin1)).toThrow(/CSV UTF-8/);
	});
});
