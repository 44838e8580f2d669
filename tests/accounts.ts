// Signing in as the test servers' accounts, through the real /login form.
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_DEMO_PASSWORD } from '../playwright.config';
import type { Role } from '../src/lib/roles';

/** The demo server's accounts (src/lib/server/auth/bootstrap.ts), by role; commune and team work for 09700. */
export const DEMO_USERS = {
	admin: 'demo.admin',
	city: 'demo.city',
	commune: 'demo.commune',
	team: 'demo.team'
} as const satisfies Record<Role, string>;

/** Xã Ba Vì, the demo commune and team accounts' commune, and one that is not theirs (Phường Ba Đình). */
export const OWN_COMMUNE = '09700';
export const OTHER_COMMUNE = '00004';

/** Signs a browser in with the sign-in form, and waits to arrive at the (light) account page. */
export async function signIn(page: Page, username: string, password = E2E_DEMO_PASSWORD): Promise<void> {
	await page.goto('/login?redirectTo=/account');
	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu').fill(password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page).toHaveURL(/\/account$/);
}

/** Signs an API client in with a form post, as a browser without JavaScript would. */
export async function signInRequest(
	request: APIRequestContext,
	origin: string,
	username: string
): Promise<void> {
	const response = await request.post('/login', {
		form: { username, password: E2E_DEMO_PASSWORD, redirectTo: '/' },
		// As a browser posts a form (text/html): `*/*` would get SvelteKit's JSON action result instead.
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status(), `sign-in of ${username}`).toBe(303);
}
