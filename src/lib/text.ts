/**
 * Vietnamese text without tone marks, vowel marks or case: 'Phường Ba Đình' → 'phuong ba dinh'.
 * For matching what people type ("ba dinh") and names whose sources spell the marks differently.
 */
export function foldVietnamese(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{Mark}/gu, '')
		.replace(/[đĐ]/g, 'd')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * Whether text holds control characters (C0, DEL, C1: a NUL byte, an escape…), which no name or filter
 * needs and PostgreSQL refuses (NUL) or a terminal or a spreadsheet may act on. `lineBreaks` allows tab,
 * line feed and carriage return, as a multi-line note has them.
 */
export function hasControlCharacters(text: string, options: { lineBreaks?: boolean } = {}): boolean {
	return (options.lineBreaks ? /(?![\t\n\r])\p{Cc}/u : /\p{Cc}/u).test(text);
}
