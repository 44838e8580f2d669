import { json } from '@sveltejs/kit';
import type { Label } from '$lib/domain';

/** The body every machine endpoint answers bad input with: a stable code and the message in both languages. */
export interface ApiErrorBody {
	error: { code: string; message: string; messageEn: string };
}

export function apiError(status: number, code: string, message: Label): Response {
	const body: ApiErrorBody = { error: { code, message: message.vi, messageEn: message.en } };
	return json(body, { status });
}
