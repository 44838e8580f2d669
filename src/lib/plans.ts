// A plan's form: its fields, their schema and messages, and the plan as the browser shows it. Client-safe,
// so components and the form's code read the same types and rules as the data layer that saves plans.
import * as z from 'zod';
import type { Label } from './domain';
import { InputError, inputIssue, type InputIssue } from './input-error';

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
}

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
	'team-invalid': { vi: 'Tổ CĐS không hợp lệ', en: 'Invalid team' },
	'expected-invalid': {
		vi: 'Số hộ dự kiến phải là số nguyên không âm',
		en: 'Expected households must be a whole number, 0 or more'
	},
	'note-too-long': { vi: 'Ghi chú dài quá 2.000 ký tự', en: 'The note is longer than 2,000 characters' },
	'hamlets-required': {
		vi: 'Cần chọn ít nhất một thôn, tổ dân phố',
		en: 'Pick at least one hamlet'
	},
	'hamlets-invalid': { vi: 'Danh sách thôn, tổ dân phố không hợp lệ', en: 'Invalid list of hamlets' }
} satisfies Record<string, Label>;

type MessageKey = keyof typeof MESSAGES;

const isoDay = (key: MessageKey) => z.iso.date({ error: key });

/**
 * The plan's fields, each checked on its own: the pairs (end ≥ start, no hamlet twice) are checked by
 * `validatePlanInput`, and the references (team and hamlets of the commune) against the database.
 * Messages are keys of MESSAGES, turned into Vietnamese and English by `validatePlanInput`.
 */
const planInputSchema = z.object({
	name: z
		.string({ error: 'name-required' })
		.trim()
		.min(1, { error: 'name-required' })
		.max(200, { error: 'name-too-long' }),
	startsOn: isoDay('starts-on-invalid'),
	endsOn: isoDay('ends-on-invalid'),
	teamId: z
		.number({ error: 'team-invalid' })
		.int({ error: 'team-invalid' })
		.positive({ error: 'team-invalid' })
		.nullable(),
	expectedHouseholds: z
		.number({ error: 'expected-invalid' })
		.int({ error: 'expected-invalid' })
		.min(0, { error: 'expected-invalid' })
		.max(10_000_000, { error: 'expected-invalid' }),
	note: z.string({ error: 'note-too-long' }).trim().max(2000, { error: 'note-too-long' }).default(''),
	hamletIds: z
		.array(
			z
				.number({ error: 'hamlets-invalid' })
				.int({ error: 'hamlets-invalid' })
				.positive({ error: 'hamlets-invalid' }),
			{
				error: 'hamlets-invalid'
			}
		)
		.min(1, { error: 'hamlets-required' })
});

export type ValidPlanInput = z.infer<typeof planInputSchema>;

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
	if (issues.length > 0 || !result.success) return { ok: false, issues };
	return { ok: true, value: result.data };
}

/** The commune has no plan with this id (404). */
export function unknownPlanError(path = 'planId'): InputError {
	return InputError.notFound('unknown-plan', { vi: 'Không tìm thấy kế hoạch này', en: 'No such plan' }, path);
}
