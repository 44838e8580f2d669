import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, serverErrorBody } from './server-error';

const event = (requestId: string) => ({
	locals: { user: null, requestId },
	route: { id: '/api/gap' as const },
	request: new Request('http://localhost/api/gap')
});

describe('isDatabaseUnavailable', () => {
	it.each([
		[
			'a terminated backend (pg)',
			Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })
		],
		[
			'a refused connection',
			Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })
		],
		['a connection lost mid-query', new Error('Connection terminated unexpectedly')],
		[
			'wrapped by drizzle',
			new Error('Failed query: select 1', { cause: Object.assign(new Error('x'), { code: '08006' }) })
		]
	])('%s is the database being out of reach', (_, error) => {
		expect(isDatabaseUnavailable(error)).toBe(true);
	});

	it.each([
		['a constraint violation', Object.assign(new Error('duplicate key value'), { code: '23505' })],
		['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
		['not an error', 'oops']
	])('%s is not', (_, error) => {
		expect(isDatabaseUnavailable(error)).toBe(false);
	});
});

describe('serverErrorBody', () => {
	it('gives a 500 a message in both languages, a code and the request id, never the error itself', () => {
		const body = serverErrorBody(new Error('secret detail'), event('req-1'), 500, 'Internal Error');
		expect(body).toMatchObject({ code: 'internal-error', requestId: 'req-1' });
		expect(body.message).toMatch(/thử lại/);
		expect(body.messageEn).toMatch(/try again/);
		expect(JSON.stringify(body)).not.toContain('secret detail');
	});

	it('says when the database is out of reach', () => {
		const error = Object.assign(new Error('terminating connection'), { code: '57P01' });
		expect(serverErrorBody(error, event('req-2'), 500, 'Internal Error')).toMatchObject({
			code: 'database-unavailable',
			requestId: 'req-2'
		});
	});

	it('passes a 404 through with its own message', () => {
		expect(serverErrorBody(new Error('Not found: /x'), event('req-3'), 404, 'Not Found')).toEqual({
			message: 'Not Found',
			requestId: 'req-3'
		});
	});
});
