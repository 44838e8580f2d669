import { expect, test, type Page } from '@playwright/test';
import type { Map } from 'maplibre-gl';
import { NO_DEMO_PORT } from '../playwright.config';
import { MAP_READY_EVENT, type MapReadyDetail } from '../src/lib/map/events';
import { LAYER_IDS } from '../src/lib/map/layers';

/** Phường Ba Đình's administrative seat, `[lng, lat]`. */
const BA_DINH_SEAT: [number, number] = [105.838, 21.0386];

/** A zoom at which Ba Đình (about 3 km²) fills a good part of the viewport and its label has room. */
const BA_DINH_ZOOM = 13.5;

// Letters only Vietnamese uses among the names: breve, horn, đ and the stacked tone marks.
const VIETNAMESE_LETTERS = /[ăâđêôơưảãạằẳẵắặầẩẫấậẻẽẹềểễếệỉĩịỏọồổỗốộờởỡớợủũụừửữứựỳỷỹỵ]/i;

type MapWindow = Window & { __map?: Map };

/** Collects what must stay empty: console errors, uncaught exceptions, and MapLibre's warnings about fonts. */
function watchForProblems(page: Page): string[] {
	const problems: string[] = [];
	page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
	page.on('console', (message) => {
		const fontWarning = message.type() === 'warning' && /font/i.test(message.text());
		if (message.type() === 'error' || fontWarning) problems.push(`${message.type()}: ${message.text()}`);
	});
	return problems;
}

/** Opens the page and waits until MapLibre has drawn everything; the map is then `window.__map`. */
async function openMap(page: Page): Promise<void> {
	// Map.svelte announces its map with an event instead of a global, so only the test keeps a reference.
	await page.addInitScript((eventName) => {
		document.addEventListener(eventName, (event) => {
			(window as MapWindow).__map = (event as CustomEvent<MapReadyDetail>).detail.map;
		});
	}, MAP_READY_EVENT);
	await page.goto('/');
	await expect(page.getByTestId('map')).toHaveAttribute('data-map-idle', 'true');
}

/** Moves the map and resolves once everything at the new view is drawn. */
async function jumpTo(page: Page, center: [number, number], zoom: number): Promise<void> {
	await page.evaluate(
		async ({ center, zoom }) => {
			const map = (window as MapWindow).__map!;
			map.jumpTo({ center, zoom });
			await map.once('idle');
		},
		{ center, zoom }
	);
}

test.describe('the map page', () => {
	test('draws Hanoi’s communes from the database without errors', async ({ page }) => {
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

		const screenshot = test.info().outputPath('hanoi-communes.png');
		await page.screenshot({ path: screenshot });
		await test.info().attach('hanoi-communes', { path: screenshot, contentType: 'image/png' });
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

		const { communesAtSeat, labels } = await page.evaluate(
			({ seat, fillLayer, labelLayer }) => {
				const map = (window as MapWindow).__map!;
				const atSeat = map.queryRenderedFeatures(map.project(seat), { layers: [fillLayer] });
				const labelFeatures = map.queryRenderedFeatures({ layers: [labelLayer] });
				return {
					communesAtSeat: atSeat.map((feature) => String(feature.properties.code)),
					labels: labelFeatures.map((feature) => String(feature.properties.name))
				};
			},
			{ seat: BA_DINH_SEAT, fillLayer: LAYER_IDS.communesFill, labelLayer: LAYER_IDS.communeLabels }
		);
		expect(communesAtSeat).toContain('00004');
		expect(labels).toContain('Ba Đình');
		expect(labels.filter((name) => VIETNAMESE_LETTERS.test(name)).length).toBeGreaterThan(1);
		// 'Đ' of Ba Đình is only in the vietnamese subset: the map must have drawn it from that file.
		expect(mapFontFiles.some((path) => path.includes('noto-sans-vietnamese-'))).toBe(true);

		const screenshot = test.info().outputPath('ba-dinh-labels.png');
		await page.screenshot({ path: screenshot });
		await test.info().attach('ba-dinh-labels', { path: screenshot, contentType: 'image/png' });
		expect(problems).toEqual([]);
	});
});

test.describe('the demo-data badge', () => {
	test('is shown when the database holds demo rows (the default seed)', async ({ page }) => {
		await page.goto('/');
		const badge = page.getByTestId('demo-badge');
		await expect(badge).toBeVisible();
		await expect(badge).toContainText('Dữ liệu minh họa');
		await expect(badge).toContainText('Demo data');
	});

	test.describe('on a database seeded without demo data', () => {
		test.use({ baseURL: `http://localhost:${NO_DEMO_PORT}` });

		test('is not shown', async ({ page }) => {
			await page.goto('/');
			await expect(page.getByTestId('summary-communes')).toHaveText('126');
			await expect(page.getByTestId('demo-badge')).toHaveCount(0);
		});
	});
});
