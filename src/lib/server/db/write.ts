// The one way to write to the database: every loader, plan action and the seed go through `withWrite`,
// and no other module opens a transaction (write.test.ts enforces it).
import type { Role } from '$lib/roles';
import type { Database } from './index';

/** A transaction of either driver, as `withWrite` hands it to a writer. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Who writes: a signed-in user, or the system itself (seeding, migrations, scripts) with the reason.
 * The audit event records it.
 */
export type Actor =
	| { kind: 'user'; id: string; username: string; role: Role; communeCodes: readonly string[] }
	| { kind: 'system'; reason: string };

export interface WriteOptions {
	/** Run everything, then roll back: the result says what the write would do, and nothing is kept. */
	dryRun?: boolean;
}

/** Thrown to make the transaction roll back at the end of a dry run; one instance per write. */
class DryRunRollback extends Error {}

/**
 * Runs `write` in a transaction with the actor, and commits when it returns (or rolls back when it
 * throws, or at the end of a dry run, returning its result all the same). A write called with the `tx`
 * of another write runs in a savepoint of that transaction: it commits with it, or not at all.
 *
 * This is the single place where the audit event of a write is recorded (the accounts issue adds the
 * table): see the marked point below, inside the transaction so that the event exists exactly when the
 * write does.
 */
export async function withWrite<T>(
	db: Database,
	actor: Actor,
	write: (tx: Transaction, actor: Actor) => Promise<T>,
	options: WriteOptions = {}
): Promise<T> {
	const rollback = new DryRunRollback('dry run');
	let dryRunResult: { value: T } | undefined;
	try {
		return await db.transaction(async (tx) => {
			const value = await write(tx, actor);
			// AUDIT HOOK: the accounts issue records the audit event (actor, what, when) here, in the
			// write's own transaction. A write nested in another (seeding runs the loaders) gets here
			// inside the outer write's savepoint, so it rolls back with it.
			if (options.dryRun) {
				dryRunResult = { value };
				throw rollback;
			}
			return value;
		});
	} catch (error) {
		if (error === rollback && dryRunResult) return dryRunResult.value;
		throw error;
	}
}
