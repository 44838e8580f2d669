// The field app's addresses, shared by the page and the offline worker.

/** The pages the worker keeps for offline use (each language's). */
export const FIELD_PAGE_PATHS: readonly string[] = ['/record', '/en/record'];

/** The hamlets (names, boundaries) of the user's communes, as the page fetches and the worker keeps them. */
export const FIELD_HAMLETS_PATH = '/record/hamlets';

/** Data the worker keeps (network first, the cached copy offline). */
export const FIELD_DATA_PATHS: readonly string[] = [FIELD_HAMLETS_PATH];

/** Where the outbox posts a record. */
export const FIELD_RECORD_PATH = '/record/activities';

/** The Background Sync tag of the outbox. */
export const OUTBOX_SYNC_TAG = 'field-outbox';
