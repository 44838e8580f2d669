// Sends the outbox: each waiting record is posted once per attempt; sent ones leave the outbox, refused
// ones stay with the reason, failed ones wait with backoff. Used by the page (at load, on `online`, on a
// timer) and by the offline worker (Background Sync). A record sent twice (page and worker at once, or an
// answer lost on the way) is stored once: its idempotency key is unique in the database.
import { outboxItems, removeItem, saveItem, type OutboxItem } from './outbox';
import { FIELD_RECORD_PATH } from './paths';
import { outcomeOf, retryDelay } from './retry';

export interface FlushResult {
	sent: number;
	refused: number;
	/** Still to send (failed now or not due yet). */
	waiting: number;
}

/** The channel on which a flush tells open pages that the outbox changed. */
export const OUTBOX_CHANNEL = 'field-outbox';

/** Posts one record; the HTTP status (0: no answer) and the parsed body. */
async function post(fetcher: typeof fetch, item: OutboxItem): Promise<{ status: number; body: unknown }> {
	try {
		const response = await fetcher(FIELD_RECORD_PATH, {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify(item.record),
			credentials: 'same-origin',
			redirect: 'manual'
		});
		const body = await response.json().catch(() => null);
		// A redirect (opaque to us) means the request went to a sign-in page: the session is gone.
		return { status: response.type === 'opaqueredirect' ? 401 : response.status, body };
	} catch {
		return { status: 0, body: null };
	}
}

let running: Promise<FlushResult> | undefined;

/**
 * Sends every waiting record that is due (all of them with `force`, e.g. when the network returns),
 * one at a time, oldest first. Concurrent calls share one run.
 */
export function flushOutbox(
	fetcher: typeof fetch,
	options: { force?: boolean; now?: () => number } = {}
): Promise<FlushResult> {
	running ??= run(fetcher, options).finally(() => (running = undefined));
	return running;
}

async function run(
	fetcher: typeof fetch,
	{ force = false, now = Date.now }: { force?: boolean; now?: () => number }
) {
	const result: FlushResult = { sent: 0, refused: 0, waiting: 0 };
	for (const item of await outboxItems()) {
		if (item.status !== 'waiting') continue;
		if (!force && item.nextAttemptAt > now()) {
			result.waiting += 1;
			continue;
		}
		const { status, body } = await post(fetcher, item);
		const outcome = outcomeOf(status, body);
		if (outcome.kind === 'sent') {
			await removeItem(item.key);
			result.sent += 1;
		} else if (outcome.kind === 'refused') {
			const refusal = { status: outcome.status, code: outcome.code, reason: outcome.reason };
			await saveItem({ ...item, status: 'refused', refusal });
			result.refused += 1;
		} else {
			const attempts = item.attempts + 1;
			await saveItem({ ...item, attempts, nextAttemptAt: now() + retryDelay(attempts) });
			result.waiting += 1;
		}
	}
	if (typeof BroadcastChannel !== 'undefined') {
		const channel = new BroadcastChannel(OUTBOX_CHANNEL);
		channel.postMessage(result);
		channel.close();
	}
	return result;
}
