import { describe, expect, it } from 'vitest';
import { outcomeOf, retryDelay, RETRY_BACKOFF } from './retry';

describe('retryDelay', () => {
	it('doubles from the first delay up to the cap, with jitter within ±20%', () => {
		const middle = 0.5; // no jitter
		expect([1, 2, 3, 4].map((attempts) => retryDelay(attempts, middle))).toEqual([
			5_000, 10_000, 20_000, 40_000
		]);
		expect(retryDelay(20, middle)).toBe(RETRY_BACKOFF.maxMs);
		expect(retryDelay(1000, middle)).toBe(RETRY_BACKOFF.maxMs);
		expect(retryDelay(1, 0)).toBe(4_000);
		expect(retryDelay(1, 0.999_999)).toBe(6_000);
		expect(retryDelay(0, middle)).toBe(5_000);
	});
});

describe('outcomeOf', () => {
	it('counts a stored record and a replay of one as sent', () => {
		expect(outcomeOf(201, { stored: true })).toEqual({ kind: 'sent' });
		expect(outcomeOf(200, { stored: false })).toEqual({ kind: 'sent' });
	});

	it('retries when there was no answer, a timeout, throttling or a server error', () => {
		for (const status of [0, 408, 429, 500, 502, 503])
			expect(outcomeOf(status, null)).toEqual({ kind: 'retry' });
	});

	it("keeps a refused record with the server's reason in both languages", () => {
		const body = {
			error: { code: 'unknown-hamlet', message: 'Thôn không còn', messageEn: 'The hamlet is gone' }
		};
		expect(outcomeOf(400, body)).toEqual({
			kind: 'refused',
			status: 400,
			code: 'unknown-hamlet',
			reason: { vi: 'Thôn không còn', en: 'The hamlet is gone' }
		});
		expect(outcomeOf(404, 'not json')).toMatchObject({
			kind: 'refused',
			code: 'refused',
			reason: { en: /status 404/ }
		});
	});

	it('refuses with "sign in again" when the session has ended, and when the account may not record', () => {
		expect(outcomeOf(401, null)).toMatchObject({ kind: 'refused', code: 'session-expired' });
		expect(outcomeOf(403, null)).toMatchObject({ kind: 'refused', code: 'forbidden' });
	});
});
