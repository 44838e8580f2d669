import pointOnFeature from '@turf/point-on-feature';
import { expect, test } from '@playwright/test';
import { NO_DEMO_PORT, TEST_BASEMAP_STYLE_URL } from '../playwright.config';
import { formatCount } from '../src/lib/format';
import { LAYER_IDS } from '../src/lib/map/layers';
import { metricLabel } from '../src/lib/labels';
import { generateDemoData } from '../src/lib/server/seed/demo-data';
import { readDemoDataInput } from '../src/lib/server/seed/read-sources';
import { jumpTo, keepScreenshot, mapIdle, openMap, watchForProblems, type MapWindow } from './map-page';

/** Phường Ba Đình's administrative seat, `[lng, lat]`. */
const BA_DINH_SEAT: [number, number] = [105.838, 21.0386];

/** A zoom at which Ba Đình (about 3 km²) fills a good part of the viewport and its label has room. */
const BA_DINH_ZOOM = 13.5;

// Letters only Vietnamese uses among the names: breve, horn, đ and the stacked tone marks.
const VIETNAMESE_LETTERS = /[ăâđêôơưảãạằẳẵắặầẩẫấậẻẽẹềểễếệỉĩịỏọồổỗốộờởỡớợủũụừửữứựỳỷỹỵ]/i;

/** Tổ dân phố 1 of Phường Ba Đình, and what the demo seed (the server's data) says about it in November. */
function expectedHamlet() {
	const input = readDemoDataInput();
	const demo = generateDemoData(input);
	const id = 4001;
	const feature = input.hamlets.find((hamlet) => hamlet.properties.id === id)!;
	const profile = demo.hamlets.find((hamlet) => hamlet.id === id)!;
	const reached = demo.activities
		.filter((activity) => activity.hamletId === id && activity.occurredOn < '2026-12-01')
		.reduce((sum, activity) => sum + activity.householdsNew, 0);
	const survey = demo.surveys.find((row) => row.hamletId === id && row.month === '2026-11-01')!;
	// The commune's hamlets below 50% coverage in November: what a leader asks the panel.
	const baDinh = demo.hamlets.filter((hamlet) => Math.floor(hamlet.id / 1000) === 4);
	const belowHalf = baDinh.filter((hamlet) => {
		const reachedByNovember = demo.activities
			.filter((activity) => activity.hamletId === hamlet.id && activity.occurredOn < '2026-12-01')
			.reduce((sum, activity) => sum + activity.householdsNew, 0);
		return reachedByNovember / hamlet.households < 0.5;
	}).length;
	return {
		communeHamlets: baDinh.length,
		belowHalf,
		id,
		name: feature.properties.name,
		interior: pointOnFeature(feature).geometry.coordinates as [number, number],
		households: profile.households,
		adults: profile.adults,
		reached,
		survey
	};
}

test.describe('the coverage map', () => {
	test('shades communes city-wide and hamlets when zoomed in, with no errors', async ({ page }, testInfo) => {
		const problems = watchForProblems(page);
		await openMap(page);

		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gõ Từng Nhà');
		await expect(page.getByTestId('summary-communes')).toHaveText('126');
		const codes = await page.evaluate((layer) => {
			const features = (window as MapWindow).__map!.queryRenderedFeatures({ layers: [layer] });
			return [...new Set(features.map((feature) => String(feature.properties.code)))];
		}, LAYER_IDS.communesFill);
		expect(codes.length).toBeGreaterThan(50);
		expect(codes.every((code) => /^\d{5}$/.test(code))).toBe(true);
		await keepScreenshot(page, testInfo, 'hanoi-communes-coverage');

		await jumpTo(page, BA_DINH_SEAT, BA_DINH_ZOOM);
		const hamlets = await page.evaluate((layer) => {
			const map = (window as MapWindow).__map!;
			return map.queryRenderedFeatures({ layers: [layer] }).map((feature) => ({
				id: feature.id,
				communeCode: feature.properties.communeCode,
				coverage: feature.state.coverage
			}));
		}, LAYER_IDS.hamletsFill);
		expect(hamlets.length).toBeGreaterThan(20);
		expect(hamlets.some((hamlet) => hamlet.communeCode === '00004')).toBe(true);
		// Every drawn hamlet got its value joined by id (feature state), so none falls in "no data".
		expect(
			hamlets.every((hamlet) => typeof hamlet.id === 'number' && typeof hamlet.coverage === 'number')
		).toBe(true);
		await keepScreenshot(page, testInfo, 'ba-dinh-hamlets-coverage');
		expect(problems).toEqual([]);
	});

	test('labels communes in Vietnamese, Phường Ba Đình among them', async ({ page }) => {
		const problems = watchForProblems(page);
		// MapLibre fetches font-faces files itself; the page's CSS loads the same files as 'font' requests.
		const mapFontFiles: string[] = [];
		page.on('response', (response) => {
			const request = response.request();
			if (request.resourceType() === 'fetch' && /\/fonts\/.+\.woff2$/.test(request.url()) && response.ok()) {
				mapFontFiles.push(new URL(request.url()).pathname);
			}
		});
		await openMap(page);
		await jumpTo(page, BA_DINH_SEAT, BA_DINH_ZOOM);

		const labels = await page.evaluate((labelLayer) => {
			const map = (window as MapWindow).__map!;
			return map
				.queryRenderedFeatures({ layers: [labelLayer] })
				.map((feature) => String(feature.properties.name));
		}, LAYER_IDS.communeLabels);
		expect(labels).toContain('Ba Đình');
		expect(labels.filter((name) => VIETNAMESE_LETTERS.test(name)).length).toBeGreaterThan(1);
		// 'Đ' of Ba Đình is only in the vietnamese subset: the map must have drawn it from that file.
		expect(mapFontFiles.some((path) => path.includes('noto-sans-vietnamese-'))).toBe(true);
		expect(problems).toEqual([]);
	});

	test('clicking a hamlet opens its panel with the figures the database holds', async ({
		page
	}, testInfo) => {
		const problems = watchForProblems(page);
		const hamlet = expectedHamlet();
		await openMap(page);
		await jumpTo(page, hamlet.interior, 15);
		const pixel = await page.evaluate((lngLat) => {
			const map = (window as MapWindow).__map!;
			const canvas = map.getCanvas().getBoundingClientRect();
			const point = map.project(lngLat);
			return { x: canvas.left + point.x, y: canvas.top + point.y };
		}, hamlet.interior);
		await page.mouse.move(pixel.x, pixel.y);
		await expect(page.getByRole('tooltip')).toContainText(hamlet.name);
		await page.mouse.click(pixel.x, pixel.y);

		const panel = page.getByTestId('hamlet-panel');
		await expect(panel).toHaveAttribute('data-hamlet-id', String(hamlet.id));
		await expect(page).toHaveURL(new RegExp(`[?&]hamlet=${hamlet.id}`));
		await expect(panel.getByRole('heading', { level: 2 })).toHaveText(hamlet.name);
		await expect(panel).toContainText('Phường Ba Đình');
		await expect(page.getByTestId('approximate-notice')).toBeVisible();
		await expect(page.getByTestId('hamlet-households')).toHaveText(formatCount(hamlet.households));
		await expect(page.getByTestId('hamlet-adults')).toHaveText(formatCount(hamlet.adults));
		const readings = panel.getByRole('table', { name: 'Chỉ số của thôn' });
		await expect(readings.locator('tr[data-metric=coverage]')).toContainText(
			`${formatCount(hamlet.reached)} / ${formatCount(hamlet.households)}`
		);
		await expect(readings.locator('tr[data-metric=skills]')).toContainText(
			`${formatCount(hamlet.survey.withBasicSkills)} / ${formatCount(hamlet.survey.adultsAssessed)}`
		);
		// The trend: axes from January, the target line labelled, the same figures as a table.
		const trend = panel.locator('.trend-chart');
		await expect(trend.getByTestId('trend-target-label')).toHaveText('Mục tiêu 100%');
		await expect(trend.locator('table tbody tr').first()).toContainText('Tháng 1/2026');
		await expect(trend.locator('table tbody tr').nth(10)).toContainText('Tháng 11/2026');
		await keepScreenshot(page, testInfo, 'hamlet-panel');

		await panel.getByRole('button', { name: /Đóng/ }).click();
		await expect(panel).toHaveCount(0);
		await expect(page).not.toHaveURL(/hamlet=/);
		expect(problems).toEqual([]);
	});

	test('switching metric, month and classes changes the legend and the URL, and a reload restores it', async ({
		page
	}) => {
		const problems = watchForProblems(page);
		await openMap(page, '/?hamlet=4001');
		const legend = page.getByTestId('legend');
		await expect(legend.getByRole('heading')).toContainText(metricLabel('coverage', 'label', 'vi'));
		const novemberCounts = await legend.locator('.count').allInnerTexts();

		await page.getByRole('radio', { name: /Kỹ năng số/ }).check();
		await expect(page).toHaveURL(/[?&]metric=skills/);
		await expect(legend.getByRole('heading')).toContainText(metricLabel('skills', 'label', 'vi'));

		await page.getByTestId('month-select').selectOption('2026-06');
		await expect(page).toHaveURL(/[?&]month=2026-06/);
		await expect(page.getByTestId('hamlet-panel')).toContainText('Tháng 6/2026');
		await page.getByTestId('classes-select').selectOption('ckmeans');
		await expect(page).toHaveURL(/[?&]classes=ckmeans/);
		await expect(legend.locator('.count')).not.toHaveText(novemberCounts);
		await jumpTo(page, BA_DINH_SEAT, 14.25);
		await expect(page).toHaveURL(/#map=14\.25\/21\.03\d*\/105\.83\d*/);
		const before = { url: page.url(), counts: await legend.locator('.count').allInnerTexts() };

		await page.reload();
		await mapIdle(page);
		expect(page.url()).toBe(before.url);
		await expect(page.getByRole('radio', { name: /Kỹ năng số/ })).toBeChecked();
		await expect(page.getByTestId('month-select')).toHaveValue('2026-06');
		await expect(page.getByTestId('classes-select')).toHaveValue('ckmeans');
		await expect(legend.locator('.count')).toHaveText(before.counts);
		await expect(page.getByTestId('hamlet-panel')).toHaveAttribute('data-hamlet-id', '4001');
		const zoom = await page.evaluate(() => (window as MapWindow).__map!.getZoom());
		expect(zoom).toBeCloseTo(14.25, 2);
		expect(problems).toEqual([]);
	});

	test('the digital-gap metric shows hot spots, and the rural filter dims urban hamlets', async ({
		page
	}) => {
		const problems = watchForProblems(page);
		await openMap(page, '/?hamlet=9700001');
		await page.getByRole('radio', { name: /Khoảng cách số/ }).check();
		await expect(page).toHaveURL(/[?&]metric=gap/);
		await expect(page.getByTestId('legend').getByRole('heading')).toContainText('Khoảng cách số');
		await expect(page.getByRole('list', { name: /Điểm nóng/ })).toContainText('Điểm nóng (độ tin cậy 99%)');
		await expect(page.getByTestId('hamlet-gap-index')).toHaveText(/^\d{1,3}(,\d)?$/);
		await expect(page.getByTestId('hamlet-gap')).toContainText('điểm');

		await page.getByRole('checkbox', { name: /Chỉ nông thôn/ }).check();
		await expect(page).toHaveURL(/[?&]only=rural/);
		// Ba Đình is a phường: its hamlets are urban and dimmed; Ba Vì is a xã: its hamlets stay.
		const hiddenByCommune = async (center: [number, number]) => {
			await jumpTo(page, center, 13);
			return page.evaluate((layer) => {
				const features = (window as MapWindow).__map!.queryRenderedFeatures({ layers: [layer] });
				return features.map((feature) => ({
					commune: String(feature.properties.communeCode),
					hidden: feature.state.hidden === true,
					hasGap: typeof feature.state.gap === 'number'
				}));
			}, LAYER_IDS.hamletsFill);
		};
		const baDinh = (await hiddenByCommune(BA_DINH_SEAT)).filter((hamlet) => hamlet.commune === '00004');
		expect(baDinh.length).toBeGreaterThan(0);
		expect(baDinh.every((hamlet) => hamlet.hidden && hamlet.hasGap)).toBe(true);
		const baVi = (await hiddenByCommune([105.37, 21.07])).filter((hamlet) => hamlet.commune === '09700');
		expect(baVi.length).toBeGreaterThan(0);
		expect(baVi.every((hamlet) => !hamlet.hidden)).toBe(true);
		expect(problems).toEqual([]);
	});

	test('searching "ba dinh" flies to Phường Ba Đình', async ({ page }) => {
		const problems = watchForProblems(page);
		await openMap(page);
		const search = page.getByRole('combobox', { name: /Tìm xã, phường, thôn/ });
		await search.fill('ba dinh');
		await expect(page.getByRole('option').first()).toContainText('Phường Ba Đình');
		await search.press('Enter');
		await expect(search).toHaveValue('Phường Ba Đình');
		await page.waitForFunction(() => {
			const map = (window as MapWindow).__map!;
			return map.getZoom() > 12 && !map.isMoving();
		});
		await mapIdle(page);
		const atCentre = await page.evaluate((layer) => {
			const map = (window as MapWindow).__map!;
			const features = map.queryRenderedFeatures({ layers: [layer] });
			const bounds = map.getBounds();
			return {
				communes: features.map((feature) => feature.properties.communeCode),
				contains: bounds.contains([105.838, 21.0386])
			};
		}, LAYER_IDS.hamletsFill);
		expect(atCentre.contains).toBe(true);
		expect(atCentre.communes).toContain('00004');
		expect(problems).toEqual([]);
	});

	test('shows the map with an inline notice for a month without data or an unknown hamlet in the URL, in the page’s language', async ({
		page
	}) => {
		const badMonth = await page.goto('/?month=2026-13');
		expect(badMonth?.status()).toBe(200);
		await expect(page.getByTestId('map-notice')).toContainText(
			'Không có số liệu tháng 13/2026, đang hiển thị tháng 11/2026'
		);
		// One language per page: the English notice is on the English page.
		await expect(page.getByRole('main')).not.toContainText('No data for the month');
		const english = await page.goto('/en?month=2026-13');
		expect(english?.status()).toBe(200);
		await expect(page.getByTestId('map-notice')).toContainText('No data for the month 13/2026');
		const unknownHamlet = await page.goto('/?hamlet=99999999');
		expect(unknownHamlet?.status()).toBe(200);
		await expect(page.getByTestId('map-notice')).toContainText(
			'Không tìm thấy thôn, tổ dân phố có mã “99999999”'
		);
		await expect(page.getByRole('main')).not.toContainText('Không tìm thấy trang');
	});
});

test.describe('the demo-data badge', () => {
	test('is shown when the database holds demo rows (the default seed)', async ({ page }) => {
		await page.goto('/');
		const badge = page.getByTestId('demo-badge');
		await expect(badge).toBeVisible();
		await expect(badge).toContainText('Dữ liệu minh họa');
		// One language per page: the English badge is on /en/.
		await expect(badge).not.toContainText('Demo data');
		await page.goto('/en/');
		await expect(page.getByTestId('demo-badge')).toHaveText('Demo data');
	});

	test.describe('on a database seeded without demo data', () => {
		test.use({ baseURL: `http://localhost:${NO_DEMO_PORT}` });

		test('is not shown, and the map explains that there is no data yet', async ({ page }) => {
			await page.goto('/');
			await expect(page.getByTestId('summary-communes')).toHaveText('126');
			await expect(page.getByTestId('demo-badge')).toHaveCount(0);
			await expect(page.getByText('Chưa có số liệu khảo sát hay hoạt động.')).toBeVisible();
		});

		test('puts a configured external basemap under our layers', async ({ page }) => {
			const problems = watchForProblems(page);
			// The server is configured with TEST_BASEMAP_STYLE_URL; the browser gets this style from it.
			await page.route(TEST_BASEMAP_STYLE_URL, (route) =>
				route.fulfill({
					json: {
						version: 8,
						sources: {},
						layers: [{ id: 'test-basemap', type: 'background', paint: { 'background-color': '#c8e6ff' } }]
					}
				})
			);
			await openMap(page);
			await page.waitForFunction(() => (window as MapWindow).__map!.getLayer('test-basemap') !== undefined);
			await mapIdle(page);
			const layerIds = await page.evaluate(() =>
				(window as MapWindow).__map!.getStyle().layers.map((layer) => layer.id)
			);
			expect(layerIds[0]).toBe('test-basemap');
			expect(layerIds).not.toContain(LAYER_IDS.background);
			expect(layerIds).toContain(LAYER_IDS.communesFill);
			expect(problems).toEqual([]);
		});
	});
});
