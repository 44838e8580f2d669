import type { Label } from '$lib/domain';

/**
 * The body every machine endpoint answers a refused request with: a stable code, the message in both
 * languages, and `details` (e.g. each invalid weight) when there are any.
 */
export interface ApiErrorBody<Code extends string = string, Detail = unknown> {
	error: { code: Code; message: string; messageEn: string; details?: Detail[] };
}

/** A JSON error response (never cached); `details` are left out of the body when empty. */
export function apiError(
	status: number,
	code: string,
	message: Label,
	details: readonly unknown[] = []
): Response {
	const body: ApiErrorBody = {
		error: {
			code,
			message: message.vi,
			messageEn: message.en,
			...(details.length > 0 ? { details: [...details] } : {})
		}
	};
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }
	});
}
