import { isActionFailure, isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { InputError, inputIssue } from '../input-error';
import {
	answerJson,
	failInput,
	inputErrorResponse,
	withErrorPage,
	type ApiErrorBody
} from './input-error-http';

const WRONG = { vi: 'Tháng không hợp lệ', en: 'Invalid month' };

describe('inputErrorResponse', () => {
	it('answers bad input with a 400 JSON body in both languages, never cached', async () => {
		const response = inputErrorResponse(InputError.invalid('invalid-month', WRONG, 'month'));
		expect(response.status).toBe(400);
		expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(await response.json()).toEqual({
			error: { code: 'invalid-month', message: 'Tháng không hợp lệ', messageEn: 'Invalid month' }
		});
	});

	it('answers a missing thing with a 404', () => {
		expect(inputErrorResponse(InputError.notFound('unknown-commune', WRONG)).status).toBe(404);
	});

	it('lists the issues as details, each in both languages', async () => {
		const refused = InputError.fromIssues(
			[
				inputIssue('weights.skills', 'negative', { vi: 'Âm', en: 'Negative' }),
				inputIssue('weights.x', 'unknown-component', { vi: 'Lạ', en: 'Unknown' })
			],
			{ code: 'invalid-weights', message: { vi: 'Trọng số không hợp lệ', en: 'Invalid weights' } }
		);
		const body = (await inputErrorResponse(refused).json()) as ApiErrorBody;
		expect(body.error.code).toBe('invalid-weights');
		expect(body.error.details).toEqual([
			{ path: 'weights.skills', code: 'negative', message: 'Âm', messageEn: 'Negative' },
			{ path: 'weights.x', code: 'unknown-component', message: 'Lạ', messageEn: 'Unknown' }
		]);
	});
});

describe('answerJson', () => {
	it('turns refused input into its JSON error and lets anything else through', async () => {
		const refused = await answerJson(() => Promise.reject(InputError.notFound('unknown-layer', WRONG)));
		expect(refused.status).toBe(404);
		const fine = await answerJson(() => Promise.resolve(new Response('ok')));
		expect(await fine.text()).toBe('ok');
		await expect(answerJson(() => Promise.reject(new TypeError('bug')))).rejects.toThrow(TypeError);
	});
});

describe('withErrorPage', () => {
	it('turns refused input into the error page with the same status, both languages and the code', async () => {
		const thrown = await withErrorPage(() =>
			Promise.reject(InputError.invalid('invalid-month', WRONG))
		).catch((error: unknown) => error);
		expect(isHttpError(thrown, 400)).toBe(true);
		expect((thrown as { body: App.Error }).body).toEqual({
			message: 'Tháng không hợp lệ',
			messageEn: 'Invalid month',
			code: 'invalid-month'
		});
		const missing = await withErrorPage(() =>
			Promise.reject(InputError.notFound('unknown-plan', WRONG))
		).catch((error: unknown) => error);
		expect(isHttpError(missing, 404)).toBe(true);
		expect(await withErrorPage(() => Promise.resolve(42))).toBe(42);
		await expect(withErrorPage(() => Promise.reject(new TypeError('bug')))).rejects.toThrow(TypeError);
	});
});

describe('failInput', () => {
	it('fails a form action with the status of the refusal and what the form shows', () => {
		const refused = InputError.fromIssues([inputIssue('name', 'name-required', WRONG)]);
		const failure = failInput(refused, { errors: refused.issues });
		expect(isActionFailure(failure)).toBe(true);
		expect(failure.status).toBe(400);
		expect(failure.data.errors).toHaveLength(1);
		expect(failInput(InputError.notFound('unknown-plan', WRONG), {}).status).toBe(404);
	});
});
