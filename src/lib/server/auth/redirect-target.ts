import { localizeHref } from '../../paraglide/runtime';

/**
 * Where to go after signing in: a path of this site only (never `//host` or `/\host`, which browsers
 * read as another site), else the map in the page's language.
 */
export function redirectTarget(text: string | null): string {
	if (!text || !text.startsWith('/') || text.startsWith('//') || text.startsWith('/\\'))
		return localizeHref('/');
	return text;
}
