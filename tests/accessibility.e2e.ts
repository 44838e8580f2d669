// Every page of the app passes axe (WCAG 2.2 A/AA), as an anonymous visitor, a commune's staff and an
// admin see it, in both languages where the layout differs; the printable plan is checked by the
// planner's spec where a plan is saved (tests/planner.e2e.ts).
import { expect, test } from '@playwright/test';
import { DEMO_USERS, OWN_COMMUNE, signIn } from './accounts';
import { expectNoAxeViolations } from './axe';
import { openMap } from './map-page';

test.describe('accessibility (axe, WCAG 2.2 AA)', () => {
	// One test per page: software WebGL on a shared machine takes a while to draw each.
	for (const path of [
		'/',
		'/en',
		'/?hamlet=4001&metric=gap',
		'/?metric=epayment',
		'/?month=2026-13&hamlet=999999',
		'/embed',
		'/embed?commune=09700&controls=none',
		'/en/embed?metric=skills'
	]) {
		test(`the map page ${path}`, async ({ page }) => {
			await openMap(page, path);
			await expectNoAxeViolations(page);
		});
	}

	test('the embed dialog of the map', async ({ page }) => {
		await openMap(page, '/');
		await page.getByTestId('embed-open').click();
		await expect(page.getByRole('dialog')).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('the sign-in page and the error pages', async ({ page }) => {
		await page.goto('/login');
		await expectNoAxeViolations(page);
		expect((await page.goto('/khong-co-trang-nay'))?.status()).toBe(404);
		await expectNoAxeViolations(page);
		// A bad shared link of the map is a notice on the map (tested above); the embed still refuses one.
		expect((await page.goto('/embed?month=2026-13'))?.status()).toBe(400);
		await expectNoAxeViolations(page);
	});

	test('the planner and the account page of a commune’s staff', async ({ page }) => {
		await signIn(page, DEMO_USERS.commune);
		await expectNoAxeViolations(page);
		await page.goto(`/communes/${OWN_COMMUNE}/plan`);
		await expect(page.getByTestId('map')).toHaveAttribute('data-map-idle', 'true');
		await expectNoAxeViolations(page);
		// Another commune's planner: the 403 page.
		expect((await page.goto('/communes/00004/plan'))?.status()).toBe(403);
		await expectNoAxeViolations(page);
	});

	test('the admin pages', async ({ page }) => {
		await signIn(page, DEMO_USERS.admin);
		for (const path of ['/admin/users', '/admin/audit']) {
			await page.goto(path);
			await expectNoAxeViolations(page);
		}
	});
});
