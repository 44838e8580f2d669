import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './index';
import { InputError } from '../../input-error';
import {
	createPlan,
	deletePlan,
	getPlan,
	listPlans,
	recentlyDeletedPlan,
	restorePlan,
	updatePlan
} from './plans';
import {
	MAX_ID,
	PLAN_FIRST_DAY,
	PLAN_LAST_DAY,
	readPlanId,
	validatePlanInput,
	type PlanInput
} from '../../plans';
import { currentDataRevision } from './revision';
import { communeTeams } from './teams';
import { loadFixtureData, tableFingerprint, TEST_ACTOR } from './test-fixtures';
import { openTestDatabase, testDrivers } from './test-databases';

const TABLES = ['plans', 'plan_hamlets', 'hamlets', 'teams', 'data_revision'];

/** Equal fingerprints mean nothing was written to these tables. */
const fingerprint = (handle: DatabaseHandle) => tableFingerprint(handle, TABLES);

function planInput(overrides: Partial<Record<keyof PlanInput, unknown>> = {}): Record<string, unknown> {
	return {
		name: 'Đợt 1: tổ dân phố 1 và 3',
		startsOn: '2026-12-01',
		endsOn: '2026-12-15',
		teamId: 1,
		expectedHouseholds: 1020,
		note: '',
		hamletIds: [4003, 4001],
		...overrides
	};
}

describe('validatePlanInput', () => {
	it.each([
		['teamId', 2_147_483_648, 'team-invalid'],
		['teamId', 0, 'team-invalid'],
		['hamletIds', [4001, 2_147_483_648], 'hamlets-invalid'],
		['hamletIds', Array.from({ length: 1001 }, (_, index) => index + 1), 'hamlets-too-many'],
		['startsOn', '0000-01-01', 'starts-on-out-of-range'],
		['startsOn', '2025-12-31', 'starts-on-out-of-range'],
		['endsOn', '2031-01-01', 'ends-on-out-of-range'],
		['name', 'Đợt\u00001', 'name-control-characters'],
		['name', 'Đợt\n1', 'name-control-characters'],
		['name', 'x'.repeat(201), 'name-too-long'],
		['note', 'ghi\u0000chú', 'note-control-characters'],
		['note', 'ghi\u001bchú', 'note-control-characters'],
		['note', 'x'.repeat(2001), 'note-too-long'],
		['expectedHouseholds', 10_000_001, 'expected-invalid']
	] as const)('refuses %s = %j out of its bounds (%s)', (field, value, code) => {
		const result = validatePlanInput(planInput({ [field]: value }));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.issues.map((issue) => [issue.path, issue.code])).toEqual([[field, code]]);
	});

	it('accepts the bounds themselves and a note with line breaks and tabs', () => {
		const result = validatePlanInput(
			planInput({
				startsOn: PLAN_FIRST_DAY,
				endsOn: PLAN_LAST_DAY,
				teamId: MAX_ID,
				hamletIds: [MAX_ID],
				name: 'x'.repeat(200),
				note: 'Dòng 1\r\n\tDòng 2'
			})
		);
		expect(result.ok).toBe(true);
	});

	it('lists every problem at once, in Vietnamese and English', () => {
		const result = validatePlanInput(
			planInput({ name: '   ', startsOn: '2026-02-30', expectedHouseholds: -3, hamletIds: [] })
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.issues.map((item) => [item.path, item.vi])).toEqual([
			['name', 'Cần nhập tên kế hoạch'],
			['startsOn', 'Ngày bắt đầu phải là một ngày có thật, dạng YYYY-MM-DD'],
			['expectedHouseholds', 'Số hộ dự kiến phải là số nguyên không âm'],
			['hamletIds', 'Cần chọn ít nhất một thôn, tổ dân phố']
		]);
		expect(result.issues[0]!.en).toBe('A plan name is required');
	});

	it('refuses an end before the start, fractional households and a hamlet picked twice', () => {
		const result = validatePlanInput(
			planInput({ endsOn: '2026-11-30', expectedHouseholds: 10.5, hamletIds: [4001, 4002, 4001] })
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.issues.map((item) => [item.path, item.en])).toEqual([
			['expectedHouseholds', 'Expected households must be a whole number, 0 or more'],
			['endsOn', 'The end date must be on or after the start date'],
			['hamletIds', 'Hamlets picked twice: 4001']
		]);
	});

	it('keeps weights normalised, defaults to none, and names a bad component', () => {
		expect(validatePlanInput(planInput())).toMatchObject({ ok: true, value: { weights: null } });
		const weighted = validatePlanInput(planInput({ weights: { skills: 3, classDistance: 1 } }));
		expect(weighted).toMatchObject({
			ok: true,
			value: { weights: { skills: 0.75, classDistance: 0.25, coverage: 0 } }
		});
		const refused = validatePlanInput(planInput({ weights: { constructor: 1 } }));
		expect(refused.ok).toBe(false);
		expect(refused.ok ? [] : refused.issues.map((issue) => issue.path)).toEqual(['weights']);
		expect(validatePlanInput(planInput({ weights: 'skills:1' })).ok).toBe(false);
	});

	it('accepts a one-day plan without a team and trims the name', () => {
		const result = validatePlanInput(planInput({ name: '  Ngày hội  ', endsOn: '2026-12-01', teamId: null }));
		expect(result).toMatchObject({ ok: true, value: { name: 'Ngày hội', teamId: null } });
	});
});

describe.each(testDrivers())('plans on %s', (driver) => {
	let handle: DatabaseHandle;

	beforeAll(async () => {
		handle = await openTestDatabase(driver);
		await loadFixtureData(handle.db);
	});
	afterAll(async () => {
		await handle?.close();
	});

	/** Expects `write` to be refused with an InputError with `code`, and to change nothing. */
	async function expectRefused(write: () => Promise<unknown>, mention: RegExp, code = 'invalid-value') {
		const before = await fingerprint(handle);
		const error = await write().then(
			() => undefined,
			(thrown: unknown) => thrown
		);
		expect(error).toBeInstanceOf(InputError);
		expect((error as InputError).code).toBe(code);
		// Every problem found; an error about one thing (an unknown commune) is its own only issue.
		const text = (error as InputError).issues.map((item) => `${item.vi} | ${item.en}`).join('\n');
		expect(text).toMatch(mention);
		expect(await fingerprint(handle)).toEqual(before);
	}

	it('creates a plan with its hamlets in order, and reads it back', async () => {
		const revisionBefore = await currentDataRevision(handle.db);
		const plan = await createPlan(handle.db, TEST_ACTOR, '00004', planInput());
		expect(plan).toMatchObject({
			communeCode: '00004',
			name: 'Đợt 1: tổ dân phố 1 và 3',
			startsOn: '2026-12-01',
			endsOn: '2026-12-15',
			teamId: 1,
			teamName: 'Tổ CĐS số 1',
			expectedHouseholds: 1020,
			note: ''
		});
		expect(plan.hamlets).toEqual([
			{ id: 4003, name: 'Tổ dân phố 3', position: 0, households: 520, adults: 1440 },
			{ id: 4001, name: 'Tổ dân phố 1', position: 1, households: 500, adults: 1400 }
		]);
		expect(plan.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
		expect(await getPlan(handle.db, '00004', plan.id)).toEqual(plan);
		// A plan is only found through its own commune.
		expect(await getPlan(handle.db, '09700', plan.id)).toBeNull();
		expect((await listPlans(handle.db, '00004')).map((item) => item.id)).toContain(plan.id);
		expect(await listPlans(handle.db, '09700')).toEqual([]);
		// Plans are not analysis data: saving one must not invalidate the analysis caches.
		expect(await currentDataRevision(handle.db)).toEqual(revisionBefore);
	});

	it('refuses bad fields and writes nothing', async () => {
		await expectRefused(
			() => createPlan(handle.db, TEST_ACTOR, '00004', planInput({ name: '', endsOn: '2026-11-01' })),
			/Cần nhập tên kế hoạch[^]*Ngày kết thúc phải bằng hoặc sau ngày bắt đầu/
		);
		await expectRefused(
			() => createPlan(handle.db, TEST_ACTOR, '00004', planInput({ startsOn: '01/12/2026' })),
			/Ngày bắt đầu phải là một ngày có thật/
		);
		await expectRefused(
			() => createPlan(handle.db, TEST_ACTOR, '00004', planInput({ hamletIds: [] })),
			/Cần chọn ít nhất một thôn, tổ dân phố/
		);
		await expectRefused(
			() => createPlan(handle.db, TEST_ACTOR, '00004', planInput({ expectedHouseholds: -1 })),
			/Số hộ dự kiến phải là số nguyên không âm/
		);
		await expectRefused(
			() => createPlan(handle.db, TEST_ACTOR, '00004', planInput({ hamletIds: [4001, 4001] })),
			/được chọn hai lần: 4001/
		);
		await expectRefused(
			() => createPlan(handle.db, TEST_ACTOR, '00004', 'not an object'),
			/Giá trị không hợp lệ/
		);
	});

	it('refuses a team or hamlets of another commune, and an unknown commune, writing nothing', async () => {
		await expectRefused(
			() => createPlan(handle.db, TEST_ACTOR, '00004', planInput({ teamId: 2 })),
			/Tổ CĐS mã 2 không thuộc Phường Ba Đình/
		);
		await expectRefused(
			() => createPlan(handle.db, TEST_ACTOR, '00004', planInput({ teamId: 999 })),
			/Tổ CĐS mã 999 không thuộc/
		);
		await expectRefused(
			() => createPlan(handle.db, TEST_ACTOR, '09700', planInput({ teamId: 2 })),
			/Thôn, tổ dân phố mã 4003, 4001 không thuộc Xã Ba Vì/
		);
		await expectRefused(
			() => createPlan(handle.db, TEST_ACTOR, '00004', planInput({ hamletIds: [4001, 987654] })),
			/mã 987654 không thuộc/
		);
		await expectRefused(
			() => createPlan(handle.db, TEST_ACTOR, '99999', planInput()),
			/Không có xã\/phường mã 99999/,
			'unknown-commune'
		);
	});

	it('updates a plan, replacing its hamlets; a refused update leaves it as it was', async () => {
		const plan = await createPlan(handle.db, TEST_ACTOR, '00004', planInput({ name: 'Kế hoạch cần sửa' }));
		const updated = await updatePlan(
			handle.db,
			TEST_ACTOR,
			'00004',
			plan.id,
			planInput({ name: 'Kế hoạch đã sửa', teamId: null, hamletIds: [4002], expectedHouseholds: 510 })
		);
		expect(updated).toMatchObject({
			id: plan.id,
			name: 'Kế hoạch đã sửa',
			teamId: null,
			teamName: null,
			expectedHouseholds: 510,
			createdAt: plan.createdAt
		});
		expect(updated!.hamlets.map((hamlet) => hamlet.id)).toEqual([4002]);
		expect(Date.parse(updated!.updatedAt)).toBeGreaterThanOrEqual(Date.parse(plan.updatedAt));

		await expectRefused(
			() => updatePlan(handle.db, TEST_ACTOR, '00004', plan.id, planInput({ endsOn: '2026-01-01' })),
			/Ngày kết thúc phải bằng hoặc sau ngày bắt đầu/
		);
		expect(await getPlan(handle.db, '00004', plan.id)).toEqual(updated);
		// Another commune's plan, or none at all, is not there to update.
		expect(await updatePlan(handle.db, TEST_ACTOR, '09700', plan.id, planInput({ teamId: 2 }))).toBeNull();
		expect(await updatePlan(handle.db, TEST_ACTOR, '00004', 424242, planInput())).toBeNull();
	});

	it('stores the weights a plan was ranked with, and scores its report with them', async () => {
		const weights = {
			skills: 0,
			coverage: 0,
			device: 0,
			payment: 0,
			elderly: 0,
			minority: 0,
			rurality: 0,
			classDistance: 1
		};
		const plan = await createPlan(handle.db, TEST_ACTOR, '00004', planInput({ weights }));
		expect(plan.weights).toEqual(weights);
		const unweighted = await createPlan(handle.db, TEST_ACTOR, '00004', planInput({ name: 'Mặc định' }));
		expect(unweighted.weights).toBeNull();
		const updated = await updatePlan(
			handle.db,
			TEST_ACTOR,
			'00004',
			unweighted.id,
			planInput({ name: 'Mặc định', weights })
		);
		expect(updated?.weights).toEqual(weights);
	});

	it('deletes a plan only through its own commune; it can be restored, as it was, for a while', async () => {
		const plan = await createPlan(handle.db, TEST_ACTOR, '00004', planInput({ name: 'Kế hoạch sẽ xóa' }));
		expect(await deletePlan(handle.db, TEST_ACTOR, '09700', plan.id)).toBe(false);
		expect(await deletePlan(handle.db, TEST_ACTOR, '00004', plan.id)).toBe(true);
		expect(await getPlan(handle.db, '00004', plan.id)).toBeNull();
		expect((await listPlans(handle.db, '00004')).map((item) => item.id)).not.toContain(plan.id);
		expect(await deletePlan(handle.db, TEST_ACTOR, '00004', plan.id)).toBe(false);
		// A deleted plan cannot be edited.
		expect(await updatePlan(handle.db, TEST_ACTOR, '00004', plan.id, planInput())).toBeNull();

		expect(await recentlyDeletedPlan(handle.db, '00004', plan.id)).toEqual({
			id: plan.id,
			name: 'Kế hoạch sẽ xóa'
		});
		expect(await recentlyDeletedPlan(handle.db, '09700', plan.id)).toBeNull();
		expect(await restorePlan(handle.db, TEST_ACTOR, '09700', plan.id)).toBe(false);
		expect(await restorePlan(handle.db, TEST_ACTOR, '00004', plan.id)).toBe(true);
		expect(await getPlan(handle.db, '00004', plan.id)).toEqual(plan);
		expect(await recentlyDeletedPlan(handle.db, '00004', plan.id)).toBeNull();
		// Restoring a plan that is not deleted does nothing.
		expect(await restorePlan(handle.db, TEST_ACTOR, '00004', plan.id)).toBe(false);
		const actions = await handle.db.execute(
			sql`SELECT action FROM audit_events WHERE entity_type = 'plan' AND entity_id = ${String(plan.id)} ORDER BY id`
		);
		expect((actions as unknown as { rows: { action: string }[] }).rows.map((row) => row.action)).toEqual([
			'plan.create',
			'plan.delete',
			'plan.restore'
		]);
	});

	it('refuses an undo after the undo window, changing nothing', async () => {
		const plan = await createPlan(handle.db, TEST_ACTOR, '00004', planInput({ name: 'Xóa đã lâu' }));
		await deletePlan(handle.db, TEST_ACTOR, '00004', plan.id);
		await handle.db.execute(
			sql`UPDATE plans SET deleted_at = now() - interval '11 minutes' WHERE id = ${plan.id}`
		);
		expect(await recentlyDeletedPlan(handle.db, '00004', plan.id)).toBeNull();
		await expectRefused(
			() => restorePlan(handle.db, TEST_ACTOR, '00004', plan.id),
			/10 phút/,
			'undo-expired'
		);
		expect(await getPlan(handle.db, '00004', plan.id)).toBeNull();
	});

	it('lists the commune’s teams for the form', async () => {
		expect(await communeTeams(handle.db, '00004')).toEqual([{ id: 1, name: 'Tổ CĐS số 1' }]);
		expect(await getPlan(handle.db, '00004', Number.NaN)).toBeNull();
	});
});

describe('readPlanId', () => {
	it('reads decimal digits within the column and nothing else', () => {
		expect(readPlanId('2')).toBe(2);
		expect(readPlanId(String(MAX_ID))).toBe(MAX_ID);
		for (const text of ['0x1', ' 2 ', '1e0', '+1', '-1', '0', '', '2147483648', '1.0', '１']) {
			expect({ text, id: readPlanId(text) }).toEqual({ text, id: null });
		}
	});
});
