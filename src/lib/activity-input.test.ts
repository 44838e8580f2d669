import { describe, expect, it } from 'vitest';
import {
	ACTIVITY_FIRST_DAY,
	ACTIVITY_LIMITS,
	activityInputError,
	hanoiToday,
	validateActivityRecord,
	validateActivityRow
} from './activity-input';

const TODAY = '2026-11-29';

/** `object` without `key`, as a client that leaves an optional field out sends it. */
function without<T extends object>(object: T, ...keys: (keyof T)[]): Partial<T> {
	const copy: Partial<T> = { ...object };
	for (const key of keys) delete copy[key];
	return copy;
}

const record = {
	hamletId: 4001,
	kind: 'door-to-door',
	occurredOn: '2026-11-28',
	householdsNew: 6,
	householdsRevisited: 2,
	peopleGuided: 11,
	peopleAged60Plus: 4,
	peopleFromMinorities: 0,
	topics: ['vneid', 'ai'],
	note: '  Ngõ 5, hẻm 2  ',
	location: [105.4, 21.1],
	idempotencyKey: '6f1c2a5e-56f4-4f3b-9a52-4f7f1c0a9e11'
};

function codesOf(input: unknown, today = TODAY): string[] {
	const result = validateActivityRecord(input, today);
	return result.ok ? [] : result.issues.map((issue) => `${issue.path}:${issue.code}`);
}

describe('hanoiToday', () => {
	it('is the date in Hanoi (UTC+7), not in UTC', () => {
		expect(hanoiToday(new Date('2026-11-29T16:59:59Z'))).toBe('2026-11-29');
		expect(hanoiToday(new Date('2026-11-29T17:00:00Z'))).toBe('2026-11-30');
	});
});

describe('validateActivityRecord', () => {
	it('accepts a record, trimming the note and keeping the phone position', () => {
		const result = validateActivityRecord(record, TODAY);
		expect(result).toEqual({ ok: true, value: { ...record, note: 'Ngõ 5, hẻm 2' } });
	});

	it('defaults the note to empty and the position to none', () => {
		const result = validateActivityRecord(without(record, 'note', 'location'), TODAY);
		expect(result.ok && [result.value.note, result.value.location]).toEqual(['', null]);
	});

	it('bounds the date from 1 January 2026 to today in Hanoi', () => {
		expect(codesOf({ ...record, occurredOn: TODAY })).toEqual([]);
		expect(codesOf({ ...record, occurredOn: ACTIVITY_FIRST_DAY })).toEqual([]);
		expect(codesOf({ ...record, occurredOn: '2025-12-31' })).toEqual(['occurredOn:date-too-early']);
		expect(codesOf({ ...record, occurredOn: '2026-11-30' })).toEqual(['occurredOn:date-in-future']);
		expect(codesOf({ ...record, occurredOn: '2026-02-30' })).toEqual(['occurredOn:date-invalid']);
		expect(codesOf({ ...record, occurredOn: '28/11/2026' })).toEqual(['occurredOn:date-invalid']);
	});

	it('bounds the counts to whole numbers within the limits', () => {
		expect(codesOf({ ...record, householdsNew: -1 })).toEqual(['householdsNew:households-new-invalid']);
		expect(codesOf({ ...record, householdsNew: 1.5 })).toEqual(['householdsNew:households-new-invalid']);
		expect(codesOf({ ...record, householdsNew: '6' })).toEqual(['householdsNew:households-new-invalid']);
		expect(codesOf({ ...record, householdsRevisited: ACTIVITY_LIMITS.households + 1 })).toEqual([
			'householdsRevisited:households-revisited-invalid'
		]);
		expect(codesOf({ ...record, peopleGuided: ACTIVITY_LIMITS.people + 1 })).toEqual([
			'peopleGuided:people-guided-invalid'
		]);
		expect(codesOf({ ...record, peopleGuided: Number.NaN })).toEqual(['peopleGuided:people-guided-invalid']);
	});

	it('keeps the priority groups among the people guided', () => {
		expect(codesOf({ ...record, peopleAged60Plus: 11, peopleFromMinorities: 11 })).toEqual([]);
		expect(codesOf({ ...record, peopleAged60Plus: 12 })).toEqual([
			'peopleAged60Plus:aged-60-plus-above-guided'
		]);
		expect(codesOf({ ...record, peopleFromMinorities: 12 })).toEqual([
			'peopleFromMinorities:minorities-above-guided'
		]);
		expect(codesOf({ ...record, peopleFromMinorities: -1 })).toEqual([
			'peopleFromMinorities:minorities-invalid'
		]);
	});

	it('refuses an activity that reached nobody', () => {
		expect(
			codesOf({
				...record,
				householdsNew: 0,
				householdsRevisited: 0,
				peopleGuided: 0,
				peopleAged60Plus: 0
			})
		).toEqual(['peopleGuided:nobody-reached']);
	});

	it('needs known topics, at least one and none twice', () => {
		expect(codesOf({ ...record, topics: [] })).toEqual(['topics:topics-required']);
		expect(codesOf({ ...record, topics: ['gardening'] })).toEqual(['topics.0:topics-invalid']);
		expect(codesOf({ ...record, topics: ['ai', 'ai'] })).toEqual(['topics:topics-repeated']);
	});

	it('bounds the note and refuses control characters in it, but not line breaks', () => {
		expect(codesOf({ ...record, note: 'a\nb\tc' })).toEqual([]);
		expect(codesOf({ ...record, note: 'a\u0000b' })).toEqual(['note:note-control-characters']);
		expect(codesOf({ ...record, note: 'x'.repeat(ACTIVITY_LIMITS.noteLength + 1) })).toEqual([
			'note:note-too-long'
		]);
	});

	it('refuses a position outside Hanoi or with swapped coordinates, a short key, an unknown kind', () => {
		expect(codesOf({ ...record, location: [21.1, 105.4] })).toEqual([
			'location.0:location-invalid',
			'location.1:location-invalid'
		]);
		expect(codesOf({ ...record, idempotencyKey: 'short' })).toEqual([
			'idempotencyKey:idempotency-key-invalid'
		]);
		expect(codesOf({ ...record, kind: 'party' })).toEqual(['kind:kind-required']);
		expect(codesOf({ ...record, hamletId: 0 })).toEqual(['hamletId:hamlet-required']);
	});

	it('lists every problem at once, each in Vietnamese and English', () => {
		const result = validateActivityRecord(
			{ ...record, hamletId: null, topics: [], occurredOn: '2027-01-01', peopleAged60Plus: 20 },
			TODAY
		);
		expect(result.ok).toBe(false);
		const issues = result.ok ? [] : result.issues;
		// The check between counts too, though other fields failed.
		expect(issues.map((issue) => issue.path)).toEqual([
			'hamletId',
			'occurredOn',
			'topics',
			'peopleAged60Plus'
		]);
		expect(issues[1]).toMatchObject({
			vi: 'Ngày không được ở tương lai',
			en: 'The date cannot be in the future'
		});
		const error = activityInputError(issues);
		expect([error.code, error.path, error.message, error.messageEn]).toEqual([
			'hamlet-required',
			'hamletId',
			'Cần chọn thôn, tổ dân phố',
			'Pick a hamlet'
		]);
		expect(error.issues).toHaveLength(4);
	});

	it('refuses what is no object at all', () => {
		expect(validateActivityRecord(null, TODAY)).toMatchObject({
			ok: false,
			issues: [{ code: 'invalid-value' }]
		});
	});
});

describe('validateActivityRow', () => {
	const row = {
		id: '00000000-0000-4000-8000-000000000001',
		hamletId: 4001,
		teamId: 1,
		kind: 'class',
		occurredOn: '2026-03-14',
		location: [105.833, 21.036],
		householdsNew: 0,
		householdsRevisited: 0,
		peopleGuided: 25,
		topics: ['safety'],
		idempotencyKey: 'fixture-1'
	};

	it('keeps absent priority groups (older files) as not recorded, never 0, and the note empty', () => {
		const result = validateActivityRow(row, 'rows[0]', TODAY);
		expect(result.ok && result.value).toMatchObject({
			peopleAged60Plus: null,
			peopleFromMinorities: null,
			note: ''
		});
	});

	it('still bounds a recorded group by the people guided', () => {
		const result = validateActivityRow(
			{ ...row, peopleAged60Plus: 26, peopleFromMinorities: null },
			'',
			TODAY
		);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.issues.map((issue) => issue.code)).toEqual(['aged-60-plus-above-guided']);
	});

	it('needs an id, a team and a position, and prefixes paths', () => {
		const result = validateActivityRow(
			{ ...without(row, 'location'), id: 'x', teamId: -1 },
			'rows[3]',
			TODAY
		);
		expect(result.ok ? [] : result.issues.map((issue) => `${issue.path}:${issue.code}`)).toEqual([
			'rows[3].id:id-invalid',
			'rows[3].teamId:team-invalid',
			'rows[3].location:location-invalid'
		]);
	});

	it('applies the same date bound as the field app', () => {
		const result = validateActivityRow({ ...row, occurredOn: '2026-12-01' }, '', TODAY);
		expect(result.ok ? [] : result.issues.map((issue) => issue.code)).toEqual(['date-in-future']);
	});
});
