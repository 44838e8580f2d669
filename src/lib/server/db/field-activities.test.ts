import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateActivityRecord, type ActivityRecord } from '../../activity-input';
import { InputError } from '../../input-error';
import { canChangeActivity } from '../../field-records';
import { validateTeamMember } from '../../team-roster';
import { demoFieldRecords, seedDemoFieldRecords } from '../seed/demo-field-records';
import {
	activityHistory,
	deleteActivity,
	fieldHamlets,
	monthTotals,
	recordActivity,
	updateActivity
} from './field-activities';
import { selectRows, type DatabaseHandle } from './index';
import { addTeamMember, removeTeamMember, teamTraining, updateTeamMember } from './teams';
import { loadFixtureData, tableFingerprint } from './test-fixtures';
import { openTestDatabase, testDrivers } from './test-databases';
import type { Actor } from './write';

type UserActor = Extract<Actor, { kind: 'user' }>;

const MEMBER: UserActor = {
	kind: 'user',
	id: 'u-team',
	username: 'to.vien',
	role: 'team',
	communeCodes: ['00004']
};
const OTHER_MEMBER: UserActor = { ...MEMBER, id: 'u-team-2', username: 'to.vien2' };
const STAFF: UserActor = {
	kind: 'user',
	id: 'u-commune',
	username: 'can.bo',
	role: 'commune',
	communeCodes: ['00004']
};
const FOREIGN_STAFF: UserActor = { ...STAFF, id: 'u-bavi', communeCodes: ['09700'] };

const TODAY = '2026-11-29';
const DAY_MS = 24 * 60 * 60 * 1000;

function record(overrides: Record<string, unknown> = {}): ActivityRecord & { teamId: number } {
	const result = validateActivityRecord(
		{
			hamletId: 4001,
			kind: 'door-to-door',
			occurredOn: '2026-11-28',
			householdsNew: 4,
			householdsRevisited: 1,
			peopleGuided: 9,
			peopleAged60Plus: 3,
			peopleFromMinorities: 1,
			topics: ['vneid', 'ai'],
			note: 'ngõ 3',
			// Inside hamlet 4001 (a 0.0035° square at 105.831, 21.034).
			location: [105.8325, 21.0355],
			idempotencyKey: `key-${Math.random()}`,
			...overrides
		},
		TODAY
	);
	if (!result.ok) throw new Error(JSON.stringify(result.issues));
	return { ...result.value, teamId: 1 };
}

describe.each(testDrivers())('field records on %s', (driver) => {
	let handle: DatabaseHandle;

	beforeAll(async () => {
		handle = await openTestDatabase(driver);
		await loadFixtureData(handle.db);
	});

	afterAll(async () => {
		await handle?.close();
	});

	const storedPoint = async (id: string) =>
		(
			await selectRows<{ lng: number; lat: number }>(
				handle.db,
				sql`SELECT ST_X(location) AS lng, ST_Y(location) AS lat FROM outreach_activities WHERE id = ${id}::uuid`
			)
		)[0]!;

	it('stores a record once per idempotency key: a replay answers the stored one and writes nothing', async () => {
		const first = record();
		const receipt = await recordActivity(handle.db, MEMBER, first);
		expect(receipt).toMatchObject({ stored: true, hamletName: 'Tổ dân phố 1', position: 'phone' });
		expect(await storedPoint(receipt.id)).toEqual({ lng: 105.8325, lat: 21.0355 });
		const before = await tableFingerprint(handle, ['outreach_activities', 'audit_events']);
		const replay = await recordActivity(handle.db, OTHER_MEMBER, { ...first, peopleGuided: 50 });
		expect(replay).toEqual({ ...receipt, stored: false });
		expect(await tableFingerprint(handle, ['outreach_activities', 'audit_events'])).toEqual(before);
		const [event] = await selectRows<{ action: string; username: string }>(
			handle.db,
			sql`SELECT action, username FROM audit_events WHERE entity_id = ${receipt.id}`
		);
		expect(event).toEqual({ action: 'activity.record', username: 'to.vien' });
	});

	it("stores the hamlet's representative point when the phone is outside the hamlet or gave no position", async () => {
		const outside = await recordActivity(handle.db, MEMBER, record({ location: [105.9, 21.1] }));
		const none = await recordActivity(handle.db, MEMBER, record({ location: null }));
		expect([outside.position, none.position]).toEqual(['hamlet', 'hamlet']);
		const [surface] = await selectRows<{ lng: number; lat: number }>(
			handle.db,
			sql`SELECT ST_X(ST_PointOnSurface(geom)) AS lng, ST_Y(ST_PointOnSurface(geom)) AS lat FROM hamlets WHERE id = 4001`
		);
		expect(await storedPoint(outside.id)).toEqual(surface);
		expect(await storedPoint(none.id)).toEqual(surface);
	});

	it("refuses a hamlet outside the member's communes, an unknown hamlet and a team of another commune", async () => {
		const before = await tableFingerprint(handle, ['outreach_activities']);
		const refusal = (actor: UserActor, input: ReturnType<typeof record>) =>
			recordActivity(handle.db, actor, input).then(
				() => 'stored',
				(error: unknown) => (error instanceof InputError ? error.code : String(error))
			);
		expect(await refusal(FOREIGN_STAFF, record())).toBe('unknown-hamlet');
		expect(await refusal(MEMBER, record({ hamletId: 999_999 }))).toBe('unknown-hamlet');
		expect(await refusal(MEMBER, { ...record(), teamId: 2 })).toBe('unknown-team');
		expect(await tableFingerprint(handle, ['outreach_activities'])).toEqual(before);
	});

	it('refuses a hamlet retired by a boundary upload, and no longer offers it to the phone', async () => {
		await handle.db.execute(sql`UPDATE hamlets SET retired_at = now() WHERE id = 4001`);
		try {
			const before = await tableFingerprint(handle, ['outreach_activities']);
			const error = await recordActivity(handle.db, MEMBER, record()).then(
				() => null,
				(thrown: unknown) => thrown
			);
			expect(error).toBeInstanceOf(InputError);
			expect((error as InputError).code).toBe('unknown-hamlet');
			expect((error as InputError).message).toMatch(/không còn/);
			expect(await tableFingerprint(handle, ['outreach_activities'])).toEqual(before);
			expect((await fieldHamlets(handle.db, ['00004'])).map((hamlet) => hamlet.id)).not.toContain(4001);
		} finally {
			await handle.db.execute(sql`UPDATE hamlets SET retired_at = NULL WHERE id = 4001`);
		}
	});

	it('lets a member change their own entry for 7 days, then only the commune staff', async () => {
		const { id } = await recordActivity(handle.db, MEMBER, record({ note: 'sửa trong 7 ngày' }));
		const recordedAt = Date.now();
		const corrected = record({ peopleGuided: 10, note: 'đã sửa' });
		const sixDays = new Date(recordedAt + 6 * DAY_MS);
		const eightDays = new Date(recordedAt + 8 * DAY_MS);
		expect(await updateActivity(handle.db, OTHER_MEMBER, id, corrected, { now: sixDays })).toBe('forbidden');
		expect(await updateActivity(handle.db, MEMBER, id, corrected, { now: sixDays })).toBe('changed');
		expect(await updateActivity(handle.db, MEMBER, id, corrected, { now: eightDays })).toBe('forbidden');
		expect(await deleteActivity(handle.db, MEMBER, id, { now: eightDays })).toBe('forbidden');
		expect(await updateActivity(handle.db, FOREIGN_STAFF, id, corrected, { now: eightDays })).toBe(
			'not-found'
		);
		expect(
			await updateActivity(handle.db, STAFF, id, record({ note: 'cán bộ sửa' }), { now: eightDays })
		).toBe('changed');
		const [row] = await activityHistory(
			handle.db,
			{ communeCodes: ['00004'] },
			'2026-11-28',
			'2026-11-28'
		).then((rows) => rows.filter((activity) => activity.id === id));
		expect(row).toMatchObject({ note: 'cán bộ sửa', peopleGuided: 9, recordedBy: 'u-team' });
		expect(await deleteActivity(handle.db, STAFF, id, { now: eightDays })).toBe('changed');
		expect(await deleteActivity(handle.db, STAFF, id, { now: eightDays })).toBe('not-found');
		expect(await deleteActivity(handle.db, STAFF, 'not-a-uuid')).toBe('not-found');
		const actions = await selectRows<{ action: string }>(
			handle.db,
			sql`SELECT action FROM audit_events WHERE entity_id = ${id} ORDER BY id`
		);
		expect(actions.map((event) => event.action)).toEqual([
			'activity.record',
			'activity.update',
			'activity.update',
			'activity.delete'
		]);
	});

	it("lists a member's entries and the month's totals, and the hamlets a phone caches", async () => {
		const mine = await activityHistory(
			handle.db,
			{ communeCodes: ['00004'], recordedBy: MEMBER.id },
			'2026-10-30',
			TODAY
		);
		expect(mine.length).toBeGreaterThanOrEqual(3);
		expect(mine.every((activity) => activity.recordedBy === MEMBER.id)).toBe(true);
		const totals = await monthTotals(handle.db, { communeCodes: ['00004'] }, TODAY);
		expect(totals).toEqual({
			activities: mine.length,
			householdsNew: 4 * mine.length,
			householdsRevisited: mine.length,
			peopleGuided: 9 * mine.length,
			peopleAged60Plus: 3 * mine.length,
			peopleFromMinorities: mine.length,
			agedUnrecorded: 0,
			minoritiesUnrecorded: 0
		});
		// An activity without the 60+ count (an imported file may leave it empty) is "not recorded",
		// counted apart, not as nobody.
		const unrecorded = await recordActivity(handle.db, MEMBER, record({ occurredOn: TODAY }));
		await handle.db.execute(
			sql`UPDATE outreach_activities SET people_aged_60_plus = NULL WHERE id = ${unrecorded.id}`
		);
		expect(await monthTotals(handle.db, { communeCodes: ['00004'] }, TODAY)).toMatchObject({
			activities: mine.length + 1,
			peopleAged60Plus: 3 * mine.length,
			agedUnrecorded: 1,
			minoritiesUnrecorded: 0
		});
		const hamlets = await fieldHamlets(handle.db, ['00004']);
		expect(hamlets.map((hamlet) => hamlet.id)).toEqual([4001, 4002, 4003, 4004]);
		expect(hamlets[0]!.geometry.type).toBe('MultiPolygon');
		expect(hamlets[0]!.representativePoint).toHaveLength(2);
	});

	it("sets a team's member counts from its roster", async () => {
		const member = (overrides: Record<string, unknown>) => {
			const result = validateTeamMember(
				{
					name: 'N.V.A',
					role: 'member',
					trained: false,
					trainedOn: null,
					course: '',
					digitalAmbassador: false,
					userId: null,
					...overrides
				},
				TODAY
			);
			if (!result.ok) throw new Error(JSON.stringify(result.issues));
			return result.value;
		};
		expect(await teamTraining(handle.db, '00004')).toEqual({
			teams: 1,
			members: 10,
			trained: 8,
			ambassadors: 0
		});
		const leader = await addTeamMember(
			handle.db,
			STAFF,
			'00004',
			1,
			member({
				role: 'leader',
				trained: true,
				trainedOn: '2026-03-02',
				course: 'Tập huấn CĐS cộng đồng',
				digitalAmbassador: true
			})
		);
		const other = await addTeamMember(handle.db, STAFF, '00004', 1, member({}));
		expect(await teamTraining(handle.db, '00004')).toEqual({
			teams: 1,
			members: 2,
			trained: 1,
			ambassadors: 1
		});
		await updateTeamMember(
			handle.db,
			STAFF,
			'00004',
			other,
			member({ trained: true, trainedOn: '2026-04-01', course: 'AI cơ bản' })
		);
		expect(await teamTraining(handle.db, '00004')).toMatchObject({ members: 2, trained: 2 });
		expect(await removeTeamMember(handle.db, STAFF, '09700', leader)).toBe(false);
		expect(await removeTeamMember(handle.db, STAFF, '00004', leader)).toBe(true);
		expect(await teamTraining(handle.db, '00004')).toEqual({
			teams: 1,
			members: 1,
			trained: 1,
			ambassadors: 0
		});
		await expect(addTeamMember(handle.db, STAFF, '09700', 1, member({}))).rejects.toMatchObject({
			code: 'unknown-team'
		});
	});

	it("seeds the demo member's entries of past weeks: the recent ones theirs to correct, the older the staff's", async () => {
		const now = new Date('2026-11-29T05:00:00Z');
		const demoMember = { ...MEMBER, id: 'u-demo-team' };
		const system: Actor = { kind: 'system', reason: 'demo accounts at first start' };
		expect(await seedDemoFieldRecords(handle.db, system, demoMember, now)).toBe(6);
		// Seeded once: the keys are the member's, so a second start stores nothing more.
		expect(await seedDemoFieldRecords(handle.db, system, demoMember, now)).toBe(0);
		const entries = await activityHistory(
			handle.db,
			{ communeCodes: ['00004'], recordedBy: demoMember.id },
			'2026-10-30',
			TODAY
		);
		expect(entries.map((entry) => entry.occurredOn)).toEqual([
			'2026-11-27',
			'2026-11-24',
			'2026-11-20',
			'2026-11-16',
			'2026-11-11',
			'2026-11-05'
		]);
		expect(entries.map((entry) => canChangeActivity(demoMember, entry, now))).toEqual([
			true,
			true,
			false,
			false,
			false,
			false
		]);
		expect(entries.every((entry) => canChangeActivity(STAFF, entry, now))).toBe(true);
		const [oldest] = entries.slice(-1);
		expect(await deleteActivity(handle.db, demoMember, oldest!.id, { now })).toBe('forbidden');
		const [dataset] = await selectRows<{ datasetId: string }>(
			handle.db,
			sql`SELECT dataset_id AS "datasetId" FROM outreach_activities WHERE id = ${oldest!.id}::uuid`
		);
		expect(dataset!.datasetId).toBe('demo-2026');
		// None before the programme's first day.
		expect(
			demoFieldRecords(new Date('2026-01-10T05:00:00Z'), 'u', [1], 1).map((entry) => entry.occurredOn)
		).toEqual(['2026-01-08', '2026-01-05', '2026-01-01']);
	});
});

describe('validateTeamMember', () => {
	it('needs a date and a course for a trained member, and forgets them for an untrained one', () => {
		const base = {
			name: ' T.T.B ',
			role: 'deputy',
			trained: true,
			trainedOn: null,
			course: '',
			digitalAmbassador: false,
			userId: null
		};
		const refused = validateTeamMember(base, TODAY);
		expect(refused.ok ? [] : refused.issues.map((issue) => issue.code)).toEqual([
			'trained-on-required',
			'course-required'
		]);
		const future = validateTeamMember({ ...base, trainedOn: '2026-12-01', course: 'x' }, TODAY);
		expect(future.ok).toBe(false);
		const untrained = validateTeamMember(
			{ ...base, trained: false, trainedOn: '2026-01-01', course: 'x' },
			TODAY
		);
		expect(untrained).toEqual({
			ok: true,
			value: { ...base, name: 'T.T.B', trained: false, trainedOn: null, course: '' }
		});
		expect(validateTeamMember({ ...base, name: '', role: 'boss' }, TODAY).ok).toBe(false);
	});
});
