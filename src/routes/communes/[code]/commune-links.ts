// Pages of a commune that other work adds (issue 10: imports and official boundaries): their addresses
// in one place, so that the links follow if those routes move. They are plain paths, not resolve()d,
// because SvelteKit's typed routes only know the routes that exist in this build.
import type { ResolvedPathname } from '$app/types';
import { localizePath } from '$lib/i18n';

/** The data import page, opened for the commune. */
export const COMMUNE_IMPORT_PATH = (code: string) =>
	localizePath(`/import?commune=${code}` as ResolvedPathname);

/** The commune's official hamlet boundaries upload. */
export const COMMUNE_BOUNDARIES_PATH = (code: string) =>
	localizePath(`/communes/${code}/boundaries` as ResolvedPathname);
