import { expect, test, type Page } from '@playwright/test';
import { metricLabel } from '../src/lib/labels';
import { METRICS } from '../src/lib/metrics';
import { m } from '../src/lib/paraglide/messages';
import { DEMO_USERS, signIn } from './accounts';
import { keepScreenshot, openMap, watchForProblems } from './map-page';

/** Xã Ba Vì, as in planner.e2e.ts. */
const PLANNER = '/communes/09700/plan';

/** The commune's coverage as printed, e.g. "73,7%". */
async function shareText(page: Page): Promise<string> {
	const text = await page
		.getByTestId('total-coverage')
		.evaluate((element) => element.firstChild?.textContent);
	return (text ?? '').trim();
}

test.describe('languages', () => {
	// The planner needs a sign-in: the staff of Xã Ba Vì.
	test.beforeEach(async ({ page }) => {
		await signIn(page, DEMO_USERS.commune);
	});

	test('the planner is Vietnamese at its plain address and English behind the switch, same view', async ({
		page
	}) => {
		const problems = watchForProblems(page);
		await page.goto(`${PLANNER}?teams=2`);
		await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lập kế hoạch: Xã Ba Vì');
		await expect(page.getByRole('heading', { name: 'Xếp hạng khoảng cách số' })).toBeVisible();
		// One language per label: no English gloss beside the Vietnamese.
		await expect(page.getByRole('main')).not.toContainText('Digital-gap ranking');
		const coverageVi = await shareText(page);
		expect(coverageVi).toMatch(/^\d{1,3}(,\d)?%$/);
		const month = await page.locator('select#month').inputValue();

		// The switch keeps path, query and hash, and reloads the page in English.
		await page.evaluate(() => (location.hash = 'saved-plans'));
		const toEnglish = page.getByTestId('language-switch');
		await expect(toEnglish).toHaveText('English');
		await expect(toEnglish).toHaveAttribute('hreflang', 'en');
		await toEnglish.click();
		await expect(page).toHaveURL(/\/en\/communes\/09700\/plan\?teams=2#saved-plans$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Planner: Xã Ba Vì');
		await expect(page.getByRole('heading', { name: 'Digital-gap ranking' })).toBeVisible();
		await expect(page.getByRole('main')).not.toContainText('Xếp hạng khoảng cách số');
		await expect(page.getByTestId('capacity-teams')).toHaveValue('2');
		await expect(page.locator('select#month')).toHaveValue(month);

		// English numbers: a decimal point, months and reasons in English.
		expect(await shareText(page)).toBe(coverageVi.replace(',', '.'));
		await expect(page.getByTestId('total-coverage')).toContainText('households');
		await expect(page.getByTestId('gap-index').first()).toHaveText(/^\d+\.\d$/);
		await expect(page.locator('select#month option').first()).toHaveText(/^[A-Z][a-z]+ \d{4}$/);
		await expect(page.getByTestId('next-target').first()).toContainText(/\d+ points/);

		// A refused save answers in the page's language.
		await page.getByTestId('use-picks').click();
		await page.getByLabel('Plan name').fill('');
		await page.getByRole('button', { name: 'Save the plan' }).click();
		await expect(page.getByTestId('plan-errors')).toContainText('A plan name is required');

		// Back to Vietnamese: the unprefixed address.
		const toVietnamese = page.getByTestId('language-switch');
		await expect(toVietnamese).toHaveText('Tiếng Việt');
		await toVietnamese.click();
		await expect(page).toHaveURL(/\/communes\/09700\/plan\?teams=2#saved-plans$/);
		expect(new URL(page.url()).pathname).toBe(PLANNER);
		await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
		expect(problems).toEqual([]);
	});

	test('saving in English stays in English', async ({ page }) => {
		await page.goto(`/en${PLANNER}`);
		await page.getByTestId('use-picks').click();
		const name = `English plan ${Date.now()}`;
		await page.getByLabel('Plan name').fill(name);
		await page.getByLabel('From', { exact: true }).fill('2026-12-01');
		await page.getByLabel('To', { exact: true }).fill('2026-12-10');
		await page.getByRole('button', { name: 'Save the plan' }).click();
		await expect(page.getByTestId('saved-notice')).toHaveText(`The plan "${name}" was saved.`);
		expect(new URL(page.url()).pathname).toBe(`/en${PLANNER}`);
		const saved = page.getByTestId('saved-plan').filter({ hasText: name });
		await expect(saved).toContainText(/\d{1,2} [A-Z][a-z]{2} 2026 – \d{1,2} [A-Z][a-z]{2} 2026/);

		// The printable sheet follows the language; the CSV stays Vietnamese (for the commune's office).
		await saved.getByTestId('plan-print').click();
		await expect(page).toHaveURL(/\/en\/communes\/09700\/plans\/\d+\/print$/);
		await expect(page.getByTestId('print-sheet')).toContainText('From 1 Dec 2026 to 10 Dec 2026');
		await page.goBack();
		const plan = page.getByTestId('saved-plan').filter({ hasText: name });
		await plan.locator('summary', { hasText: 'Delete' }).click();
		await expect(plan.locator('details.delete')).toContainText(
			`Delete the plan "${name}"? You can undo this for 10 minutes.`
		);
		await plan.getByRole('button', { name: 'Delete this plan' }).click();
		await expect(page.getByTestId('saved-plan').filter({ hasText: name })).toHaveCount(0);
		expect(new URL(page.url()).pathname).toBe(`/en${PLANNER}`);
	});

	test('/vi/… redirects to the one address of the Vietnamese page', async ({ request }) => {
		const response = await request.get(`/vi${PLANNER}?teams=2`, { maxRedirects: 0 });
		expect(response.status()).toBe(308);
		expect(response.headers().location).toBe(`${PLANNER}?teams=2`);
		const root = await request.get('/vi', { maxRedirects: 0 });
		expect(root.headers().location).toBe('/');
	});

	test('errors are in the page language; JSON errors carry both', async ({ page, request }) => {
		const response = await page.goto('/en/no-such-page');
		expect(response?.status()).toBe(404);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
		await expect(page.getByRole('link', { name: 'Back to the map' })).toHaveAttribute('href', '/en');

		// Machine endpoints skip the locale: a browser on a wrong address there gets the base locale's page.
		await page.goto('/api/no-such-endpoint');
		await expect(page.locator('html')).toHaveAttribute('lang', 'vi');

		// A city leader reads every commune's planner, so an unknown one is not theirs to be refused.
		await signIn(page, DEMO_USERS.city);
		await page.goto('/en/communes/99999/plan');
		await expect(page.getByTestId('error-message')).toHaveText('No commune has code "99999"');

		const refused = await request.get('/api/gap?commune=09700&weights=skills:-1');
		const body = (await refused.json()) as { error: { message: string; messageEn: string } };
		expect(body.error.message).toContain('không được âm');
		expect(body.error.messageEn).toMatch(/negative/);
	});

	test('the map in English: controls, legend and hamlet panel, with English numbers', async ({
		page
	}, testInfo) => {
		const problems = watchForProblems(page);
		const view = '?metric=skills&month=2026-06&hamlet=4001';
		// The same view in Vietnamese first, for its numbers.
		await openMap(page, `/${view}`);
		const skillsRow = page.getByTestId('hamlet-panel').locator('tr[data-metric=skills]').first();
		const skillsVi = (await skillsRow.locator('.value').textContent())!.trim();
		expect(skillsVi).toMatch(/^\d{1,3}(,\d)?%$/);

		await openMap(page, `/en/${view}`);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		const controls = page.getByRole('region', { name: 'Metric and month' });
		await expect(controls.getByRole('radio', { name: 'Digital skills' })).toBeChecked();
		await expect(controls.getByRole('combobox', { name: 'Find a commune or hamlet' })).toHaveAttribute(
			'placeholder',
			'E.g. ba dinh'
		);
		await expect(controls.getByTestId('month-select')).toHaveValue('2026-06');
		await expect(controls.getByTestId('month-select').locator('option:checked')).toHaveText('June 2026');
		await expect(controls.getByTestId('classes-select').locator('option:checked')).toHaveText(
			'By the plan’s targets'
		);
		await expect(controls).not.toContainText('Chỉ số');

		const legend = page.getByTestId('legend');
		await expect(legend.getByRole('heading')).toHaveText('Digital-skills rate');
		await expect(legend.locator('.label').first()).toHaveText(/^Below \d{1,3}(\.\d)?%$/);
		await expect(legend).toContainText('No data');
		await expect(page.getByTestId('activity-kind-legend')).toContainText('Door-to-door visit');

		const panel = page.getByTestId('hamlet-panel');
		await expect(panel).toContainText('June 2026');
		const readings = panel.getByRole('table', { name: 'Hamlet figures' });
		await expect(readings.locator('tr[data-metric=skills] .value')).toHaveText(skillsVi.replace(',', '.'));
		await expect(readings.locator('tr[data-metric=skills]')).toContainText('adults surveyed');
		await expect(panel.getByTestId('trend-target-label')).toHaveText('Target 100%');
		await expect(panel.locator('.trend-chart table tbody tr').first()).toContainText('January 2026');
		await expect(panel).toContainText('Digital skills by month');
		await expect(panel.getByRole('button', { name: 'Close' })).toBeVisible();
		await expect(panel.getByRole('link', { name: /^Plan the next visits in / })).toHaveAttribute(
			'href',
			/^\/en\/communes\/\d{5}\/plan$/
		);
		await expect(panel).not.toContainText('Hộ gia đình');
		await keepScreenshot(page, testInfo, 'hamlet-panel-en');
		expect(problems).toEqual([]);
	});

	test('the switch on the map keeps metric, month and the camera', async ({ page }) => {
		const problems = watchForProblems(page);
		await openMap(page, '/?metric=skills&month=2026-06');
		await expect(page).toHaveURL(/#map=/);
		const hash = new URL(page.url()).hash;
		const toEnglish = page
			.getByRole('region', { name: 'Chọn chỉ số và tháng' })
			.getByTestId('language-switch');
		await expect(toEnglish).toHaveText('English');
		await toEnglish.click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		const url = new URL(page.url());
		expect(url.pathname).toBe('/en');
		expect(url.searchParams.get('metric')).toBe('skills');
		expect(url.searchParams.get('month')).toBe('2026-06');
		expect(url.hash).toBe(hash);
		await expect(page.getByRole('radio', { name: 'Digital skills' })).toBeChecked();
		// The layout's switch is not on the map page: one switch, in the panel.
		await expect(page.getByTestId('language-switch')).toHaveCount(1);
		expect(problems).toEqual([]);
	});

	test('the map in Vietnamese shows no English label in its control panel', async ({ page }, testInfo) => {
		await openMap(page, '/?hamlet=4001');
		const controls = page.getByRole('region', { name: 'Chọn chỉ số và tháng' });
		await expect(controls.getByRole('radio', { name: 'Kỹ năng số' })).toBeVisible();
		const english = [
			m.controls_metric({}, { locale: 'en' }),
			m.controls_filter({}, { locale: 'en' }),
			m.controls_show_activities({}, { locale: 'en' }),
			m.controls_month({}, { locale: 'en' }),
			m.controls_classes({}, { locale: 'en' }),
			m.search_label({}, { locale: 'en' }),
			...METRICS.map((metric) => metricLabel(metric, 'shortLabel', 'en')),
			metricLabel('gap', 'label', 'en')
		];
		for (const text of english) await expect(controls, text).not.toContainText(text);
		await expect(page.getByTestId('legend')).not.toContainText(m.legend_no_data({}, { locale: 'en' }));
		await expect(page.getByTestId('hamlet-panel')).not.toContainText('Households');

		// Screenshots in both languages on a laptop and a phone, to look at: nothing cut short or doubled.
		for (const [name, viewport] of [
			['laptop', { width: 1280, height: 800 }],
			['phone', { width: 360, height: 740 }]
		] as const) {
			await page.setViewportSize(viewport);
			for (const path of ['/', '/en/']) {
				await openMap(page, path);
				await keepScreenshot(page, testInfo, `map-${path === '/' ? 'vi' : 'en'}-${name}`);
			}
		}
	});
});
