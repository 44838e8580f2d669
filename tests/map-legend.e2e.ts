// The map's legend and filters at the level on screen, its special classes (not applicable, too few), the
// target's break, the hamlet panel's trend chart, the inline notices of a bad shared link, and the
// planner's projections of skills, smartphone and e-payment (issue 14, items 2, 5 and 6; issue 13's rule).
import { readFileSync } from 'node:fs';
import pointOnFeature from '@turf/point-on-feature';
import { expect, test, type Page } from '@playwright/test';
import { formatCount } from '../src/lib/format';
import { NOT_APPLICABLE_PATTERN, SPECIAL_CLASS_COLORS } from '../src/lib/map/classification';
import { LAYER_IDS } from '../src/lib/map/layers';
import type { PublicMapData } from '../src/lib/public-map';
import { readDemoDataInput } from '../src/lib/server/seed/read-sources';
import { tooFewToPublish } from '../src/lib/suppression';
import { DEMO_USERS, OWN_COMMUNE, signIn } from './accounts';
import { expectNoAxeViolations } from './axe';
import { jumpTo, keepScreenshot, openMap, watchForProblems, type MapWindow } from './map-page';

const BA_DINH_SEAT: [number, number] = [105.838, 21.0386];

/** What the demo's sources say: xã and designated minority communes (Quyết định 201/QĐ-UBND). */
function communeFacts() {
	const input = readDemoDataInput();
	const xa = input.communes.filter((commune) => commune.unitType === 'xã').length;
	const designated = readFileSync('geodata/hanoi_ethnic_minority_areas_2026.csv', 'utf8')
		.split('\n')
		.filter((line) => line.startsWith('commune,')).length;
	return { communes: input.communes.length, xa, designated };
}

/** The legend's counts, summed: how many units it counts. */
async function legendTotal(page: Page): Promise<number> {
	const counts = await page.getByTestId('legend').locator('.count').allInnerTexts();
	return counts.reduce((sum, text) => sum + Number(text.replace(/\D/g, '')), 0);
}

/** The latest month's public data, which `/` and `/embed` show by default. */
async function publicData(page: Page): Promise<PublicMapData> {
	return (await (await page.request.get('/api/map')).json()) as PublicMapData;
}

/** A feature's state on a layer's source, by id. */
async function communeState(page: Page, code: string): Promise<Record<string, unknown>> {
	return page.evaluate(
		(id) => (window as MapWindow).__map!.getFeatureState({ source: 'communes', sourceLayer: 'communes', id }),
		Number(code)
	);
}

test.describe('the legend and filters at the level on screen', () => {
	test('at city zoom the legend counts communes and the filters keep xã and designated communes', async ({
		page
	}) => {
		const problems = watchForProblems(page);
		const facts = communeFacts();
		await openMap(page, '/?metric=gap');
		const legend = page.getByTestId('legend');
		await expect(legend).toHaveAttribute('data-level', 'communes');
		await expect(page.getByTestId('legend-level')).toContainText('theo xã/phường');
		await expect(legend.locator('.count').first()).toHaveAttribute('title', 'Số xã, phường');
		await expect.poll(() => legendTotal(page)).toBe(facts.communes);
		await expect(page.getByTestId('filter-level')).toContainText('nông thôn là các xã');

		await page.getByRole('checkbox', { name: /Chỉ nông thôn/ }).check();
		await expect(page).toHaveURL(/[?&]only=rural/);
		await expect.poll(() => legendTotal(page)).toBe(facts.xa);
		// A phường is dimmed, a xã is not: the filter changes what is drawn at this zoom.
		expect((await communeState(page, '00004')).hidden).toBe(true);
		expect((await communeState(page, '09700')).hidden).toBe(false);

		await page.getByRole('checkbox', { name: /Chỉ nông thôn/ }).uncheck();
		await page.getByRole('checkbox', { name: /dân tộc thiểu số/ }).check();
		await expect.poll(() => legendTotal(page)).toBe(facts.designated);
		expect((await communeState(page, '09700')).hidden).toBe(false);

		// Zoomed in, the legend and the filters are about hamlets.
		await jumpTo(page, BA_DINH_SEAT, 13);
		await expect(legend).toHaveAttribute('data-level', 'hamlets');
		await expect(page.getByTestId('legend-level')).toContainText('theo thôn, tổ dân phố');
		await expect(page.getByTestId('filter-level')).toContainText('Ở mức thôn');
		const data = await publicData(page);
		const minorityHamlets = data.gap!.flags.filter((flags) => (flags & 2) !== 0).length;
		await expect.poll(() => legendTotal(page)).toBe(minorityHamlets);
		expect(problems).toEqual([]);
	});

	test('e-payment: rural areas are a hatched "không áp dụng" class, on the map, in the legend, tooltip and panel', async ({
		page
	}) => {
		const problems = watchForProblems(page);
		// The hatch is made in code: MapLibre must never draw a tile without it.
		page.on('console', (message) => {
			if (/could not be loaded/.test(message.text())) problems.push(message.text());
		});
		await openMap(page, '/?metric=epayment');
		const legend = page.getByTestId('legend');
		const notApplicable = legend.locator('li[data-kind=not-applicable]');
		await expect(notApplicable.locator('.label')).toHaveText('Không áp dụng (nông thôn)');
		const data = await publicData(page);
		const ruralCommunes = data.values.communeRural.filter((flag) => flag === 1).length;
		expect(ruralCommunes).toBeGreaterThanOrEqual(communeFacts().xa);
		await expect(notApplicable.locator('.count')).toHaveText(formatCount(ruralCommunes));
		// Apart from "no data", and hatched like the map.
		await expect(legend.locator('li[data-kind=no-data] .count')).toHaveText('0');
		const swatch = await notApplicable
			.locator('.swatch')
			.evaluate((element) => getComputedStyle(element).backgroundImage);
		expect(swatch).toContain('repeating-linear-gradient');
		const map = await page.evaluate(
			({ image, layers }) => {
				const shown = (window as MapWindow).__map!;
				return {
					image: shown.hasImage(image),
					layers: layers.map((id) => shown.getLayer(id)?.paint ?? null).map(Boolean)
				};
			},
			{
				image: NOT_APPLICABLE_PATTERN.id,
				layers: [LAYER_IDS.communesNotApplicable, LAYER_IDS.hamletsNotApplicable]
			}
		);
		expect(map).toEqual({ image: true, layers: [true, true] });
		await keepScreenshot(page, test.info(), 'epayment-city');
		expect((await communeState(page, '09700')).notApplicable).toBe(true);
		expect((await communeState(page, '00004')).notApplicable).toBe(false);

		// A rural hamlet of Xã Ba Vì: its tooltip and its panel say "không áp dụng", not "no data".
		const hamlet = readDemoDataInput().hamlets.find((feature) => feature.properties.id === 9700001)!;
		const interior = pointOnFeature(hamlet).geometry.coordinates as [number, number];
		await jumpTo(page, interior, 15);
		const pixel = await page.evaluate((lngLat) => {
			const shown = (window as MapWindow).__map!;
			const canvas = shown.getCanvas().getBoundingClientRect();
			const point = shown.project(lngLat);
			return { x: canvas.left + point.x, y: canvas.top + point.y };
		}, interior);
		await page.mouse.move(pixel.x, pixel.y);
		await expect(page.getByRole('tooltip')).toContainText('Không áp dụng (nông thôn)');
		await page.mouse.click(pixel.x, pixel.y);
		const panel = page.getByTestId('hamlet-panel');
		await expect(panel).toHaveAttribute('data-hamlet-id', '9700001');
		await expect(panel.locator('tr[data-metric=epayment]').first()).toContainText(
			'không áp dụng (nông thôn)'
		);
		await expect(panel.getByTestId('trend-not-applicable')).toContainText('Không áp dụng (nông thôn)');
		await expectNoAxeViolations(page);
		expect(problems).toEqual([]);
	});

	test('withheld figures are their own "ít số liệu" class on / and /embed, not "no data"', async ({
		page
	}) => {
		const problems = watchForProblems(page);
		for (const path of ['/?metric=skills&hamlet=4001', '/embed?metric=skills#map=13/21.0386/105.838']) {
			await openMap(page, path);
			const legend = page.getByTestId('legend');
			await expect(legend).toHaveAttribute('data-level', 'hamlets');
			const tooFew = legend.locator('li[data-kind=too-few]');
			await expect(tooFew.locator('.label')).toHaveText('Ít số liệu (không công bố)');
			const data = await publicData(page);
			const expected = data.values.tooFew!.filter((mask) => tooFewToPublish('skills', mask)).length;
			await expect(tooFew.locator('.count')).toHaveText(formatCount(expected));
			const color = await tooFew
				.locator('.swatch')
				.evaluate((element) => getComputedStyle(element).backgroundColor);
			expect(color).toBe('rgb(203, 201, 226)');
			expect(SPECIAL_CLASS_COLORS.tooFew).toBe('#cbc9e2');
		}
		expect(problems).toEqual([]);
	});

	test('the break equal to the plan’s target says so, in both languages', async ({ page }) => {
		await openMap(page, '/?metric=epayment');
		const labels = page.getByTestId('legend').locator('.label');
		await expect(labels.nth(3)).toHaveText('43% – dưới 50% (mục tiêu)');
		await expect(labels.nth(4)).toHaveText('Từ 50% (đạt mục tiêu)');
		await openMap(page, '/en?metric=smartphone');
		await expect(page.getByTestId('legend').locator('.label').nth(3)).toHaveText('72% to under 85% (target)');
	});
});

test.describe('the hamlet panel’s trend', () => {
	test('has axes, the latest value and a labelled target line, with a table of the figures', async ({
		page
	}) => {
		const problems = watchForProblems(page);
		await openMap(page, '/?metric=smartphone&hamlet=4001');
		const panel = page.getByTestId('hamlet-panel');
		const chart = panel.locator('.trend-chart');
		await expect(chart.locator('svg.lc-layout-svg')).toBeVisible();
		await expect(chart.getByTestId('trend-target-label')).toHaveText('Mục tiêu 85%');
		await expect(chart.getByTestId('trend-last-label')).toHaveText(/^\d{1,3}%$/);
		// The axes' tick labels: percentages on the left, months along the bottom.
		const ticks = await chart.locator('svg text').allTextContents();
		expect(ticks).toContain('0%');
		expect(ticks).toContain('100%');
		expect(ticks).toContain('2026-01');
		await chart.locator('summary').click();
		const rows = chart.locator('table tbody tr');
		await expect(rows.first()).toContainText('Tháng 1/2026');
		await expect(chart.locator('table')).toContainText('Mục tiêu');
		await keepScreenshot(page, test.info(), 'hamlet-trend');
		await expectNoAxeViolations(page);
		expect(problems).toEqual([]);
	});
});

test.describe('a shared link the map cannot show in full', () => {
	test('a month without data shows the latest month with a notice, not an error page', async ({ page }) => {
		const problems = watchForProblems(page);
		const response = await page.goto('/?month=2026-13');
		expect(response?.status()).toBe(200);
		await expect(page.getByTestId('map')).toHaveAttribute('data-map-idle', 'true');
		const notice = page.getByTestId('map-notice');
		await expect(notice).toHaveAttribute('role', 'status');
		await expect(notice).toHaveText(/Không có số liệu tháng 13\/2026, đang hiển thị tháng 11\/2026\./);
		await expect(page.getByTestId('month-select')).toHaveValue('2026-11');
		await expectNoAxeViolations(page);
		await notice.getByRole('button', { name: 'Đóng thông báo' }).click();
		await expect(page).not.toHaveURL(/month=/);
		await expect(notice).toHaveCount(0);

		await page.goto('/en?month=2026-13');
		await expect(page.getByTestId('map-notice')).toHaveText(
			/No data for the month 13\/2026; showing 11\/2026\./
		);
		// The machine endpoints stay strict.
		const api = await page.request.get('/api/gap?month=2026-13');
		expect(api.status()).toBe(400);
		expect(((await api.json()) as { error: { code: string } }).error.code).toBe('invalid-month');
		expect(problems).toEqual([]);
	});

	test('an unknown hamlet shows the whole city with a notice, never "page not found"', async ({ page }) => {
		const response = await page.goto('/?hamlet=999999');
		expect(response?.status()).toBe(200);
		await expect(page.getByTestId('map')).toHaveAttribute('data-map-idle', 'true');
		await expect(page.getByTestId('map-notice')).toContainText(
			'Không tìm thấy thôn, tổ dân phố có mã “999999”'
		);
		await expect(page.locator('body')).not.toContainText('Không tìm thấy trang');
		await expect(page.getByTestId('hamlet-panel')).toHaveCount(0);
		await page.goto('/?hamlet=abc&since=2030-01');
		const items = page.getByTestId('map-notice').getByRole('listitem');
		await expect(items).toHaveCount(2);
		await expect(
			items.filter({ hasText: 'Tháng so sánh' }).or(items.filter({ hasText: 'so sánh' }))
		).toHaveCount(1);
	});

	test('an unknown or malformed commune shows the whole city with a notice, not a 404 page', async ({
		page
	}) => {
		for (const code of ['99999', 'ba-dinh']) {
			const response = await page.goto(`/?commune=${code}`);
			expect(response?.status()).toBe(200);
			await expect(page.getByTestId('map-notice')).toContainText(`Không tìm thấy xã, phường có mã “${code}”`);
			await expect(page.getByTestId('commune-panel')).toHaveCount(0);
		}
		await page.getByTestId('map-notice').getByRole('button', { name: 'Đóng thông báo' }).click();
		await expect(page).not.toHaveURL(/commune=/);
	});
});

test.describe('the planner’s projections', () => {
	test('dates skills, smartphone and e-payment at the commune’s pace, late ones in the warning color', async ({
		page
	}) => {
		await signIn(page, DEMO_USERS.commune);
		await page.goto(`/communes/${OWN_COMMUNE}/plan`);
		const box = page.getByTestId('rate-projections');
		await expect(box.getByRole('heading')).toHaveText('Dự báo đạt mục tiêu theo tốc độ hiện tại');
		const rows = box.locator('[data-metric]');
		await expect(rows).toHaveCount(3);
		await expect(rows.nth(0).locator('dt')).toHaveText('Đạt 100% người trưởng thành có kỹ năng số cơ bản');
		await expect(rows.nth(1).locator('dt')).toHaveText('Đạt 85% người trưởng thành có điện thoại thông minh');
		// Xã Ba Vì is rural: the urban e-payment target does not apply there.
		await expect(rows.nth(2)).toHaveAttribute('data-verdict', 'not-applicable');
		await expect(rows.nth(2)).toContainText('Không áp dụng (nông thôn)');
		for (const index of [0, 1]) {
			const row = rows.nth(index);
			const verdict = await row.getAttribute('data-verdict');
			expect(['in-time', 'late', 'never', 'reached', 'no-data']).toContain(verdict);
			if (verdict === 'late' || verdict === 'in-time') {
				const date = await row.getByTestId('rate-projection-date').textContent();
				const [day, month, year] = date!.trim().split('/');
				expect(`${year}-${month}-${day}` > '2026-12-31').toBe(verdict === 'late');
			}
			if (verdict === 'late' || verdict === 'never') {
				await expect(row.locator('dd')).toContainText('⚠');
				const color = await row.locator('dd').evaluate((element) => getComputedStyle(element).color);
				expect(color).toBe('rgb(164, 22, 26)');
			}
		}
	});

	test('an urban commune’s e-payment is projected too, and the printed plan states the projections', async ({
		page
	}) => {
		await signIn(page, DEMO_USERS.admin);
		await page.goto('/communes/00004/plan');
		const rows = page.getByTestId('rate-projections').locator('[data-metric]');
		await expect(rows).toHaveCount(3);
		await expect(rows.nth(2).locator('dt')).toHaveText(
			'Đạt 50% người trưởng thành ở đô thị có tài khoản thanh toán điện tử'
		);
		await expect(rows.nth(2)).not.toHaveAttribute('data-verdict', 'not-applicable');
		const screen = await page.getByTestId('rate-projections').innerText();

		// Save a plan of the first ranked hamlet, then open its printed page.
		await page.getByTestId('ranking-row').first().getByRole('checkbox').check();
		const name = `Dự báo ${Date.now()}`;
		await page.getByLabel(/Tên kế hoạch/).fill(name);
		await page.getByLabel(/Từ ngày/).fill('2026-12-01');
		await page.getByLabel(/Đến ngày/).fill('2026-12-05');
		await page.getByLabel(/Số hộ dự kiến tiếp cận/).fill('50');
		await page.getByRole('button', { name: /Lưu kế hoạch/ }).click();
		const saved = page.getByTestId('saved-plan').filter({ hasText: name });
		await expect(saved).toHaveCount(1);
		await saved.getByTestId('plan-print').click();
		const printed = page.getByTestId('rate-projections');
		await expect(printed.locator('[data-metric]')).toHaveCount(3);
		expect(await printed.innerText()).toBe(screen);
		await expectNoAxeViolations(page);
	});
});
