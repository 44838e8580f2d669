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
