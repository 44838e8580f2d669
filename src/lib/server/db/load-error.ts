/** Why a load was refused; each code has a Vietnamese message first and an English one second. */
export type LoadErrorCode =
	| 'broken-json'
	| 'not-a-feature-collection'
	| 'invalid-feature'
	| 'invalid-geometry'
	| 'unknown-commune'
	| 'unknown-hamlet'
	| 'unknown-team'
	| 'duplicate-key'
	| 'duplicate-idempotency-key'
	| 'invalid-value';

/**
 * A load refused because of its input. Loaders throw it inside a transaction, so the database
 * is left exactly as it was; `message` is Vietnamese (the users' language), `messageEn` English.
 */
export class LoadError extends Error {
	readonly code: LoadErrorCode;
	readonly messageEn: string;
	/** Where in the input the problem is, e.g. 'features[12]' or 'rows[3].idempotencyKey'. */
	readonly path: string | undefined;

	constructor(code: LoadErrorCode, message: { vi: string; en: string }, path?: string) {
		const where = path ? ` [${path}]` : '';
		super(`${message.vi}${where}`);
		this.name = 'LoadError';
		this.code = code;
		this.messageEn = `${message.en}${where}`;
		this.path = path;
	}
}

/** Parses JSON text, turning a syntax error into a LoadError that says where it failed. */
export function parseJsonInput(text: string, what: { vi: string; en: string }): unknown {
	try {
		return JSON.parse(text);
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new LoadError('broken-json', {
			vi: `Tệp ${what.vi} không phải JSON hợp lệ: ${reason}`,
			en: `The ${what.en} file is not valid JSON: ${reason}`
		});
	}
}
