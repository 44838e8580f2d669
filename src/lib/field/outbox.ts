// The outbox: records not sent yet, in IndexedDB (through idb), so they survive a reload, a closed tab or
// a phone restart until the server has them. The page and the offline worker share it.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ActivityRecord } from '../activity-input';
import type { Label } from '../domain';

/** What the outbox posts: a validated record and the team it is for. */
export type OutboxRecord = ActivityRecord & { teamId: number };

/** A queued record; `key` is its idempotency key, made on the phone. */
export interface OutboxItem {
	key: string;
	record: OutboxRecord;
	/** Epoch milliseconds. */
	queuedAt: number;
	/** Failed attempts so far (network errors, server errors). */
	attempts: number;
	/** Epoch milliseconds: no automatic attempt before. */
	nextAttemptAt: number;
	/** 'waiting': to be sent; 'refused': the server refused it, `refusal` says why. */
	status: 'waiting' | 'refused';
	refusal?: { status: number; code: string; reason: Label };
}

interface FieldDatabase extends DBSchema {
	outbox: { key: string; value: OutboxItem; indexes: { queuedAt: number } };
}

const DATABASE_NAME = 'gotungnha-field';

let opened: Promise<IDBPDatabase<FieldDatabase>> | undefined;

function database(): Promise<IDBPDatabase<FieldDatabase>> {
	opened ??= openDB<FieldDatabase>(DATABASE_NAME, 1, {
		upgrade(db) {
			db.createObjectStore('outbox', { keyPath: 'key' }).createIndex('queuedAt', 'queuedAt');
		}
	});
	return opened;
}

/** Queues a record (or replaces the queued one with the same key, e.g. after a correction). */
export async function enqueue(record: OutboxRecord, now = Date.now()): Promise<OutboxItem> {
	const item: OutboxItem = {
		key: record.idempotencyKey,
		record,
		queuedAt: now,
		attempts: 0,
		nextAttemptAt: now,
		status: 'waiting'
	};
	await (await database()).put('outbox', item);
	return item;
}

/** Every queued item, oldest first. */
export async function outboxItems(): Promise<OutboxItem[]> {
	return (await database()).getAllFromIndex('outbox', 'queuedAt');
}

export async function saveItem(item: OutboxItem): Promise<void> {
	await (await database()).put('outbox', item);
}

export async function removeItem(key: string): Promise<void> {
	await (await database()).delete('outbox', key);
}
