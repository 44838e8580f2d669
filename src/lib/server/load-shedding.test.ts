import type { RequestEvent, ResolveOptions } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { createLoadShedder, loadSheddingOptions } from './load-shedding';

type Resolve = (event: RequestEvent, options?: ResolveOptions) => Promise<Response>;

/** A request the test finishes when it wants. */
function pending() {
	let finish!: () => void;
	const done = new Promise<Response>((resolve) => (finish = () => resolve(new Response('ok'))));
	return { resolve: (() => done) as Resolve, finish };
}

const event = {} as RequestEvent;

describe('load shedding', () => {
	it('refuses with 503 and Retry-After over the in-flight limit, and serves again once one finishes', async () => {
		const shedder = createLoadShedder({
			maxInFlight: 2,
			maxAgeMs: 60_000,
			minInFlightForAge: 8,
			retryAfterSeconds: 2
		});
		const first = pending();
		const second = pending();
		const answers = [
			shedder.handle({ event, resolve: first.resolve }),
			shedder.handle({ event, resolve: second.resolve })
		];
		const refused = await shedder.handle({ event, resolve: pending().resolve });
		expect(refused.status).toBe(503);
		expect(refused.headers.get('retry-after')).toBe('2');
		expect((await refused.json()).error.code).toBe('overloaded');
		first.finish();
		await answers[0];
		const third = pending();
		const accepted = shedder.handle({ event, resolve: third.resolve });
		third.finish();
		expect((await accepted).status).toBe(200);
		second.finish();
		await answers[1];
		expect(shedder.inFlight()).toBe(0);
	});

	it('refuses when the oldest request in flight is older than the limit, with enough of them in flight', async () => {
		let clock = 0;
		const shedder = createLoadShedder(
			{ maxInFlight: 100, maxAgeMs: 1000, minInFlightForAge: 2, retryAfterSeconds: 1 },
			() => clock
		);
		const slow = [pending(), pending()];
		const answers = slow.map((request) => shedder.handle({ event, resolve: request.resolve }));
		clock = 1001;
		expect((await shedder.handle({ event, resolve: pending().resolve })).status).toBe(503);
		for (const request of slow) request.finish();
		await Promise.all(answers);
		const next = pending();
		const answer = shedder.handle({ event, resolve: next.resolve });
		next.finish();
		expect((await answer).status).toBe(200);
	});

	it('reads its limits from the environment, digits only', () => {
		expect(loadSheddingOptions({ MAX_IN_FLIGHT: '4', SHED_AFTER_MS: '500' })).toMatchObject({
			maxInFlight: 4,
			maxAgeMs: 500
		});
		expect(loadSheddingOptions({ MAX_IN_FLIGHT: '0x10' }).maxInFlight).toBe(128);
	});
});
