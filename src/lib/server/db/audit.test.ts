import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listAuditEvents, type AuditEventRow } from './audit';
import { DEMO_DATASET } from './datasets';
import type { DatabaseHandle } from './index';
import { createPlan, deletePlan, updatePlan } from './plans';
import { loadTeams } from './teams';
import { loadFixtureData, tableFingerprint, TEST_ACTOR } from './test-fixtures';
import { openTestDatabase, testDrivers } from './test-databases';
import { withWrite, type Actor, type Transaction, type Written } from './write';

const PLANNER: Actor = {
	kind: 'user',
	id: 'user-7',
	username: 'canbo.badinh',
	role: 'commune',
	communeCodes: ['00004']
};
const CONTEXT = { requestId: 'req-42', clientAddress: '203.0.113.9' };

const PLAN = {
	name: 'Đợt 1',
	startsOn: '2026-12-01',
	endsOn: '2026-12-15',
	teamId: 1,
	expectedHouseholds: 120,
	note: 'Ưu tiên người cao tuổi',
	hamletIds: [4003, 4001]
};

const TABLES = ['teams', 'plans', 'plan_hamlets', 'audit_events'];

describe.each(testDrivers())('the audit trail on %s', (driver) => {
	let handle: DatabaseHandle;
	/** The newest event id before each test: each test reads only its own events. */
	let lastId = 0;

	const newEvents = async (): Promise<AuditEventRow[]> =>
		(await listAuditEvents(handle.db, {}, { limit: 100, offset: 0 })).events
			.filter((event) => event.id > lastId)
			.reverse();

	beforeAll(async () => {
		handle = await openTestDatabase(driver);
		await loadFixtureData(handle.db);
	});
	beforeEach(async () => {
		const [newest] = (await listAuditEvents(handle.db, {}, { limit: 1, offset: 0 })).events;
		lastId = newest?.id ?? 0;
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('records one event per load of the fixture, by the system, with the dataset and the count', async () => {
		const { events } = await listAuditEvents(handle.db, { action: 'dataset.load' }, { limit: 10, offset: 0 });
		const teams = events.find((event) => event.entityType === 'teams');
		expect(teams).toMatchObject({
			actorKind: 'system',
			systemReason: 'test',
			userId: null,
			username: null,
			role: null,
			entityId: DEMO_DATASET.id,
			changes: { dataset: DEMO_DATASET.id, kind: 'demo', rows: 2 }
		});
	});

	it('records a plan created, updated and deleted, with the user, the request and what changed', async () => {
		const plan = await createPlan(handle.db, PLANNER, '00004', PLAN, CONTEXT);
		await updatePlan(
			handle.db,
			PLANNER,
			'00004',
			plan.id,
			{ ...PLAN, name: 'Đợt 1 (sửa)', hamletIds: [4001] },
			CONTEXT
		);
		await deletePlan(handle.db, PLANNER, '00004', plan.id, CONTEXT);
		const events = await newEvents();
		expect(events.map((event) => event.action)).toEqual(['plan.create', 'plan.update', 'plan.delete']);
		for (const event of events) {
			expect(event).toMatchObject({
				actorKind: 'user',
				userId: 'user-7',
				username: 'canbo.badinh',
				role: 'commune',
				systemReason: null,
				entityType: 'plan',
				entityId: String(plan.id),
				communeCode: '00004',
				requestId: 'req-42',
				clientAddress: '203.0.113.9'
			});
		}
		const [created, updated, deleted] = events;
		// The plan as validated: no weights given means the defaults (null).
		const stored = { ...PLAN, weights: null };
		expect(created!.changes).toEqual(stored);
		expect(updated!.changes).toEqual({
			before: stored,
			after: { ...stored, name: 'Đợt 1 (sửa)', hamletIds: [4001] }
		});
		expect(deleted!.changes).toEqual({ deleted: { ...stored, name: 'Đợt 1 (sửa)', hamletIds: [4001] } });
	});

	it('refuses UPDATE, DELETE and TRUNCATE of the trail with the trigger’s message', async () => {
		await createPlan(handle.db, PLANNER, '00004', PLAN, CONTEXT);
		const before = await tableFingerprint(handle, ['audit_events']);
		for (const [statement, operation] of [
			[sql`UPDATE audit_events SET username = 'someone-else'`, 'UPDATE'],
			[sql`DELETE FROM audit_events`, 'DELETE'],
			[sql`TRUNCATE audit_events`, 'TRUNCATE']
		] as const) {
			await expect(handle.db.execute(statement)).rejects.toSatisfy((error: unknown) =>
				// drizzle wraps the driver's error: the trigger's message is on it or on its cause.
				new RegExp(`audit_events is append-only: ${operation} is refused`).test(
					`${String(error)} ${String((error as { cause?: unknown }).cause)}`
				)
			);
		}
		expect(await tableFingerprint(handle, ['audit_events'])).toEqual(before);
	});

	it('a refused write, a dry run and a write to a missing plan leave no event', async () => {
		const before = await tableFingerprint(handle, TABLES);
		await expect(
			createPlan(handle.db, PLANNER, '00004', { ...PLAN, hamletIds: [8001] }, CONTEXT)
		).rejects.toThrow();
		await expect(
			loadTeams(
				handle.db,
				TEST_ACTOR,
				[{ id: 1, communeCode: '00004', name: 'x', members: 1, membersTrained: 0 }],
				DEMO_DATASET
			)
		).rejects.toThrow();
		const dryRun = await withWrite(
			handle.db,
			PLANNER,
			async (tx, actor) => {
				const plan = await createPlan(tx, actor, '00004', PLAN);
				return {
					value: plan,
					audit: { action: 'plan.create', entityType: 'plan', entityId: plan.id, changes: null }
				};
			},
			{ dryRun: true, context: CONTEXT }
		);
		expect(dryRun.name).toBe(PLAN.name);
		expect(await updatePlan(handle.db, PLANNER, '00004', 999_999, PLAN, CONTEXT)).toBeNull();
		expect(await deletePlan(handle.db, PLANNER, '00004', 999_999, CONTEXT)).toBe(false);
		expect(await tableFingerprint(handle, TABLES)).toEqual(before);
	});

	it('keeps nothing of a write that declares no event, and refuses a writer that returns none', async () => {
		const before = await tableFingerprint(handle, TABLES);
		const team = { id: 9, communeCode: '00004', name: 'Tổ CĐS số 9', members: 5, membersTrained: 1 };
		// `audit: null` says "nothing changed": whatever the writer did anyway is rolled back.
		const count = await withWrite(handle.db, TEST_ACTOR, async (tx, actor) => ({
			value: await loadTeams(tx, actor, [team], DEMO_DATASET),
			audit: null
		}));
		expect(count).toBe(1);
		// A writer typed around the API (a cast, plain JavaScript) fails instead of committing.
		const untyped = (async (tx: Transaction, actor: Actor) =>
			loadTeams(tx, actor, [team], DEMO_DATASET)) as unknown as Parameters<typeof withWrite<number>>[2];
		await expect(withWrite(handle.db, TEST_ACTOR, untyped)).rejects.toThrow(/returned no audit event/);
		expect(await tableFingerprint(handle, TABLES)).toEqual(before);
	});

	it('a nested write inherits the outer write’s request context', async () => {
		const team = { id: 10, communeCode: '00004', name: 'Tổ CĐS số 10', members: 5, membersTrained: 1 };
		await withWrite(
			handle.db,
			PLANNER,
			async (tx, actor): Promise<Written<number>> => ({
				value: await loadTeams(tx, actor, [team], DEMO_DATASET),
				audit: { action: 'dataset.load', entityType: 'test', entityId: null, changes: null }
			}),
			{ context: CONTEXT }
		);
		const events = await newEvents();
		expect(events.map((event) => [event.entityType, event.requestId, event.username])).toEqual([
			['teams', 'req-42', 'canbo.badinh'],
			['test', 'req-42', 'canbo.badinh']
		]);
	});

	it('filters by user, commune, action and time, newest first, and counts the matches', async () => {
		const colleague: Actor = { ...PLANNER, id: 'user-8', username: 'truong.badinh' };
		const first = await createPlan(handle.db, PLANNER, '00004', PLAN, CONTEXT);
		const second = await createPlan(handle.db, PLANNER, '00004', PLAN, CONTEXT);
		await createPlan(handle.db, colleague, '00004', PLAN, CONTEXT);
		const filter = { username: 'canbo.badinh', action: 'plan.create', communeCode: '00004' } as const;
		const page1 = await listAuditEvents(handle.db, filter, { limit: 1, offset: 0 });
		const page2 = await listAuditEvents(handle.db, filter, { limit: 1, offset: 1 });
		expect(page1.events.map((event) => event.entityId)).toEqual([String(second.id)]);
		expect(page2.events.map((event) => event.entityId)).toEqual([String(first.id)]);
		expect(page1.total).toBe(page2.total);
		const all = await listAuditEvents(handle.db, filter, { limit: 100, offset: 0 });
		expect(all.events.length).toBe(page1.total);
		expect(all.events.every((event) => event.username === 'canbo.badinh')).toBe(true);
		expect(
			(await listAuditEvents(handle.db, { communeCode: '09700' }, { limit: 100, offset: 0 })).total
		).toBe(0);
		const newest = all.events[0]!.occurredAt;
		const later = new Date(newest.getTime() + 60_000);
		expect(await listAuditEvents(handle.db, { ...filter, since: later }, { limit: 10, offset: 0 })).toEqual({
			events: [],
			total: 0
		});
		const until = await listAuditEvents(handle.db, { ...filter, until: later }, { limit: 100, offset: 0 });
		expect(until.total).toBe(page1.total);
	});
});
