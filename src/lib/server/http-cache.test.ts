import { describe, expect, it } from 'vitest';
import { etagMatches, notModified, REVALIDATE } from './http-cache';

describe('etagMatches', () => {
	const etag = '"v1-abc"';

	it.each([etag, `W/${etag}`, `"other", ${etag}`, ` "other" ,W/${etag} `, '*', '"other", *'])(
		'matches If-None-Match %s',
		(header) => {
			expect(etagMatches(header, etag)).toBe(true);
		}
	);

	it.each([null, '', '"other"', '"v1-ab"', 'v1-abc', '"other", W/"v2-abc"'])(
		'does not match If-None-Match %s',
		(header) => {
			expect(etagMatches(header, etag)).toBe(false);
		}
	);
});

describe('notModified', () => {
	it('answers 304 without a body, with the headers it is given', async () => {
		const response = notModified({ etag: '"v1"', 'cache-control': REVALIDATE });
		expect(response.status).toBe(304);
		expect(response.headers.get('etag')).toBe('"v1"');
		expect(response.headers.get('cache-control')).toBe(REVALIDATE);
		expect(await response.text()).toBe('');
	});
});
