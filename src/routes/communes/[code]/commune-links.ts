// Pages of a commune that other work adds (issue 10: imports and official boundaries): their addresses
// in one place, so that the links follow if those routes move. They are plain paths, not resolve()d,
// because SvelteKit's typed routes only know the routes that exist in this build.
import { localizeHref } from '$lib/paraglide/runtime';

/** The data import page, opened for the commune. */
export const COMMUNE_IMPORT_PATH = (code: string) => localizeHref(`/import?commune=${code}`);

/** The commune's official hamlet boundaries upload. */
export const COMMUNE_BOUNDARIES_PATH = (code: string) => localizeHref(`/communes/${code}/boundaries`);
