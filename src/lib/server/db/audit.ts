// The audit trail: what withWrite records for every write, and the reading of it for /admin/audit.
import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { AuditAction, AuditFilter } from '../../audit';
import type { DatasetRecord } from './datasets';
import type { Database } from './index';
import { auditEvents } from './schema';
import type { Actor, Transaction, WriteContext } from './write';

/** What a write declares it did (withWrite adds who, when and the request). */
export interface AuditEntry {
	action: AuditAction;
	/** The table or kind of thing written, e.g. `plan`, `hamlets`. */
	entityType: string;
	entityId: string | number | null;
	communeCode?: string | null;
	/** Before/after for an update, the created row's key fields, the deleted row; never secrets. */
	changes: Record<string, unknown> | null;
}

/** Records the event of a write, in the write's transaction (called by withWrite only). */
export async function insertAuditEvent(
	tx: Transaction,
	actor: Actor,
	context: WriteContext,
	entry: AuditEntry
): Promise<void> {
	await tx.insert(auditEvents).values({
		actorKind: actor.kind,
		userId: actor.kind === 'user' ? actor.id : null,
		username: actor.kind === 'user' ? actor.username : null,
		role: actor.kind === 'user' ? actor.role : null,
		systemReason: actor.kind === 'system' ? actor.reason : null,
		action: entry.action,
		entityType: entry.entityType,
		entityId: entry.entityId === null ? null : String(entry.entityId),
		communeCode: entry.communeCode ?? null,
		changes: entry.changes,
		requestId: context.requestId,
		clientAddress: context.clientAddress
	});
}

/** The event of a loader: which table, from which dataset, how many rows. */
export function datasetLoadEvent(table: string, dataset: DatasetRecord, rows: number): AuditEntry {
	return {
		action: 'dataset.load',
		entityType: table,
		entityId: dataset.id,
		changes: { dataset: dataset.id, kind: dataset.kind, source: dataset.source, rows }
	};
}

/** An audit event as /admin/audit and its CSV show it. */
export interface AuditEventRow {
	id: number;
	occurredAt: Date;
	actorKind: 'user' | 'system';
	userId: string | null;
	username: string | null;
	role: string | null;
	systemReason: string | null;
	action: string;
	entityType: string;
	entityId: string | null;
	communeCode: string | null;
	changes: unknown;
	requestId: string | null;
	clientAddress: string | null;
}

function filterCondition(filter: AuditFilter): SQL | undefined {
	return and(
		filter.username === undefined ? undefined : eq(auditEvents.username, filter.username),
		filter.communeCode === undefined ? undefined : eq(auditEvents.communeCode, filter.communeCode),
		filter.action === undefined ? undefined : eq(auditEvents.action, filter.action),
		filter.since === undefined ? undefined : gte(auditEvents.occurredAt, filter.since),
		filter.until === undefined ? undefined : lt(auditEvents.occurredAt, filter.until)
	);
}

/**
 * The events that match, newest first (ties by id, so a page never shuffles); `limit` and `offset`
 * page through them, and `total` counts them all.
 */
export async function listAuditEvents(
	db: Database,
	filter: AuditFilter,
	page: { limit: number; offset: number }
): Promise<{ events: AuditEventRow[]; total: number }> {
	const where = filterCondition(filter);
	const events = await db
		.select()
		.from(auditEvents)
		.where(where)
		.orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
		.limit(page.limit)
		.offset(page.offset);
	const [counted] = await db.select({ total: count() }).from(auditEvents).where(where);
	return { events, total: counted?.total ?? 0 };
}
