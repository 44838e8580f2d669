// The plan form's fields as text (kept to refill the form after a refusal) and as a plan's input.
import { localized, type Locale } from '$lib/i18n';
import type { InputIssue } from '$lib/input-error';
import { parseWeightsParam } from '$lib/gap-planning';
import { getLocale } from '$lib/paraglide/runtime';
import { decimalInteger, type PlanField, type PlanInput } from '$lib/plans';

/** The plan form's editable fields, as text. */
export interface PlanFields {
	planId: string;
	name: string;
	startsOn: string;
	endsOn: string;
	teamId: string;
	expectedHouseholds: string;
	note: string;
}

/** What the planner typed, as entered. */
export interface PlanFormValues extends PlanFields {
	hamletIds: number[];
}

/** Messages per field in the request's language; `form` holds those about the plan as a whole. */
export type PlanFormErrors = Partial<Record<PlanField | 'form', string[]>>;

function text(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}

/** Reads the submitted form; `input` is what `createPlan`/`updatePlan` validate. */
export function readPlanForm(form: FormData): {
	values: PlanFormValues;
	input: Record<keyof PlanInput, unknown>;
} {
	// Ids and counts must be decimal digits: `Number` would read "0x1" or "1e3". A bad one stays NaN in
	// `input`, so the schema refuses it rather than it being dropped or changed.
	const hamletIds = form
		.getAll('hamletIds')
		.map((value) => (typeof value === 'string' ? decimalInteger(value) : NaN));
	const values: PlanFormValues = {
		planId: text(form, 'planId'),
		name: text(form, 'name'),
		startsOn: text(form, 'startsOn').trim(),
		endsOn: text(form, 'endsOn').trim(),
		teamId: text(form, 'teamId'),
		expectedHouseholds: text(form, 'expectedHouseholds').trim(),
		note: text(form, 'note'),
		hamletIds: hamletIds.filter((id) => Number.isSafeInteger(id))
	};
	return {
		values,
		input: {
			name: values.name,
			startsOn: values.startsOn,
			endsOn: values.endsOn,
			teamId: values.teamId === '' ? null : decimalInteger(values.teamId),
			// An empty field is "not given", not 0: the schema refuses it with its own message.
			expectedHouseholds:
				values.expectedHouseholds === '' ? undefined : decimalInteger(values.expectedHouseholds),
			note: values.note,
			hamletIds,
			weights: readWeights(text(form, 'weights'))
		}
	};
}

/**
 * The weights field (`skills:0.25,coverage:0.2,…`, as the sliders set it): null when absent (the
 * defaults); unreadable text is passed on as text, so that validation refuses it with its reason.
 */
function readWeights(text: string): unknown {
	if (text.trim() === '') return null;
	const parsed = parseWeightsParam(text);
	return parsed.ok ? parsed.weights : text;
}

const FIELDS: ReadonlySet<string> = new Set<PlanField>([
	'name',
	'startsOn',
	'endsOn',
	'teamId',
	'expectedHouseholds',
	'note',
	'hamletIds'
]);

/**
 * Groups a refusal's issues by field, for messages next to each control, in `locale`; an issue about
 * anything else (the commune, the plan itself) goes to `form`.
 */
export function errorsByField(issues: readonly InputIssue[], locale: Locale = getLocale()): PlanFormErrors {
	const errors: PlanFormErrors = {};
	for (const issue of issues) {
		const key = FIELDS.has(issue.path) ? (issue.path as PlanField) : 'form';
		(errors[key] ??= []).push(localized(issue, locale));
	}
	return errors;
}
