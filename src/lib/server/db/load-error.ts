import { InputError } from '../../input-error';

/**
 * Parses JSON text, turning a syntax error into an InputError ('broken-json') that says where it failed.
 * Loaders refuse bad input with InputError inside their transaction, so the database is left as it was.
 */
export function parseJsonInput(text: string, what: { vi: string; en: string }): unknown {
	try {
		// Editors on Windows save UTF-8 with a byte-order mark, which JSON.parse refuses.
		return JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw InputError.invalid('broken-json', {
			vi: `Tệp ${what.vi} không phải JSON hợp lệ: ${reason}`,
			en: `The ${what.en} file is not valid JSON: ${reason}`
		});
	}
}

/**
 * A load refused because of its input: an InputError whose messages end with where the problem is
 * (e.g. ' [rows[3].idempotencyKey]'), as a person reading a failed seed or upload needs it.
 */
export function refusedLoad(code: string, message: { vi: string; en: string }, path?: string): InputError {
	const where = path ? ` [${path}]` : '';
	return InputError.invalid(code, { vi: `${message.vi}${where}`, en: `${message.en}${where}` }, path);
}
