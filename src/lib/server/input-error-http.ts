// Refused input as HTTP, in one place: JSON bodies for machine endpoints, error pages, form failures.
// The status always comes from `inputErrorStatus`: 400 for bad input, 404 for a missing thing.
import { error, fail, type ActionFailure } from '@sveltejs/kit';
import { InputError, inputErrorStatus } from '../input-error';

/** One problem as a JSON body lists it: both languages, as the top-level message. */
interface ApiErrorDetail {
	path: string;
	code: string;
	message: string;
	messageEn: string;
}

/**
 * The body every machine endpoint answers refused input with: a stable code, the message in both
 * languages, and `details` (e.g. each invalid weight) when the error lists several problems.
 */
export interface ApiErrorBody<Code extends string = string> {
	error: { code: Code; message: string; messageEn: string; details?: ApiErrorDetail[] };
}

/** The JSON response for refused input (never cached). */
export function inputErrorResponse(refused: InputError): Response {
	return apiErrorResponse(inputErrorStatus(refused), {
		code: refused.code,
		message: refused.message,
		messageEn: refused.messageEn,
		...(refused.listed
			? {
					details: refused.issues.map(({ path, code, vi, en }) => ({
						path,
						code,
						message: vi,
						messageEn: en
					}))
				}
			: {})
	});
}

/** A machine endpoint's error in the one shape (refused input, and the guard's 401/403), never cached. */
export function apiErrorResponse(status: number, error: ApiErrorBody['error']): Response {
	const body: ApiErrorBody = { error };
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }
	});
}

/** Runs a machine endpoint; refused input becomes its JSON error, anything else propagates. */
export async function answerJson(respond: () => Promise<Response>): Promise<Response> {
	try {
		return await respond();
	} catch (thrown) {
		if (thrown instanceof InputError) return inputErrorResponse(thrown);
		throw thrown;
	}
}

/** Runs a page's `load` (or a download); refused input becomes the error page, status and both languages. */
export async function withErrorPage<T>(load: () => Promise<T>): Promise<T> {
	try {
		return await load();
	} catch (thrown) {
		if (thrown instanceof InputError) {
			error(inputErrorStatus(thrown), {
				message: thrown.message,
				messageEn: thrown.messageEn,
				code: thrown.code
			});
		}
		throw thrown;
	}
}

/** A form action's failure for refused input: the status, plus what the form shows (built from the issues). */
export function failInput<T extends Record<string, unknown>>(refused: InputError, data: T): ActionFailure<T> {
	return fail(inputErrorStatus(refused), data);
}
