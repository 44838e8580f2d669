import { describe, expect, it } from 'vitest';
import { requestIdOf, writeContext } from './write-context';

const request = (id?: string) =>
	new Request('http://localhost/', id ? { headers: { 'x-request-id': id } } : {});

describe('request ids', () => {
	it("keeps a proxy's sane id and replaces an odd one with a UUID", () => {
		expect(requestIdOf(request('abc-123.4:5'))).toBe('abc-123.4:5');
		expect(requestIdOf(request('has spaces'))).toMatch(/^[0-9a-f-]{36}$/);
		expect(requestIdOf(request('x'.repeat(129)))).toMatch(/^[0-9a-f-]{36}$/);
		expect(requestIdOf(request())).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('gives a write the id the request log chose, so the log line, the header and the audit event match', () => {
		const context = writeContext({
			request: request(),
			getClientAddress: () => '192.0.2.1',
			locals: { requestId: 'logged-id' }
		});
		expect(context).toEqual({ requestId: 'logged-id', clientAddress: '192.0.2.1' });
	});
});
