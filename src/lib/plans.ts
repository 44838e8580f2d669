// A plan's form: its fields, their schema and messages, and the plan as the browser shows it. Client-safe,
// so components and the form's code read the same types and rules as the data layer that saves plans.
import * as z from 'zod';
import { validateGapWeights } from './analysis/gap-weights';
import type { GapComponent } from './analysis/types';
import type { Label } from './domain';
import { InputError, inputIssue, type InputIssue } from './input-error';
import { hasControlCharacters } from './text';

/** A hamlet of a plan, in the planner's order. */
export interface PlanHamlet {
	id: number;
	name: string;
	/** 0-based order within the plan. */
	position: number;
	households: number;
	adults: number;
}

/** A saved plan (Kế hoạch) of a commune; plain data, safe to send to the browser. */
export interface Plan {
	id: number;
	communeCode: string;
	name: string;
	/** YYYY-MM-DD. */
	startsOn: string;
	/** YYYY-MM-DD, on or after `startsOn`. */
	endsOn: string;
	teamId: number | null;
	teamName: string | null;
	expectedHouseholds: number;
	note: string;
	/** The gap weights the plan was ranked with; null = the defaults. */
	weights: PlanWeights | null;
	/** ISO 8601 timestamps. */
	createdAt: string;
	updatedAt: string;
	hamlets: PlanHamlet[];
}

/** The fields a planner enters; `hamletIds` in the order the plan lists them. */
export interface PlanInput {
	name: string;
	startsOn: string;
	endsOn: string;
	teamId: number | null;
	expectedHouseholds: number;
	note?: string;
	hamletIds: number[];
	/** The gap weights on screen when the plan was saved (normalised to sum 1); null or absent = the defaults. */
	weights?: PlanWeights | null;
}

/** A weight per gap component, summing to 1. */
export type PlanWeights = Record<GapComponent, number>;

/** The fields of a plan a validation problem can point at. */
export type PlanField = keyof PlanInput;

/**
 * A plan refused because of its input: every problem is listed (`issues`, path = the field), so a form
 * can show them all at once next to their fields; the error says the first. Thrown before any write.
 */
export function planInputError(issues: readonly InputIssue[]): InputError {
	const first = issues[0]!;
	return InputError.fromIssues(issues, {
		code: 'invalid-value',
		message: { vi: first.vi, en: first.en },
		path: first.path
	});
}

/** The largest id of a `serial`/`integer` column: a larger one would make PostgreSQL fail, not refuse. */
export const MAX_ID = 2_147_483_647;

/**
 * The plans' years: 2026 to 2030, the span of the city's programme (and of the minority-area
 * designations). A date outside them is a typo (year 0000, 20266) that the database would store or fail on.
 */
export const PLAN_FIRST_DAY = '2026-01-01';
export const PLAN_LAST_DAY = '2030-12-31';

/** How long a deleted plan can be restored ("Hoàn tác"): long enough to notice a wrong click. */
export const PLAN_UNDO_MINUTES = 10;

/** The bounds of the plan form's fields (README: "The plan form's bounds"). */
export const PLAN_LIMITS = {
	nameLength: 200,
	noteLength: 2000,
	hamlets: 1000,
	expectedHouseholds: 10_000_000
};

/**
 * A whole number written only in decimal digits (an HTML number field's value), else NaN. `Number`
 * alone would read "0x1", "1e3" and " 2 " as numbers.
 */
export function decimalInteger(text: string): number {
	return /^\d{1,16}$/.test(text) ? Number(text) : Number.NaN;
}

const MESSAGES = {
	'name-required': { vi: 'Cần nhập tên kế hoạch', en: 'A plan name is required' },
	'name-too-long': {
		vi: 'Tên kế hoạch dài quá 200 ký tự',
		en: 'The plan name is longer than 200 characters'
	},
	'starts-on-invalid': {
		vi: 'Ngày bắt đầu phải là một ngày có thật, dạng YYYY-MM-DD',
		en: 'The start date must be a real date, YYYY-MM-DD'
	},
	'ends-on-invalid': {
		vi: 'Ngày kết thúc phải là một ngày có thật, dạng YYYY-MM-DD',
		en: 'The end date must be a real date, YYYY-MM-DD'
	},
	'ends-before-start': {
		vi: 'Ngày kết thúc phải bằng hoặc sau ngày bắt đầu',
		en: 'The end date must be on or after the start date'
	},
	'name-control-characters': {
		vi: 'Tên kế hoạch có ký tự điều khiển không được phép',
		en: 'The plan name contains control characters'
	},
	'starts-on-out-of-range': {
		vi: 'Ngày bắt đầu phải trong các năm 2026–2030',
		en: 'The start date must be within 2026–2030'
	},
	'ends-on-out-of-range': {
		vi: 'Ngày kết thúc phải trong các năm 2026–2030',
		en: 'The end date must be within 2026–2030'
	},
	'team-invalid': { vi: 'Tổ CĐS không hợp lệ', en: 'Invalid team' },
	'expected-invalid': {
		vi: 'Số hộ dự kiến phải là số nguyên không âm',
		en: 'Expected households must be a whole number, 0 or more'
	},
	'note-too-long': { vi: 'Ghi chú dài quá 2.000 ký tự', en: 'The note is longer than 2,000 characters' },
	'note-control-characters': {
		vi: 'Ghi chú có ký tự điều khiển không được phép',
		en: 'The note contains control characters'
	},
	'hamlets-too-many': {
		vi: 'Một kế hoạch có nhiều nhất 1.000 thôn, tổ dân phố',
		en: 'A plan has at most 1,000 hamlets'
	},
	'hamlets-required': {
		vi: 'Cần chọn ít nhất một thôn, tổ dân phố',
		en: 'Pick at least one hamlet'
	},
	'hamlets-invalid': { vi: 'Danh sách thôn, tổ dân phố không hợp lệ', en: 'Invalid list of hamlets' }
} satisfies Record<string, Label>;

type MessageKey = keyof typeof MESSAGES;

const isoDay = (key: MessageKey) => z.iso.date({ error: key });

/** A real date within the plans' years. */
const planDay = (invalid: MessageKey, outOfRange: MessageKey) =>
	isoDay(invalid).refine((day) => day >= PLAN_FIRST_DAY && day <= PLAN_LAST_DAY, { error: outOfRange });

/** A positive id that fits an `integer` column. */
const rowId = (key: MessageKey) =>
	z.number({ error: key }).int({ error: key }).min(1, { error: key }).max(MAX_ID, { error: key });

/**
 * The plan's fields, each checked on its own and bounded to what its column holds: the pairs (end ≥
 * start, no hamlet twice) are checked by `validatePlanInput`, and the references (team and hamlets of
 * the commune) against the database. Messages are keys of MESSAGES, turned into Vietnamese and English
 * by `validatePlanInput`.
 */
const planInputSchema = z.object({
	name: z
		.string({ error: 'name-required' })
		.trim()
		.min(1, { error: 'name-required' })
		.max(PLAN_LIMITS.nameLength, { error: 'name-too-long' })
		.refine((name) => !hasControlCharacters(name), { error: 'name-control-characters' }),
	startsOn: planDay('starts-on-invalid', 'starts-on-out-of-range'),
	endsOn: planDay('ends-on-invalid', 'ends-on-out-of-range'),
	teamId: rowId('team-invalid').nullable(),
	expectedHouseholds: z
		.number({ error: 'expected-invalid' })
		.int({ error: 'expected-invalid' })
		.min(0, { error: 'expected-invalid' })
		.max(PLAN_LIMITS.expectedHouseholds, { error: 'expected-invalid' }),
	note: z
		.string({ error: 'note-too-long' })
		.trim()
		.max(PLAN_LIMITS.noteLength, { error: 'note-too-long' })
		.refine((note) => !hasControlCharacters(note, { lineBreaks: true }), { error: 'note-control-characters' })
		.default(''),
	hamletIds: z
		.array(rowId('hamlets-invalid'), { error: 'hamlets-invalid' })
		.min(1, { error: 'hamlets-required' })
		.max(PLAN_LIMITS.hamlets, { error: 'hamlets-too-many' }),
	// Checked by validateGapWeights in validatePlanInput, which names the bad component.
	weights: z.unknown().optional()
});

export type ValidPlanInput = Omit<z.infer<typeof planInputSchema>, 'weights'> & {
	weights: PlanWeights | null;
};

/** A problem with one field; the code is the message's key (or the refusing check's name). */
export function planIssue(field: PlanField, code: string, message: Label): InputIssue {
	return inputIssue(field, code, message);
}

/** Every problem with the input's own fields (not its references), or the validated input. */
export function validatePlanInput(
	input: unknown
): { ok: true; value: ValidPlanInput } | { ok: false; issues: InputIssue[] } {
	const result = planInputSchema.safeParse(input);
	const issues: InputIssue[] = [];
	if (!result.success) {
		for (const zodIssue of result.error.issues) {
			const field = (zodIssue.path[0] ?? 'name') as PlanField;
			const known = MESSAGES[zodIssue.message as MessageKey];
			// Only a field whose type is wholly wrong reaches here without one of our keys.
			issues.push(
				known
					? planIssue(field, zodIssue.message, known)
					: planIssue(field, 'invalid-value', {
							vi: `Giá trị không hợp lệ: ${zodIssue.message}`,
							en: `Invalid value: ${zodIssue.message}`
						})
			);
		}
	}
	// Cross-field checks, so that they are reported together with the others.
	const raw = (input ?? {}) as Partial<Record<PlanField, unknown>>;
	const startsOk = isoDay('starts-on-invalid').safeParse(raw.startsOn).success;
	const endsOk = isoDay('ends-on-invalid').safeParse(raw.endsOn).success;
	if (startsOk && endsOk && String(raw.endsOn) < String(raw.startsOn)) {
		issues.push(planIssue('endsOn', 'ends-before-start', MESSAGES['ends-before-start']));
	}
	if (Array.isArray(raw.hamletIds)) {
		const seen = new Set<unknown>();
		const repeated = new Set<unknown>();
		for (const id of raw.hamletIds) {
			if (seen.has(id)) repeated.add(id);
			seen.add(id);
		}
		if (repeated.size > 0) {
			const list = [...repeated].join(', ');
			issues.push(
				planIssue('hamletIds', 'repeated-hamlet', {
					vi: `Thôn, tổ dân phố được chọn hai lần: ${list}`,
					en: `Hamlets picked twice: ${list}`
				})
			);
		}
	}
	let weights: PlanWeights | null = null;
	if (raw.weights !== undefined && raw.weights !== null) {
		const checked = validateGapWeights(raw.weights);
		if (checked.ok) weights = checked.weights;
		else for (const issue of checked.errors) issues.push({ ...issue, path: 'weights' });
	}
	if (issues.length > 0 || !result.success) return { ok: false, issues };
	return { ok: true, value: { ...result.data, weights } };
}

/**
 * A plan id as a form or URL gives it: decimal digits only, within the column's range ("0x1", " 2 ",
 * "1e0" are refused, not read as numbers); null when it is not one.
 */
export function readPlanId(text: string): number | null {
	const id = decimalInteger(text);
	return id >= 1 && id <= MAX_ID ? id : null;
}

/** A plan id that is not one (see readPlanId): 400. */
export function invalidPlanIdError(path = 'planId'): InputError {
	return InputError.invalid(
		'invalid-value',
		{ vi: 'Mã kế hoạch phải là một số nguyên dương', en: 'The plan id must be a positive whole number' },
		path
	);
}

/** The commune has no plan with this id (404). */
export function unknownPlanError(path = 'planId'): InputError {
	return InputError.notFound('unknown-plan', { vi: 'Không tìm thấy kế hoạch này', en: 'No such plan' }, path);
}
