import { describe, expect, it } from 'vitest';
import {
	activeRequestCount,
	asBackground,
	asRequest,
	awaitBackground,
	BACKGROUND_MAX_WAIT_MS,
	yieldToRequests
} from './event-loop';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A request that stays active for `ms`, started now. */
function requestFor(ms: number): Promise<void> {
	return asRequest(() => sleep(ms));
}

describe('yieldToRequests', () => {
	it('in background work, waits until the request being answered has finished', async () => {
		const order: string[] = [];
		const request = requestFor(30).then(() => order.push('request answered'));
		await asBackground(async () => {
			await yieldToRequests();
			order.push('background piece');
		});
		await request;
		expect(order).toEqual(['request answered', 'background piece']);
		expect(activeRequestCount()).toBe(0);
	});

	it('in background work, waits at most BACKGROUND_MAX_WAIT_MS under a request that goes on', async () => {
		const request = requestFor(1000);
		const started = performance.now();
		await asBackground(() => yieldToRequests());
		const waited = performance.now() - started;
		expect(waited).toBeGreaterThanOrEqual(BACKGROUND_MAX_WAIT_MS - 5);
		// Well before the request ends (a margin for a busy machine's late timers).
		expect(waited).toBeLessThan(500);
		await request;
	});

	it("in a request's own work, only gives the event loop a turn", async () => {
		const other = requestFor(1000);
		const started = performance.now();
		await asRequest(() => yieldToRequests());
		expect(performance.now() - started).toBeLessThan(500);
		await other;
	});

	it('a request waiting for background work is not active meanwhile, so the work does not wait for it', async () => {
		const pieces = 20;
		const started = performance.now();
		const value = await asRequest(() =>
			awaitBackground(
				asBackground(async () => {
					for (let piece = 0; piece < pieces; piece++) await yieldToRequests();
					return 'computed';
				})
			)
		);
		expect(value).toBe('computed');
		// Twenty pieces each held up to the longest wait would take a second.
		expect(performance.now() - started).toBeLessThan(500);
		expect(activeRequestCount()).toBe(0);
	});

	it('background work started by a request is not that request', async () => {
		let activeInside = -1;
		await asRequest(async () => {
			// The request's own work would count it; the background work parks nothing of it.
			await asBackground(async () => {
				await awaitBackground(Promise.resolve());
				activeInside = activeRequestCount();
			});
		});
		expect(activeInside).toBe(1);
		expect(activeRequestCount()).toBe(0);
	});
});
