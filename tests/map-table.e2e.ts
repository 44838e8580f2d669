// "Where do we stand" on the map page: the headline strip (the dashboard's figures), the title and
// source line, the data table under the map (levels, sort, filter, CSV, sync with the map both ways),
// the keyboard path to a hamlet (search, commune panel, Esc), axe and the 360 px phone.
import { readFileSync } from 'node:fs';
import pointOnFeature from '@turf/point-on-feature';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { LAYER_IDS, SOURCE_IDS } from '../src/lib/map/layers';
import type { PublicMapData } from '../src/lib/public-map';
import { readDemoDataInput } from '../src/lib/server/seed/read-sources';
import { tooFewToPublish } from '../src/lib/suppression';
import { DEMO_USERS, signIn } from './accounts';
import { expectNoAxeViolations } from './axe';
import { jumpTo, mapIdle, openMap, watchForProblems, type MapWindow } from './map-page';

/** Phường Ba Đình's seat and a zoom at which its hamlets are drawn. */
const BA_DINH_SEAT: [number, number] = [105.838, 21.0386];
const BA_DINH_ZOOM = 13.5;

/** A demo hamlet with fewer than 10 adults surveyed: its survey rates are withheld from the public. */
const FEW_ADULTS_HAMLET = 25050;

/** "43,2%" → 43.2; NaN for a withheld or missing figure. */
const percent = (text: string) => Number(text.replace('%', '').replaceAll('.', '').replace(',', '.'));

/** The figures of one column on the table's current page, top to bottom. */
async function columnValues(page: Page, column: string): Promise<number[]> {
	const texts = await page
		.locator(`[data-testid=data-table] tbody td[data-column=${column}]`)
		.allTextContents();
	return texts.map(percent);
}

/** The pixel of `[lng, lat]` on the page. */
function pixelOf(page: Page, lngLat: [number, number]) {
	return page.evaluate((point) => {
		const map = (window as MapWindow).__map!;
		const canvas = map.getCanvas().getBoundingClientRect();
		const projected = map.project(point);
		return { x: canvas.left + projected.x, y: canvas.top + projected.y };
	}, lngLat);
}

/** The `hover` feature state of a feature of the communes or hamlets tiles. */
function hoverState(page: Page, source: string, sourceLayer: string, id: number) {
	return page.evaluate(
		({ source, sourceLayer, id }) =>
			(window as MapWindow).__map!.getFeatureState({ source, sourceLayer, id }).hover === true,
		{ source, sourceLayer, id }
	);
}

/** A point inside a demo hamlet, `[lng, lat]`. */
function interiorOf(id: number): [number, number] {
	const feature = readDemoDataInput().hamlets.find((hamlet) => hamlet.properties.id === id)!;
	return pointOnFeature(feature).geometry.coordinates as [number, number];
}

/** The month's public figures as the page fetched them. */
async function publicData(page: Page): Promise<PublicMapData> {
	const url = await page.evaluate(
		() => document.querySelector<HTMLLinkElement>('link[rel=preload][as=fetch]')!.href
	);
	return (await (await page.request.get(url)).json()) as PublicMapData;
}

test.describe('the headline strip, title and source line', () => {
	test('say where the city stands with the dashboard’s figures, and the month the data runs to', async ({
		page
	}) => {
		const problems = watchForProblems(page);
		await signIn(page, DEMO_USERS.city);
		await page.goto('/dashboard');
		const card = page.locator('[data-kpi="skills"][data-testid="kpi-card"]');
		const dashboardValue = (await card.getByTestId('kpi-value').textContent())!.trim();
		const dashboardGap = (await card.getByTestId('kpi-gap').textContent())!.trim();
		const dashboardMonth = (await card.locator('.data-month').textContent())!.trim();

		await openMap(page, '/?metric=skills');
		const headline = page.getByTestId('map-headline');
		await expect(page.getByTestId('map-title')).toHaveText(
			'Tỷ lệ người trưởng thành có kỹ năng số cơ bản · tháng 11/2026'
		);
		await expect(page.getByTestId('map-title')).toHaveRole('heading');
		await expect(headline.getByTestId('headline-value')).toHaveText(dashboardValue);
		await expect(headline.getByTestId('headline-gap')).toHaveText(dashboardGap);
		await expect(headline.getByTestId('headline-gap')).toHaveText(/^còn [\d.]+ người$/);
		await expect(headline.getByTestId('headline-target')).toHaveText('Mục tiêu: 100%');
		await expect(headline.getByTestId('headline-month')).toHaveText(dashboardMonth);
		// The demo's hamlet boundaries are all generated ones.
		await expect(page.getByTestId('map-source')).toHaveText(
			/^Nguồn: Gõ Từng Nhà .+ · số liệu đến \d\d\/\d\d\/2026 · ranh giới thôn ước tính$/
		);

		// Coverage counts households; VNeID and the gap index have no target: value and month only.
		await page.getByRole('radio', { name: 'Hộ được tiếp cận', exact: true }).check();
		await expect(headline.getByTestId('headline-gap')).toHaveText(/^còn [\d.]+ hộ$/);
		await expect(page.getByTestId('map-source')).toContainText('số liệu đến 30/11/2026');
		await page.getByRole('radio', { name: 'VNeID mức 2', exact: true }).check();
		await expect(page.getByTestId('map-title')).toHaveText(
			'Tài khoản định danh điện tử mức độ 2 (VNeID) · tháng 11/2026'
		);
		await expect(headline.getByTestId('headline-gap')).toHaveCount(0);
		await expect(headline).toContainText('Kế hoạch không đặt mục tiêu');
		await page.getByRole('radio', { name: 'Khoảng cách số', exact: true }).check();
		await expect(headline.getByTestId('headline-value')).toHaveText(/^\d+(,\d)?$/);
		await expect(headline.getByTestId('headline-target')).toHaveCount(0);
		expect(problems).toEqual([]);
	});

	test('is in English on /en/, month in words', async ({ page }) => {
		await openMap(page, '/en/?metric=skills&month=2026-06');
		await expect(page.getByTestId('map-title')).toHaveText('Digital-skills rate · June 2026');
		await expect(page.getByTestId('headline-gap')).toHaveText(/^[\d,]+ people to go$/);
		await expect(page.getByTestId('map-source')).toContainText('approximate hamlet boundaries');
	});
});

test.describe('the data table under the map', () => {
	test('lists the communes at city zoom, sorts both ways, filters without diacritics, in sync with the map', async ({
		page
	}) => {
		const problems = watchForProblems(page);
		await openMap(page, '/');
		const table = page.getByTestId('data-table');
		await expect(table).toHaveAttribute('data-level', 'commune');
		await expect(page.getByTestId('table-count')).toHaveText('126 trên 126 dòng');
		await expect(page.getByTestId('table-page')).toHaveText('Trang 1/3');

		// The shown metric sorts first, lowest first; its header says so.
		const coverageHeader = table.locator('th:has(button[data-sort=coverage])');
		await expect(coverageHeader).toHaveAttribute('aria-sort', 'ascending');
		const ascending = await columnValues(page, 'coverage');
		expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
		await table.locator('button[data-sort=coverage]').click();
		await expect(coverageHeader).toHaveAttribute('aria-sort', 'descending');
		const descending = await columnValues(page, 'coverage');
		expect(descending).toEqual([...descending].sort((a, b) => b - a));
		expect(descending[0]).toBeGreaterThan(ascending[0]!);

		// Any column: names, A to Z then Z to A.
		const nameHeader = table.locator('th:has(button[data-sort=name])');
		await table.locator('button[data-sort=name]').click();
		await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
		await expect(coverageHeader).toHaveAttribute('aria-sort', 'none');
		const firstName = await table.locator('tbody th').first().textContent();
		await table.locator('button[data-sort=name]').click();
		await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
		await expect(table.locator('tbody th').first()).not.toHaveText(firstName!);

		await page.getByTestId('table-filter').fill('ba dinh');
		await expect(table.locator('tbody tr')).toHaveCount(1);
		const row = table.locator('tbody tr[data-key="00004"]');
		await expect(row).toContainText('Phường Ba Đình');

		// Row hovered → its commune outlined on the map.
		await row.hover();
		expect(await hoverState(page, SOURCE_IDS.communes, 'communes', 4)).toBe(true);
		await page.mouse.move(5, 5);
		expect(await hoverState(page, SOURCE_IDS.communes, 'communes', 4)).toBe(false);

		// Commune hovered on the map → its row marked.
		await page.evaluate(() => window.scrollTo(0, 0));
		const seat = await pixelOf(page, BA_DINH_SEAT);
		await page.mouse.move(seat.x, seat.y);
		await expect(row).toHaveClass(/highlighted/);

		// Row chosen → the map flies to the commune and its panel opens, listing its hamlets.
		await row.getByRole('button', { name: 'Phường Ba Đình' }).click();
		await expect(page).toHaveURL(/[?&]commune=00004/);
		const panel = page.getByTestId('commune-panel');
		await expect(panel).toHaveAttribute('data-commune', '00004');
		await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();
		await page.waitForFunction(() => {
			const map = (window as MapWindow).__map!;
			return map.getZoom() > 11 && !map.isMoving() && map.getBounds().contains([105.838, 21.0386]);
		});
		expect(problems).toEqual([]);
	});

	test('lists the hamlets in view when zoomed in and selects both ways', async ({ page }) => {
		const problems = watchForProblems(page);
		await openMap(page, '/');
		await jumpTo(page, BA_DINH_SEAT, BA_DINH_ZOOM);
		const table = page.getByTestId('data-table');
		await expect(table).toHaveAttribute('data-level', 'hamlet');
		const drawn = await page.evaluate((layer) => {
			const features = (window as MapWindow).__map!.queryRenderedFeatures({ layers: [layer] });
			return [...new Set(features.map((feature) => feature.id))].length;
		}, LAYER_IDS.hamletsFill);
		await expect(page.getByTestId('table-count')).toContainText(` trên ${drawn} dòng`);
		await expect(table.locator('thead')).toContainText('Xã, phường');

		// Hamlet clicked on the map → its row selected (and on the table's current page).
		await page.evaluate(() => window.scrollTo(0, 0));
		const pixel = await pixelOf(page, interiorOf(4001));
		await page.mouse.click(pixel.x, pixel.y);
		await expect(page.getByTestId('hamlet-panel')).toHaveAttribute('data-hamlet-id', '4001');
		const selected = table.locator('tbody tr[data-key="4001"]');
		await expect(selected).toHaveAttribute('aria-current', 'true');
		const inScroller = await selected.evaluate((row) => {
			const scroller = row.closest('.scroller')!.getBoundingClientRect();
			const box = row.getBoundingClientRect();
			return box.top >= scroller.top && box.bottom <= scroller.bottom;
		});
		expect(inScroller).toBe(true);
		const name = await page.getByTestId('hamlet-panel').getByRole('heading', { level: 2 }).textContent();
		await expect(page.getByRole('combobox', { name: /Tìm xã, phường, thôn/ })).toHaveValue(name!);

		// Row hovered → its hamlet outlined; row chosen → its panel, the map on it.
		const other = table.locator('tbody tr:not([data-key="4001"])').first();
		const otherId = Number(await other.getAttribute('data-key'));
		await other.hover();
		expect(await hoverState(page, SOURCE_IDS.hamlets, 'hamlets', otherId)).toBe(true);
		await other.locator('th button').click();
		await expect(page.getByTestId('hamlet-panel')).toHaveAttribute('data-hamlet-id', String(otherId));
		await expect(page).toHaveURL(new RegExp(`[?&]hamlet=${otherId}`));
		await mapIdle(page);

		expect(problems).toEqual([]);
	});

	test('downloads what it shows as CSV: UTF-8 with a BOM, one row per commune, "ít số liệu" where withheld', async ({
		page
	}) => {
		await openMap(page, '/?metric=skills');
		const table = page.getByTestId('data-table');
		const download = page.waitForEvent('download');
		await table.getByRole('button', { name: 'Tải bảng (CSV)' }).click();
		const file = await download;
		expect(file.suggestedFilename()).toBe('bang-so-lieu-xa-phuong-2026-11.csv');
		const bytes = readFileSync((await file.path())!);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const [header, ...records] = parse(bytes.toString('utf8').slice(1)) as string[][];
		expect(header!.slice(0, 3)).toEqual(['Mã', 'Xã, phường', 'Hộ được tiếp cận (%)']);
		expect(header!.at(-1)).toBe('Khoảng cách số (điểm)');
		expect(records).toHaveLength(126);
		const baDinh = records.find((record) => record[0] === '00004')!;
		expect(baDinh[1]).toBe('Phường Ba Đình');
		await page.getByTestId('table-filter').fill('ba dinh');
		const shown = await table.locator('tr[data-key="00004"] td[data-column=skills]').textContent();
		expect(Number(baDinh[3])).toBeCloseTo(percent(shown!), 1);

		// Zoomed in on a hamlet with too few adults surveyed (demo hamlet 25050): the hamlets in view, its
		// skills rate withheld in the table and in the file.
		await openMap(page, `/?metric=skills&hamlet=${FEW_ADULTS_HAMLET}`);
		await expect(table).toHaveAttribute('data-level', 'hamlet');
		const withheld = table.locator(`tr[data-key="${FEW_ADULTS_HAMLET}"] td[data-column=skills]`);
		await expect(withheld).toHaveText('ít số liệu');
		const total = Number((await page.getByTestId('table-count').textContent())!.match(/trên (\d+)/)![1]);
		const hamletDownload = page.waitForEvent('download');
		await table.getByRole('button', { name: 'Tải bảng (CSV)' }).click();
		const hamletFile = readFileSync((await (await hamletDownload).path())!, 'utf8');
		const [hamletHeader, ...hamletRows] = parse(hamletFile.slice(1)) as string[][];
		expect(hamletHeader!.slice(0, 3)).toEqual(['Mã', 'Thôn, tổ dân phố', 'Xã, phường']);
		expect(hamletRows).toHaveLength(total);
		const data = await publicData(page);
		for (const row of hamletRows) {
			const index = data.values.hamletIds.indexOf(Number(row[0]));
			const skills = row[4]!;
			if (tooFewToPublish('skills', data.values.tooFew![index]!)) expect(skills).toBe('ít số liệu');
			else expect(skills).toMatch(/^(\d+(\.\d+)?)?$/);
		}
		expect(hamletRows.find((row) => row[0] === String(FEW_ADULTS_HAMLET))![4]).toBe('ít số liệu');
	});
});

test.describe('the keyboard path to a hamlet', () => {
	test('Tab starts at the controls; search → hamlet panel; search → commune panel → hamlet; Esc back', async ({
		page
	}) => {
		const problems = watchForProblems(page);
		await openMap(page, '/');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.closest('#map-panels') !== null)).toBe(true);

		// Tab to the search box, without passing through the map canvas.
		const search = page.getByRole('combobox', { name: /Tìm xã, phường, thôn/ });
		for (
			let presses = 0;
			presses < 15 && !(await search.evaluate((input) => input === document.activeElement));
			presses++
		) {
			expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('CANVAS');
			await page.keyboard.press('Tab');
		}
		await expect(search).toBeFocused();

		// A hamlet from the search: its panel, focus on its heading; Esc closes it and focus returns.
		await page.keyboard.type('to dan pho 3');
		await expect(page.getByRole('option').first()).toContainText('Tổ dân phố 3');
		await page.keyboard.press('Enter');
		const hamletPanel = page.getByTestId('hamlet-panel');
		await expect(hamletPanel.getByRole('heading', { level: 2 })).toBeFocused();
		await page.keyboard.press('Escape');
		await expect(hamletPanel).toHaveCount(0);
		await expect(search).toBeFocused();

		// A commune from the search: its panel lists its hamlets, each a button.
		await search.fill('');
		await page.keyboard.type('ba dinh');
		await expect(page.getByRole('option').first()).toContainText('Phường Ba Đình');
		await page.keyboard.press('Enter');
		const communePanel = page.getByTestId('commune-panel');
		await expect(communePanel.getByRole('heading', { level: 2 })).toBeFocused();
		await expect(page).toHaveURL(/[?&]commune=00004/);
		await page.keyboard.press('Tab');
		await expect(communePanel.getByRole('button', { name: 'Đóng bảng của xã, phường' })).toBeFocused();
		await page.keyboard.press('Tab');
		const firstHamlet = communePanel.locator('li button').first();
		await expect(firstHamlet).toBeFocused();
		const hamletId = await firstHamlet.getAttribute('data-hamlet-id');
		const hamletName = (await firstHamlet.locator('.name').textContent())!;
		await page.keyboard.press('Enter');
		await expect(hamletPanel).toHaveAttribute('data-hamlet-id', hamletId!);
		await expect(hamletPanel.getByRole('heading', { level: 2 })).toBeFocused();
		await expect(search).toHaveValue(hamletName);
		await page.waitForFunction((id) => {
			const map = (window as MapWindow).__map!;
			return (
				!map.isMoving() &&
				map.getZoom() >= 10 &&
				map.queryRenderedFeatures().some((feature) => feature.id === id)
			);
		}, Number(hamletId));

		// Esc: the hamlet's panel first, back to its button; then the commune's, back to the search box.
		await page.keyboard.press('Escape');
		await expect(hamletPanel).toHaveCount(0);
		await expect(communePanel).toBeVisible();
		await expect(firstHamlet).toBeFocused();
		await page.keyboard.press('Escape');
		await expect(communePanel).toHaveCount(0);
		await expect(page).not.toHaveURL(/commune=/);
		await expect(search).toBeFocused();
		expect(problems).toEqual([]);
	});

	test('the skip link jumps past the map to the table', async ({ page }) => {
		await openMap(page, '/');
		const skip = page.getByRole('link', { name: 'Bỏ qua bản đồ' });
		await skip.focus();
		await expect(skip).toBeInViewport();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/#bang-so-lieu$/);
		await expect(page.getByRole('heading', { name: 'Bảng số liệu' })).toBeInViewport();
	});
});

test.describe('accessibility and the phone', () => {
	test('axe passes on / with the table, at city and hamlet level, with the commune panel', async ({
		page
	}) => {
		await openMap(page, '/?commune=00004');
		await expect(page.getByTestId('commune-panel')).toBeVisible();
		await expectNoAxeViolations(page);
		await jumpTo(page, BA_DINH_SEAT, BA_DINH_ZOOM);
		await expect(page.getByTestId('data-table')).toHaveAttribute('data-level', 'hamlet');
		await expectNoAxeViolations(page);
	});

	test.describe('at 360 × 740 by touch', () => {
		test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

		test('the map comes first, the table follows, nothing scrolls sideways, 44 px targets', async ({
			page
		}) => {
			const problems = watchForProblems(page);
			await openMap(page, '/');
			const table = page.getByTestId('data-table');
			await table.scrollIntoViewIfNeeded();
			expect(
				(await table.boundingBox())!.y + (await page.evaluate(() => window.scrollY))
			).toBeGreaterThanOrEqual(740 - 1);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
			const small = await page.evaluate(
				() =>
					[...document.querySelectorAll('[data-testid=data-table] button, [data-testid=data-table] input')]
						.map((element) => element.getBoundingClientRect())
						.filter((box) => box.width > 0 && box.height < 44 - 0.5).length
			);
			expect(small).toBe(0);
			await expectNoAxeViolations(page);
			expect(problems).toEqual([]);
		});
	});
});

test('the embed links to the figures table, its text alternative', async ({ page }) => {
	await openMap(page, '/embed?metric=skills&commune=09700');
	await expect(page.getByTestId('map-headline')).toContainText('Toàn thành phố');
	const link = page.getByTestId('data-table-link');
	await expect(link).toHaveText('Xem bảng số liệu');
	const href = await link.getAttribute('href');
	expect(href).toBe('/?metric=skills&commune=09700#bang-so-lieu');
	await openMap(page, href!);
	await expect(page.getByTestId('commune-panel')).toHaveAttribute('data-commune', '09700');
	await expect(page.getByRole('heading', { name: 'Bảng số liệu' })).toBeInViewport();
});
