import { expect, test } from '@playwright/test';
import { watchForProblems } from './map-page';

test('the map says it is loading while its tiles load, then says nothing', async ({ page }) => {
	const problems = watchForProblems(page);
	// Slow tiles, as on a weak mobile connection: the map area would be blank for seconds.
	await page.route('**/tiles/**', async (route) => {
		await new Promise((resolve) => setTimeout(resolve, 1500));
		await route.continue();
	});
	await page.goto('/');
	const status = page.getByTestId('map-loading');
	await expect(status).toHaveRole('status');
	await expect(status).toHaveText('Đang tải bản đồ…');
	await expect(page.getByTestId('map')).toHaveAttribute('data-map-idle', 'true');
	await expect(status).toHaveText('');
	expect(problems).toEqual([]);
});

test('the loading message is in English on /en/', async ({ page }) => {
	await page.route('**/tiles/**', async (route) => {
		await new Promise((resolve) => setTimeout(resolve, 1500));
		await route.continue();
	});
	await page.goto('/en/');
	await expect(page.getByTestId('map-loading')).toHaveText('Loading the map…');
	await expect(page.getByTestId('map')).toHaveAttribute('data-map-idle', 'true');
	await expect(page.getByTestId('map-loading')).toHaveText('');
});
