import { expect, test } from '@playwright/test';
import { E2E_ADMIN, E2E_DEMO_PASSWORD, NO_DEMO_PORT } from '../playwright.config';
import { DEMO_USERS, OTHER_COMMUNE, OWN_COMMUNE } from './accounts';

const PLANNER = `/communes/${OWN_COMMUNE}/plan`;

test('an anonymous visitor is sent to sign in and back; another commune is refused; signing out ends it', async ({
	page
}) => {
	const redirected = await page.goto(`${PLANNER}?teams=2`);
	expect(new URL(page.url()).pathname).toBe('/login');
	expect(new URL(page.url()).searchParams.get('redirectTo')).toBe(`${PLANNER}?teams=2`);
	expect(redirected?.status()).toBe(200);

	// One wrong password: the same message as an unknown user, and the form keeps the username.
	await page.getByLabel('Tên đăng nhập').fill(DEMO_USERS.commune);
	await page.getByLabel('Mật khẩu').fill('khong-phai-mat-khau');
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page.getByTestId('login-error')).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.');
	await expect(page.getByLabel('Tên đăng nhập')).toHaveValue(DEMO_USERS.commune);

	await page.getByLabel('Mật khẩu').fill(E2E_DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page).toHaveURL(new RegExp(`${PLANNER}\\?teams=2$`));
	await expect(page.getByTestId('ranking-row').first()).toBeVisible();
	const cookie = (await page.context().cookies()).find((c) => c.name.endsWith('session_token'));
	expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });

	const other = await page.goto(`/communes/${OTHER_COMMUNE}/plan`);
	expect(other?.status()).toBe(403);
	await expect(page.getByTestId('error-message')).toContainText('không có quyền');

	await page.goto('/account');
	await page.getByRole('button', { name: 'Đăng xuất' }).click();
	await page.goto(PLANNER);
	await expect(page).toHaveURL(/\/login\?redirectTo=/);
});

test('every response carries the security headers; pages a Content-Security-Policy with a nonce or hashes', async ({
	request
}) => {
	for (const path of ['/', '/login', '/api/search?q=ba', PLANNER]) {
		const response = await request.get(path, { maxRedirects: 0 });
		const headers = response.headers();
		expect(headers['x-content-type-options'], path).toBe('nosniff');
		expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
		expect(headers['content-security-policy'], path).toContain("frame-ancestors 'self'");
	}
	const csp = (await request.get('/login')).headers()['content-security-policy'];
	expect(csp).toMatch(/script-src[^;]*('nonce-|'sha256-)/);
});

test('a sign-in from another site is refused', async ({ request }) => {
	const response = await request.post('/login', {
		form: { username: DEMO_USERS.admin, password: E2E_DEMO_PASSWORD, redirectTo: '/' },
		headers: { origin: 'https://evil.example' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(403);
	expect(response.headers()['set-cookie'] ?? '').not.toContain('session_token');
	// No JSON sign-in route is mounted.
	const json = await request.post('/api/auth/sign-in/username', {
		data: { username: DEMO_USERS.admin, password: E2E_DEMO_PASSWORD }
	});
	expect(json.status()).toBe(404);
});

test('the first admin creates a user, who must change the temporary password at first sign-in', async ({
	page
}) => {
	// The server without demo data has no demo accounts: only the admin from ADMIN_USERNAME/ADMIN_PASSWORD.
	const site = `http://localhost:${NO_DEMO_PORT}`;
	await page.goto(`${site}/login?redirectTo=/admin/users`);
	await page.getByLabel('Tên đăng nhập').fill(E2E_ADMIN.username);
	await page.getByLabel('Mật khẩu').fill(E2E_ADMIN.password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page).toHaveURL(`${site}/admin/users`);
	expect(await page.getByTestId('user-row').count()).toBe(1);

	const username = `lanhdao.${Date.now() % 100000}`;
	const create = page.locator('form.create');
	await create.getByLabel('Tên đăng nhập').fill(username);
	await create.getByLabel('Vai trò').selectOption('city');
	await create.getByRole('button', { name: 'Tạo tài khoản' }).click();
	const temporary = page.getByTestId('temporary-password');
	await expect(temporary).toContainText(username);
	const password = (await temporary.locator('code').textContent())!.trim();
	expect(password.length).toBeGreaterThanOrEqual(16);
	await expect(page.getByTestId('user-row').filter({ hasText: username })).toContainText(
		'Chờ đổi mật khẩu tạm'
	);

	await page.goto(`${site}/account`);
	await page.getByRole('button', { name: 'Đăng xuất' }).click();
	await page.goto(`${site}/login`);
	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu').fill(password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	// Anywhere it goes, the temporary password sends it to /account first.
	await expect(page).toHaveURL(`${site}/account`);
	await expect(page.getByTestId('must-change-password')).toBeVisible();
	await page.goto(`${site}/admin/users`);
	await expect(page).toHaveURL(`${site}/account`);

	const newPassword = `mat-khau-rieng-${Date.now()}`;
	await page.getByLabel('Mật khẩu hiện tại').fill(password);
	await page.getByLabel('Mật khẩu mới', { exact: true }).fill(newPassword);
	await page.getByLabel('Nhập lại mật khẩu mới').fill(newPassword);
	await page.getByRole('button', { name: 'Lưu mật khẩu' }).click();
	// The map, which adds its view to the hash.
	await expect(page).toHaveURL(new RegExp(`^${site}/(#.*)?$`));
	await page.goto(`${site}/account`);
	await expect(page.getByTestId('must-change-password')).toHaveCount(0);
	// A city leader reads but does not manage people.
	const admin = await page.goto(`${site}/admin/users`);
	expect(admin?.status()).toBe(403);
});
