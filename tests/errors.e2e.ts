import { expect, test } from '@playwright/test';

test('an unknown address gets a 404 page in Vietnamese', async ({ page }) => {
	const response = await page.goto('/khong-co-trang-nay');
	expect(response?.status()).toBe(404);

	await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
	await expect(page).toHaveTitle(/^Không tìm thấy trang/);
	const heading = page.getByRole('heading', { level: 1 });
	await expect(heading).toHaveText('Không tìm thấy trang');
	// One language per page: the English text is on /en/… (tests/i18n.e2e.ts), not beside the Vietnamese.
	await expect(page.getByRole('main')).not.toContainText('Page not found');

	await page.getByRole('link', { name: /Về bản đồ/ }).click();
	// The map keeps its camera in the hash, so only the path is checked.
	await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/(#.*)?$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gõ Từng Nhà');
});
