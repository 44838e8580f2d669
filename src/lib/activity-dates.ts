// An activity's dates, client-safe and without dependencies: the field app's page needs them at once,
// while the activity definition (activity-input.ts, with zod) is loaded only when a record is checked.

/** The programme's first day: no activity is recorded before it. */
export const ACTIVITY_FIRST_DAY = '2026-01-01';

// Vietnam keeps UTC+7 all year (no daylight saving time).
const HANOI_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Today's date in Hanoi (YYYY-MM-DD), whatever the phone's or the server's time zone. */
export function hanoiToday(now: Date = new Date()): string {
	return new Date(now.getTime() + HANOI_OFFSET_MS).toISOString().slice(0, 10);
}
