// The field app's addresses, shared by the page and the offline worker.

/** The pages the worker keeps for offline use (each language's), with the user's hamlets in them. */
export const FIELD_PAGE_PATHS: readonly string[] = ['/record', '/en/record'];

/** Where the outbox posts a record. */
export const FIELD_RECORD_PATH = '/record/activities';

/** The Background Sync tag of the outbox. */
export const OUTBOX_SYNC_TAG = 'field-outbox';
