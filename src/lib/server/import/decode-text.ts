// The text of an uploaded CSV: UTF-8 (with or without BOM) or UTF-16 with its BOM as they are; a file
// in a legacy Vietnamese encoding (Windows-1258, TCVN3) is recognised by which decoding gives Vietnamese
// and decoded, or refused with how to save it as UTF-8 when neither does. Never read as garbage; NFC.
import iconv from 'iconv-lite';
import { InputError } from '$lib/input-error';

/** Vietnamese letters: the vowels with every tone and vowel mark, đ, in both cases (precomposed, NFC). */
const VIETNAMESE_LETTERS: ReadonlySet<string> = (() => {
	const letters = new Set<string>(['đ', 'Đ']);
	const vowels = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
	for (const vowel of vowels) {
		for (const tone of ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323']) {
			const letter = `${vowel}${tone}`.normalize('NFC');
			letters.add(letter);
			letters.add(letter.toUpperCase());
		}
	}
	return letters;
})();

/** Characters a Vietnamese spreadsheet plausibly holds besides its letters. */
const PLAIN = /[\p{ASCII}\u00a0–—‘’“”…°ºª€₫×]/u;

/** How many characters of `text` are neither ASCII, Vietnamese letters nor common punctuation. */
function oddCharacters(text: string): number {
	let odd = 0;
	for (const character of text) {
		if (!PLAIN.test(character) && !VIETNAMESE_LETTERS.has(character)) odd++;
	}
	return odd;
}

/** Every vowel letter with its marks (the Vietnamese letters but đ). */
const VOWELS = [...VIETNAMESE_LETTERS].filter((letter) => letter !== 'đ' && letter !== 'Đ').join('');
/** One Vietnamese syllable: an initial consonant, one to three vowels, a final consonant. */
const SYLLABLE = new RegExp(
	`^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[${VOWELS}]{1,3}(ch|ng|nh|[cmnpt])?$`,
	'iu'
);

/**
 * Words with a letter outside ASCII that no Vietnamese syllable spells: a legacy file read in the wrong
 * encoding still gives Vietnamese letters, but in impossible places ('Noởl'). Abbreviations in capitals
 * ('CĐS') are left alone.
 */
function implausibleWords(text: string): number {
	let odd = 0;
	for (const word of text.match(/\p{L}+/gu) ?? []) {
		if (/^[\p{ASCII}]+$/u.test(word) || word === word.toUpperCase()) continue;
		// A syllable carries one tone mark at most.
		const tones = word.normalize('NFD').match(/[\u0300\u0301\u0303\u0309\u0323]/g)?.length ?? 0;
		if (tones > 1 || !SYLLABLE.test(word)) odd++;
	}
	return odd;
}

/** How many characters of `text` are Vietnamese letters outside ASCII. */
function vietnameseLetters(text: string): number {
	let count = 0;
	for (const character of text) if (VIETNAMESE_LETTERS.has(character)) count++;
	return count;
}

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'tcvn3';

const SAVE_AS_UTF8 = {
	vi: 'Không nhận ra bảng mã của tệp. Trong Excel, chọn File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)", hoặc tải lên tệp .xlsx',
	en: 'The file’s encoding could not be recognised. In Excel, choose File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)", or upload the .xlsx file'
};

/**
 * The text of `bytes` and the encoding it was read in. Legacy files are decoded with both candidate
 * encodings; the one that gives only Vietnamese letters and plain characters wins, and a file both or
 * neither read cleanly is refused (an InputError with how to save the file as UTF-8).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
		return { text: utf8(buffer.subarray(3)), encoding: 'utf-8' };
	}
	if (buffer[0] === 0xff && buffer[1] === 0xfe) {
		return { text: iconv.decode(buffer.subarray(2), 'utf16le').normalize('NFC'), encoding: 'utf-16le' };
	}
	if (buffer[0] === 0xfe && buffer[1] === 0xff) {
		return { text: iconv.decode(buffer.subarray(2), 'utf16be').normalize('NFC'), encoding: 'utf-16be' };
	}
	try {
		return {
			text: new TextDecoder('utf-8', { fatal: true }).decode(buffer).normalize('NFC'),
			encoding: 'utf-8'
		};
	} catch {
		// Not UTF-8: a legacy encoding, told apart below.
	}
	const candidates = (['windows-1258', 'tcvn3'] as const).map((encoding) => {
		const text = iconv.decode(buffer, encoding === 'tcvn3' ? 'tcvn' : 'windows1258').normalize('NFC');
		return {
			encoding,
			text,
			odd: oddCharacters(text) + implausibleWords(text),
			letters: vietnameseLetters(text)
		};
	});
	// The reading with the fewest odd characters and words wins when it is nearly clean and clearly ahead.
	candidates.sort((a, b) => a.odd - b.odd);
	const [best, other] = candidates as [(typeof candidates)[number], (typeof candidates)[number]];
	if (best.letters > 0 && best.odd <= best.letters * 0.02 && other.odd > best.odd * 3 + 2) {
		return { text: best.text, encoding: best.encoding };
	}
	throw InputError.invalid('unknown-encoding', SAVE_AS_UTF8);
}

function utf8(buffer: Buffer): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(buffer).normalize('NFC');
	} catch {
		throw InputError.invalid('unknown-encoding', {
			vi: `Tệp ghi là UTF-8 (có BOM) nhưng có byte không hợp lệ. ${SAVE_AS_UTF8.vi}`,
			en: `The file says UTF-8 (it has a BOM) but holds invalid bytes. ${SAVE_AS_UTF8.en}`
		});
	}
}
