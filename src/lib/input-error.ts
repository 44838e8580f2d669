// The one error for refused input, from a URL parameter to a row of an upload. Pure and client-safe:
// analysis code returns its issues in this shape, and the server maps it to HTTP in one place.
import type { Label } from './domain';

/**
 * 'invalid': the input is wrong (400); 'not-found': it is well formed but names nothing that exists,
 * e.g. a commune code in a URL (404). A wrong reference inside an upload is 'invalid': the upload is bad.
 */
type InputErrorKind = 'invalid' | 'not-found';

/** One problem: where it is (e.g. 'weights.skills', 'rows[3].idempotencyKey'), a stable code, and why. */
export interface InputIssue {
	path: string;
	code: string;
	vi: string;
	en: string;
}

interface InputErrorInit {
	kind?: InputErrorKind;
	code: string;
	message: Label;
	/** Where the problem is; '' for the request or input as a whole. */
	path?: string;
	/** Every problem found, when there are several to show at once (a form, an upload); default: this one. */
	issues?: readonly InputIssue[];
}

/**
 * Input refused because of what it says. `message` is Vietnamese (the users' language), `messageEn`
 * English; `issues` lists every problem (at least this one), so a form or an import can show them all.
 */
export class InputError extends Error {
	readonly kind: InputErrorKind;
	readonly code: string;
	readonly path: string;
	readonly messageEn: string;
	readonly issues: readonly InputIssue[];
	/** Whether `issues` were given (a list worth sending), rather than just this error as its own issue. */
	readonly listed: boolean;

	constructor({ kind = 'invalid', code, message, path = '', issues }: InputErrorInit) {
		super(message.vi);
		this.name = 'InputError';
		this.kind = kind;
		this.code = code;
		this.path = path;
		this.messageEn = message.en;
		this.listed = issues !== undefined && issues.length > 0;
		this.issues = this.listed ? [...issues!] : [{ path, code, vi: message.vi, en: message.en }];
	}

	/** Bad input: a 400. */
	static invalid(code: string, message: Label, path = ''): InputError {
		return new InputError({ code, message, path });
	}

	/** Well-formed input naming nothing that exists: a 404. */
	static notFound(code: string, message: Label, path = ''): InputError {
		return new InputError({ kind: 'not-found', code, message, path });
	}

	/**
	 * Every problem of one input at once; the error says the first, or `summary` (e.g. "Invalid weights:
	 * …") when given. `issues` must not be empty.
	 */
	static fromIssues(
		issues: readonly InputIssue[],
		summary?: { code: string; message: Label; path?: string }
	): InputError {
		const first = issues[0];
		if (!first) throw new RangeError('InputError.fromIssues needs at least one issue');
		return new InputError({
			code: summary?.code ?? first.code,
			message: summary?.message ?? { vi: first.vi, en: first.en },
			path: summary?.path ?? first.path,
			issues
		});
	}

	/** The message in both languages. */
	get label(): Label {
		return { vi: this.message, en: this.messageEn };
	}
}

/** The one mapping of refused input to HTTP, for pages, form actions and JSON alike. */
export function inputErrorStatus(error: InputError): 400 | 404 {
	return error.kind === 'not-found' ? 404 : 400;
}

/** An issue at `path` with `code`, from a label. */
export function inputIssue(path: string, code: string, message: Label): InputIssue {
	return { path, code, vi: message.vi, en: message.en };
}
