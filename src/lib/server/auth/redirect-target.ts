/**
 * Where to go after signing in: a path of this site only (never `//host` or `/\host`, which browsers
 * read as another site), else the map.
 */
export function redirectTarget(text: string | null): string {
	if (!text || !text.startsWith('/') || text.startsWith('//') || text.startsWith('/\\')) return '/';
	return text;
}
