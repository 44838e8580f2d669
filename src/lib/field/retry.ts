// The outbox's retry rules, pure: what an answer of the server means for a queued record, and when to try
// again. The page and the offline worker both follow them (send.ts).
import type { Label } from '../domain';

/** Backoff after failed attempts: 5 s, 10 s, 20 s… at most 5 minutes, each with ±20% jitter. */
export const RETRY_BACKOFF = { firstMs: 5_000, factor: 2, maxMs: 5 * 60_000, jitter: 0.2 } as const;

/** The wait before the next attempt after `attempts` failed ones (≥ 1); `random` in [0, 1). */
export function retryDelay(attempts: number, random: number = Math.random()): number {
	const exponent = Math.max(0, Math.min(attempts - 1, 30));
	const base = Math.min(RETRY_BACKOFF.firstMs * RETRY_BACKOFF.factor ** exponent, RETRY_BACKOFF.maxMs);
	return Math.round(base * (1 - RETRY_BACKOFF.jitter + 2 * RETRY_BACKOFF.jitter * random));
}

/**
 * What an attempt came to: sent (stored now or before: a replay is sent too), refused (the server will
 * not take it as it is: it stays, with the reason, to be corrected or discarded), or try again later.
 */
export type SendOutcome =
	{ kind: 'sent' } | { kind: 'refused'; status: number; code: string; reason: Label } | { kind: 'retry' };

const SESSION_EXPIRED: Label = {
	vi: 'Phiên đăng nhập đã hết hạn: đăng nhập lại rồi bấm Gửi lại',
	en: 'Your session has expired: sign in again, then press Send again'
};

const NOT_ALLOWED: Label = {
	vi: 'Tài khoản này không được ghi nhận hoạt động',
	en: 'This account may not record activities'
};

/** Reads the JSON error body `{ error: { code, message, messageEn } }`, if it is one. */
function errorOf(body: unknown): { code: string; reason: Label } | undefined {
	const error = (body as { error?: { code?: unknown; message?: unknown; messageEn?: unknown } } | null)
		?.error;
	if (!error || typeof error.message !== 'string') return undefined;
	return {
		code: typeof error.code === 'string' ? error.code : 'refused',
		reason: { vi: error.message, en: typeof error.messageEn === 'string' ? error.messageEn : error.message }
	};
}

/**
 * The outcome of an answer: 2xx sent; 401 refused (the session ended: kept until the member signs in
 * again and sends it); other 4xx refused with the server's reason; 408, 429, 5xx and no answer at all
 * (`status` 0, a network error) retried later.
 */
export function outcomeOf(status: number, body: unknown): SendOutcome {
	if (status >= 200 && status < 300) return { kind: 'sent' };
	if (status === 0 || status === 408 || status === 429 || status >= 500) return { kind: 'retry' };
	if (status === 401) return { kind: 'refused', status, code: 'session-expired', reason: SESSION_EXPIRED };
	if (status === 403) return { kind: 'refused', status, code: 'forbidden', reason: NOT_ALLOWED };
	const error = errorOf(body);
	return {
		kind: 'refused',
		status,
		code: error?.code ?? 'refused',
		reason: error?.reason ?? {
			vi: `Máy chủ từ chối (mã ${status})`,
			en: `Refused by the server (status ${status})`
		}
	};
}
