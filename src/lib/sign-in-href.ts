import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';
import { localizePath } from './i18n';

/** The sign-in page in the page's language, returning to `url` (what the guard's redirect also does). */
export function signInHref(url: URL): ResolvedPathname {
	const back = new URLSearchParams({ redirectTo: url.pathname + url.search });
	return `${localizePath(resolve('/login'))}?${back}` as ResolvedPathname;
}
