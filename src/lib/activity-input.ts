// The one definition of an outreach activity: its fields, their bounds and their messages in Vietnamese
// and English. Client-safe, so the field app checks a record before it is sent (or queued offline) with
// the same rules the server applies to it, and to every row of an import.
import * as z from 'zod';
import { ACTIVITY_FIRST_DAY, hanoiToday } from './activity-dates';
import { ACTIVITY_KINDS, OUTREACH_TOPICS, type Label } from './domain';
import { InputError, inputIssue, type InputIssue } from './input-error';
import { hasControlCharacters } from './text';

// The dates live apart, without zod, so the field app's page has them without loading the validator.
export { ACTIVITY_FIRST_DAY, hanoiToday };

/**
 * The bounds of one activity's counts and note (README: "An activity's bounds"). A door-to-door visit
 * reaches a few households; an event or an online session of a large ward a few thousand people. A count
 * above these is a typo (an extra zero), not a record.
 */
export const ACTIVITY_LIMITS = {
	households: 5_000,
	people: 20_000,
	noteLength: 1_000,
	idempotencyKeyLength: { min: 8, max: 200 }
} as const;

const MESSAGES = {
	'hamlet-required': { vi: 'Cần chọn thôn, tổ dân phố', en: 'Pick a hamlet' },
	'team-invalid': { vi: 'Tổ CĐS không hợp lệ', en: 'Invalid team' },
	'kind-required': {
		vi: 'Cần chọn hình thức: tận nhà, lớp học, sự kiện hoặc trực tuyến',
		en: 'Pick the kind: door-to-door, class, event or online'
	},
	'date-invalid': {
		vi: 'Ngày phải là một ngày có thật, dạng YYYY-MM-DD',
		en: 'The date must be a real date, YYYY-MM-DD'
	},
	'date-too-early': { vi: 'Ngày không được trước 01/01/2026', en: 'The date cannot be before 1 Jan 2026' },
	'date-in-future': { vi: 'Ngày không được ở tương lai', en: 'The date cannot be in the future' },
	'households-new-invalid': {
		vi: 'Số hộ tiếp cận lần đầu phải là số nguyên từ 0 đến 5.000',
		en: 'Households reached for the first time must be a whole number from 0 to 5,000'
	},
	'households-revisited-invalid': {
		vi: 'Số hộ quay lại phải là số nguyên từ 0 đến 5.000',
		en: 'Households revisited must be a whole number from 0 to 5,000'
	},
	'people-guided-invalid': {
		vi: 'Số người được hướng dẫn phải là số nguyên từ 0 đến 20.000',
		en: 'People guided must be a whole number from 0 to 20,000'
	},
	'aged-60-plus-invalid': {
		vi: 'Số người từ 60 tuổi phải là số nguyên không âm',
		en: 'People aged 60+ must be a whole number, 0 or more'
	},
	'minorities-invalid': {
		vi: 'Số người dân tộc thiểu số phải là số nguyên không âm',
		en: 'People from ethnic minorities must be a whole number, 0 or more'
	},
	'aged-60-plus-above-guided': {
		vi: 'Số người từ 60 tuổi không được lớn hơn số người được hướng dẫn',
		en: 'People aged 60+ cannot exceed people guided'
	},
	'minorities-above-guided': {
		vi: 'Số người dân tộc thiểu số không được lớn hơn số người được hướng dẫn',
		en: 'People from ethnic minorities cannot exceed people guided'
	},
	'nobody-reached': {
		vi: 'Hoạt động phải tiếp cận ít nhất một hộ hoặc hướng dẫn ít nhất một người',
		en: 'An activity must reach at least one household or guide at least one person'
	},
	'topics-required': { vi: 'Cần chọn ít nhất một nội dung', en: 'Pick at least one topic' },
	'topics-invalid': { vi: 'Nội dung không hợp lệ', en: 'Invalid topic' },
	'topics-repeated': { vi: 'Một nội dung được chọn hai lần', en: 'A topic is picked twice' },
	'note-too-long': { vi: 'Ghi chú dài quá 1.000 ký tự', en: 'The note is longer than 1,000 characters' },
	'note-control-characters': {
		vi: 'Ghi chú có ký tự điều khiển không được phép',
		en: 'The note contains control characters'
	},
	'location-invalid': {
		vi: 'Vị trí phải là [kinh độ, vĩ độ] trong Hà Nội',
		en: 'The position must be [longitude, latitude] within Hanoi'
	},
	'id-invalid': { vi: 'Mã hoạt động phải là một UUID', en: 'The activity id must be a UUID' },
	'idempotency-key-invalid': {
		vi: 'Khóa chống trùng phải dài 8–200 ký tự',
		en: 'The idempotency key must be 8–200 characters long'
	}
} satisfies Record<string, Label>;

type MessageKey = keyof typeof MESSAGES;

/** A positive id that fits an `integer` column. */
const rowId = (key: MessageKey) =>
	z.number({ error: key }).int({ error: key }).min(1, { error: key }).max(2_147_483_647, { error: key });

const countUpTo = (max: number, key: MessageKey) =>
	z.number({ error: key }).int({ error: key }).min(0, { error: key }).max(max, { error: key });

/** A [lng, lat] position inside a generous box around Hanoi, so swapped coordinates are caught. */
const hanoiPosition = z.tuple(
	[
		z
			.number({ error: 'location-invalid' })
			.min(104.5, { error: 'location-invalid' })
			.max(107, { error: 'location-invalid' }),
		z
			.number({ error: 'location-invalid' })
			.min(20, { error: 'location-invalid' })
			.max(22, { error: 'location-invalid' })
	],
	{ error: 'location-invalid' }
);

const isIsoDay = (text: string) => z.iso.date().safeParse(text).success;

/** The fields a team member enters, each checked on its own; `today` bounds the date (Hanoi time). */
function enteredFields(today: () => string) {
	return {
		hamletId: rowId('hamlet-required'),
		kind: z.enum(ACTIVITY_KINDS, { error: 'kind-required' }),
		// The bounds compare only real dates, so a malformed one gets one message, not three.
		occurredOn: z.iso
			.date({ error: 'date-invalid' })
			.refine((day) => !isIsoDay(day) || day >= ACTIVITY_FIRST_DAY, { error: 'date-too-early' })
			.refine((day) => !isIsoDay(day) || day <= today(), { error: 'date-in-future' }),
		householdsNew: countUpTo(ACTIVITY_LIMITS.households, 'households-new-invalid'),
		householdsRevisited: countUpTo(ACTIVITY_LIMITS.households, 'households-revisited-invalid'),
		peopleGuided: countUpTo(ACTIVITY_LIMITS.people, 'people-guided-invalid'),
		peopleAged60Plus: countUpTo(ACTIVITY_LIMITS.people, 'aged-60-plus-invalid'),
		peopleFromMinorities: countUpTo(ACTIVITY_LIMITS.people, 'minorities-invalid'),
		topics: z
			.array(z.enum(OUTREACH_TOPICS, { error: 'topics-invalid' }), { error: 'topics-required' })
			.min(1, { error: 'topics-required' })
			.refine((topics) => new Set(topics).size === topics.length, { error: 'topics-repeated' }),
		note: z
			.string({ error: 'note-too-long' })
			.trim()
			.max(ACTIVITY_LIMITS.noteLength, { error: 'note-too-long' })
			.refine((note) => !hasControlCharacters(note, { lineBreaks: true }), {
				error: 'note-control-characters'
			})
	};
}

const idempotencyKey = z
	.string({ error: 'idempotency-key-invalid' })
	.min(ACTIVITY_LIMITS.idempotencyKeyLength.min, { error: 'idempotency-key-invalid' })
	.max(ACTIVITY_LIMITS.idempotencyKeyLength.max, { error: 'idempotency-key-invalid' });

interface CountsOfPeople {
	peopleGuided: number;
	/** Null: not recorded ("chưa ghi"). */
	peopleAged60Plus: number | null;
	peopleFromMinorities: number | null;
	householdsNew: number;
	householdsRevisited: number;
}

/** The checks between fields: the priority groups are among the people guided; somebody was reached. */
function countProblems(counts: CountsOfPeople): { message: MessageKey; path: [keyof CountsOfPeople] }[] {
	const problems: { message: MessageKey; path: [keyof CountsOfPeople] }[] = [];
	if (counts.peopleAged60Plus !== null && counts.peopleAged60Plus > counts.peopleGuided) {
		problems.push({ message: 'aged-60-plus-above-guided', path: ['peopleAged60Plus'] });
	}
	if (counts.peopleFromMinorities !== null && counts.peopleFromMinorities > counts.peopleGuided) {
		problems.push({ message: 'minorities-above-guided', path: ['peopleFromMinorities'] });
	}
	if (counts.householdsNew + counts.householdsRevisited + counts.peopleGuided === 0) {
		problems.push({ message: 'nobody-reached', path: ['peopleGuided'] });
	}
	return problems;
}

function checkCounts(counts: CountsOfPeople, context: z.RefinementCtx): void {
	for (const problem of countProblems(counts)) context.addIssue({ code: 'custom', ...problem });
}

/**
 * What the field app sends: the entered fields, the phone's position when it gave one (null otherwise:
 * the server then stores the hamlet's representative point) and the client-made idempotency key.
 */
function activityRecordSchema(today: () => string = () => hanoiToday()) {
	const fields = enteredFields(today);
	return z
		.object({
			...fields,
			note: fields.note.default(''),
			location: hanoiPosition.nullable().default(null),
			idempotencyKey
		})
		.superRefine(checkCounts);
}

/**
 * One activity row of an import or of the demo data: also its id, its team and its position. The priority
 * groups and the note may be absent (files made before they existed, gatherings counted only in total): the
 * groups are then null, "not recorded", which the dashboard says rather than counting 0; the note is ''.
 */
function activityRowSchema(today: () => string = () => hanoiToday()) {
	const fields = enteredFields(today);
	return z
		.object({
			...fields,
			id: z.uuid({ error: 'id-invalid' }),
			teamId: rowId('team-invalid'),
			location: hanoiPosition,
			peopleAged60Plus: fields.peopleAged60Plus.nullable().default(null),
			peopleFromMinorities: fields.peopleFromMinorities.nullable().default(null),
			note: fields.note.default(''),
			idempotencyKey
		})
		.superRefine(checkCounts);
}

export type ActivityRecord = z.output<ReturnType<typeof activityRecordSchema>>;
export type ActivityRowInput = z.input<ReturnType<typeof activityRowSchema>>;
export type ActivityRow = z.output<ReturnType<typeof activityRowSchema>>;

/** zod's issues as ours: path = the field, code = the message's key, both languages. */
function issuesOf(error: z.ZodError, pathPrefix: string): InputIssue[] {
	return error.issues.map((issue) => {
		const field = [pathPrefix, ...issue.path.map(String)].filter((part) => part !== '').join('.');
		const key = issue.message as MessageKey;
		const known = MESSAGES[key];
		// Only an input that is no object at all reaches here without one of our keys.
		return known
			? inputIssue(field, key, known)
			: inputIssue(field, 'invalid-value', {
					vi: `Giá trị không hợp lệ: ${issue.message}`,
					en: `Invalid value: ${issue.message}`
				});
	});
}

type Validation<T> = { ok: true; value: T } | { ok: false; issues: InputIssue[] };

/**
 * The checks between counts when some other field failed: zod runs an object's refinements only on a
 * valid object, and a form must show every problem at once.
 */
function countIssues(input: unknown, pathPrefix: string): InputIssue[] {
	const counts = z
		.object({
			householdsNew: z.number(),
			householdsRevisited: z.number(),
			peopleGuided: z.number(),
			peopleAged60Plus: z.number().nullable().default(null),
			peopleFromMinorities: z.number().nullable().default(null)
		})
		.safeParse(input);
	if (!counts.success) return [];
	return countProblems(counts.data).map(({ message, path }) =>
		inputIssue([pathPrefix, ...path].filter((part) => part !== '').join('.'), message, MESSAGES[message])
	);
}

function validate<T>(schema: z.ZodType<T>, input: unknown, pathPrefix: string): Validation<T> {
	const result = schema.safeParse(input);
	if (result.success) return { ok: true, value: result.data };
	const issues = issuesOf(result.error, pathPrefix);
	const known = new Set(issues.map((issue) => `${issue.path} ${issue.code}`));
	for (const issue of countIssues(input, pathPrefix)) {
		if (!known.has(`${issue.path} ${issue.code}`)) issues.push(issue);
	}
	return { ok: false, issues };
}

// Building a schema costs far more than using it (≈ 2.6 ms against a few µs a row): an import of 100,000
// rows spent most of its time here. One schema per day, kept while that day lasts.
const recordSchemas = new Map<string, ReturnType<typeof activityRecordSchema>>();
const rowSchemas = new Map<string, ReturnType<typeof activityRowSchema>>();

function schemaOfDay<S>(cache: Map<string, S>, build: (today: () => string) => S, today?: string): S {
	const day = today ?? hanoiToday();
	let schema = cache.get(day);
	if (!schema) {
		// A few days at most: tests pin their own, servers move on to the next.
		if (cache.size >= 8) cache.clear();
		schema = build(() => day);
		cache.set(day, schema);
	}
	return schema;
}

/** Every problem of a record from the field app (not its references: hamlet and team are the server's). */
export function validateActivityRecord(input: unknown, today?: string): Validation<ActivityRecord> {
	return validate(schemaOfDay(recordSchemas, activityRecordSchema, today), input, '');
}

/** Every problem of one imported row; paths start with `pathPrefix` (e.g. 'rows[3]'). */
export function validateActivityRow(
	input: unknown,
	pathPrefix = '',
	today?: string
): Validation<ActivityRow> {
	return validate(schemaOfDay(rowSchemas, activityRowSchema, today), input, pathPrefix);
}

/** A refused activity: every problem listed (`issues`), the error saying the first. */
export function activityInputError(issues: readonly InputIssue[]): InputError {
	const first = issues[0]!;
	return InputError.fromIssues(issues, {
		code: first.code,
		message: { vi: first.vi, en: first.en },
		path: first.path
	});
}
