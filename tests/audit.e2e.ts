import { expect, test } from '@playwright/test';

// The audit trail and its CSV are the admin's (authorization.e2e.ts checks every role); an anonymous
// visitor is sent to sign in.
test.describe('the audit trail', () => {
	for (const path of ['/admin/audit', '/admin/audit/audit.csv', '/en/admin/audit']) {
		test(`${path} sends an anonymous visitor to sign in`, async ({ request }) => {
			const answer = await request.get(`${path}?action=plan.create`, { maxRedirects: 0 });
			expect(answer.status()).toBe(303);
			const location = new URL(answer.headers().location!, 'http://localhost');
			// The sign-in page in the address's language.
			expect(location.pathname).toBe(path.startsWith('/en/') ? '/en/login' : '/login');
			// Back to the same address, language prefix and filters included.
			expect(location.searchParams.get('redirectTo')).toBe(`${path}?action=plan.create`);
		});
	}
});
