// Failed sign-ins, counted in the database so that every app instance throttles the same way
// (auth/throttle.ts). Bookkeeping of the sign-in, not a product write: no withWrite, no audit event.
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from './index';
import { loginFailures } from './schema';

/** Failures recorded under any of `keys` since `since`, per key. */
export async function loginFailureCounts(
	db: Database,
	keys: readonly string[],
	since: Date
): Promise<Map<string, number>> {
	const rows = await db
		.select({ key: loginFailures.key, count: count() })
		.from(loginFailures)
		.where(
			and(inArray(loginFailures.key, [...keys]), sql`${loginFailures.failedAt} >= ${since.toISOString()}`)
		)
		.groupBy(loginFailures.key);
	return new Map(rows.map((row) => [row.key, row.count]));
}

/** Records one failed sign-in under each key, and forgets failures older than `forgetBefore`. */
export async function recordLoginFailure(
	db: Database,
	keys: readonly string[],
	forgetBefore: Date
): Promise<void> {
	await db.insert(loginFailures).values(keys.map((key) => ({ key })));
	await db.delete(loginFailures).where(sql`${loginFailures.failedAt} < ${forgetBefore.toISOString()}`);
}

/** Forgets the failures of `key` (a username, after its successful sign-in). */
export async function clearLoginFailures(db: Database, key: string): Promise<void> {
	await db.delete(loginFailures).where(eq(loginFailures.key, key));
}
