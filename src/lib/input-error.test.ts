import { describe, expect, it } from 'vitest';
import { InputError, inputErrorStatus, inputIssue } from './input-error';

const WRONG = { vi: 'Sai', en: 'Wrong' };

describe('InputError', () => {
	it('carries a code, a path, both languages, and itself as its only issue', () => {
		const error = InputError.invalid('invalid-month', WRONG, 'month');
		expect(error).toBeInstanceOf(Error);
		expect(error).toMatchObject({
			name: 'InputError',
			kind: 'invalid',
			code: 'invalid-month',
			path: 'month',
			message: 'Sai',
			messageEn: 'Wrong',
			listed: false
		});
		expect(error.label).toEqual(WRONG);
		expect(error.issues).toEqual([{ path: 'month', code: 'invalid-month', vi: 'Sai', en: 'Wrong' }]);
	});

	it('tells a missing thing from bad input', () => {
		expect(InputError.notFound('unknown-commune', WRONG).kind).toBe('not-found');
		expect(InputError.invalid('invalid-month', WRONG).kind).toBe('invalid');
		expect(InputError.invalid('whole', WRONG).path).toBe('');
	});

	it('lists every issue, saying the first or a summary', () => {
		const issues = [
			inputIssue('rows[0].name', 'required', { vi: 'Thiếu tên', en: 'Name missing' }),
			inputIssue('rows[3].households', 'negative', { vi: 'Số âm', en: 'Negative' })
		];
		const first = InputError.fromIssues(issues);
		expect(first).toMatchObject({
			code: 'required',
			path: 'rows[0].name',
			message: 'Thiếu tên',
			listed: true
		});
		expect(first.issues).toEqual(issues);
		const summary = InputError.fromIssues(issues, {
			code: 'invalid-rows',
			message: { vi: 'Hai dòng sai', en: 'Two bad rows' }
		});
		expect(summary).toMatchObject({ code: 'invalid-rows', path: 'rows[0].name', messageEn: 'Two bad rows' });
		expect(summary.issues).toHaveLength(2);
		expect(() => InputError.fromIssues([])).toThrow(RangeError);
	});

	it('maps to HTTP in one place: 400 for bad input, 404 for a missing thing', () => {
		expect(inputErrorStatus(InputError.invalid('invalid-weights', WRONG))).toBe(400);
		expect(inputErrorStatus(InputError.fromIssues([inputIssue('a', 'b', WRONG)]))).toBe(400);
		expect(inputErrorStatus(InputError.notFound('unknown-hamlet', WRONG))).toBe(404);
	});
});
