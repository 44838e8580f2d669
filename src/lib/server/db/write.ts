// The one way to write to the database: every loader, plan action and the seed go through `withWrite`,
// and no other module opens a transaction (write.test.ts enforces it). Each write declares what it did,
// and withWrite records that audit event in the write's own transaction (audit.ts).
import type { Role } from '$lib/roles';
import { insertAuditEvent, type AuditEntry } from './audit';
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

/** The request a write comes from, for its audit event; a script or the seed has none. */
export interface WriteContext {
	/** The request's `x-request-id`, or a random UUID per request. */
	requestId: string | null;
	/** The client's address as SvelteKit sees it (`getClientAddress`). */
	clientAddress: string | null;
}

export interface WriteOptions {
	/** Run everything, then roll back: the result says what the write would do, and nothing is kept. */
	dryRun?: boolean;
	/** The request behind the write; a nested write inherits its outer write's context. */
	context?: WriteContext;
}

/**
 * What a writer returns: its result and the audit event of what it did. `audit: null` says it changed
 * nothing (e.g. the plan to delete does not exist): withWrite then rolls back, so a write can never be
 * kept without its event.
 */
export interface Written<T> {
	value: T;
	audit: AuditEntry | null;
}

/** Thrown to roll the transaction back (a dry run, or a write that declared no event); one per write. */
class Rollback extends Error {}

/** The context of each open write, so that a nested write (seeding runs the loaders) inherits it. */
const contexts = new WeakMap<object, WriteContext>();

const NO_CONTEXT: WriteContext = { requestId: null, clientAddress: null };

/**
 * Runs `write` in a transaction with the actor, records the audit event it declares in the same
 * transaction, and commits (or rolls back when it throws, or at the end of a dry run, returning its
 * result all the same). A write called with the `tx` of another write runs in a savepoint of that
 * transaction: it commits with it, or not at all, and so does its event.
 */
export async function withWrite<T>(
	db: Database,
	actor: Actor,
	write: (tx: Transaction, actor: Actor) => Promise<Written<T>>,
	options: WriteOptions = {}
): Promise<T> {
	const context = options.context ?? contexts.get(db) ?? NO_CONTEXT;
	const rollback = new Rollback('rolled back');
	let rolledBack: { value: T } | undefined;
	try {
		return await db.transaction(async (tx) => {
			contexts.set(tx, context);
			const written = await write(tx, actor);
			// A writer typed around (JavaScript, a cast) must still not commit without its event.
			if (!written || typeof written !== 'object' || !('audit' in written)) {
				throw new Error('withWrite: the writer returned no audit event ({ value, audit })');
			}
			if (written.audit) await insertAuditEvent(tx, actor, context, written.audit);
			if (options.dryRun || written.audit === null) {
				rolledBack = { value: written.value };
				throw rollback;
			}
			return written.value;
		});
	} catch (error) {
		if (error === rollback && rolledBack) return rolledBack.value;
		throw error;
	}
}

/**
 * The one write without an audit event, for rows no reader can see yet: an activities import's new rows
 * under its unpublished dataset (current-activities.ts hides them) and their clean-up, each batch its own
 * short transaction so that other requests' queries run between them. They become visible only through
 * the import's publish, a withWrite with its `dataset.import` event, so every change a reader can see is
 * still audited. Never for anything visible.
 */
export async function withUnpublishedWrite<T>(
	db: Database,
	write: (tx: Transaction) => Promise<T>
): Promise<T> {
	return db.transaction(write);
}
