import { expect, test } from '@playwright/test';

test('an unknown address gets a 404 page in Vietnamese, English second', async ({ page }) => {
	const response = await page.goto('/khong-co-trang-nay');
	expect(response?.status()).toBe(404);

	await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
	await expect(page).toHaveTitle(/^Không tìm thấy trang/);
	const heading = page.getByRole('heading', { level: 1 });
	await expect(heading).toHaveText('Không tìm thấy trang');
	await expect(page.getByText('Page not found')).toHaveAttribute('lang', 'en');
	const text = await page.getByRole('main').innerText();
	expect(text.indexOf('Không tìm thấy trang')).toBeLessThan(text.indexOf('Page not found'));

	await page.getByRole('link', { name: /Về bản đồ/ }).click();
	// The map keeps its camera in the hash, so only the path is checked.
	await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/(#.*)?$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gõ Từng Nhà');
});
