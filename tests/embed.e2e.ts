// The public map embedded in another site: /embed in a cross-origin iframe with the copied code, its
// resize messages, oEmbed, the headers that allow embedding and reading, the figures withheld from the
// public, the phone layout, and strict public queries.
import { createServer, type Server } from 'node:http';
import pointOnFeature from '@turf/point-on-feature';
import { expect, test, type Page } from '@playwright/test';
import { APP_PORT } from '../playwright.config';
import type { OEmbedRich } from '../src/lib/embed';
import type { PublicMapData } from '../src/lib/public-map';
import { formatMonth } from '../src/lib/format';
import { metricLabel } from '../src/lib/labels';
import { LAYER_IDS } from '../src/lib/map/layers';
import { readDemoDataInput } from '../src/lib/server/seed/read-sources';
import { jumpTo, openMap, watchForProblems, type MapWindow } from './map-page';

const APP = `http://localhost:${APP_PORT}`;
/** The article's site: another origin (host and port) than the app's. */
const ARTICLE_PORT = APP_PORT + 2;
const ARTICLE = `http://127.0.0.1:${ARTICLE_PORT}`;

/** A hamlet with 8 adults surveyed in November in the demo data: its survey rates are withheld. */
const FEW_ADULTS_HAMLET = 25050;

/** The interior point of a demo hamlet, `[lng, lat]`. */
function interiorOf(id: number): [number, number] {
	const feature = readDemoDataInput().hamlets.find((hamlet) => hamlet.properties.id === id)!;
	return pointOnFeature(feature).geometry.coordinates as [number, number];
}

/** Where `lngLat` is on the page, in CSS pixels. */
function pixelOf(page: Page, lngLat: [number, number]) {
	return page.evaluate((point) => {
		const map = (window as MapWindow).__map!;
		const canvas = map.getCanvas().getBoundingClientRect();
		const projected = map.project(point);
		return { x: canvas.left + projected.x, y: canvas.top + projected.y };
	}, lngLat);
}

async function oEmbed(query: string) {
	return fetch(`${APP}/oembed?${query}`);
}

test.describe('the embed in another site', () => {
	let article: Server;
	let articleHtml = '';

	test.beforeAll(async () => {
		// The article pastes what oEmbed gives for a view of the map: the code the dialog shows too.
		const view = `${APP}/?metric=skills&month=2026-11#map=11/21.03/105.85`;
		const answer = (await (
			await oEmbed(new URLSearchParams({ url: view, format: 'json' }).toString())
		).json()) as OEmbedRich;
		articleHtml = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bài báo</title></head>
			<body><h1>Bài báo về chuyển đổi số</h1><p>Bản đồ dưới đây:</p>${answer.html}<p>Hết bài.</p></body></html>`;
		article = createServer((request, response) => {
			response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			response.end(articleHtml);
		});
		await new Promise<void>((resolve) => article.listen(ARTICLE_PORT, '127.0.0.1', resolve));
	});
	test.afterAll(async () => {
		await new Promise((resolve) => article?.close(resolve));
	});

	test('loads in a cross-origin iframe, which the copied script sizes from the embed’s height message', async ({
		page
	}) => {
		await page.addInitScript(() => {
			const heights: number[] = [];
			(window as Window & { __heights?: number[] }).__heights = heights;
			window.addEventListener('message', (event) => {
				if (event.data?.type === 'gotungnha:resize') heights.push(event.data.height);
			});
		});
		await page.goto(`${ARTICLE}/`);
		const iframe = page.locator('iframe[data-gotungnha-embed]');
		await expect(iframe).toHaveAttribute('title', /Gõ Từng Nhà/);
		const embed = page.frameLocator('iframe[data-gotungnha-embed]');
		await expect(embed.getByRole('heading', { level: 1 })).toContainText('Tháng 11/2026');
		await expect(embed.getByTestId('map')).toHaveAttribute('data-map-idle', 'true', { timeout: 60_000 });
		await expect(embed.getByTestId('as-of')).toContainText(/Số liệu lúc \d\d:\d\d/);
		await expect(embed.getByTestId('demo-badge')).toBeVisible();
		const link = embed.getByTestId('full-map-link');
		await expect(link).toHaveAttribute('target', '_blank');
		await expect(link).toHaveAttribute('href', /^\/\?metric=skills&month=2026-11#map=/);

		// The script of the copied code sets the iframe's height to the embed's last report.
		await expect
			.poll(() =>
				page.evaluate(() => {
					const heights = (window as Window & { __heights?: number[] }).__heights!;
					const frame = document.querySelector<HTMLIFrameElement>('iframe[data-gotungnha-embed]')!;
					const last = heights.at(-1);
					return last !== undefined && last > 300 && frame.style.height === `${last}px`;
				})
			)
			.toBe(true);
	});

	test('answers oEmbed (type rich) for the map’s pages only, JSON only', async () => {
		const response = await oEmbed(
			`url=${encodeURIComponent(`${APP}/embed?commune=09700`)}&maxwidth=400&maxheight=500&format=json`
		);
		expect(response.status).toBe(200);
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		const answer = (await response.json()) as OEmbedRich;
		expect(answer).toMatchObject({
			version: '1.0',
			type: 'rich',
			provider_name: 'Gõ Từng Nhà',
			width: 400,
			height: 500
		});
		expect(answer.html).toMatch(/^<iframe src="http:\/\/localhost:\d+\/embed\?commune=09700" title="[^"]+"/);
		expect((await oEmbed(`url=${encodeURIComponent(`${APP}/embed`)}&format=xml`)).status).toBe(501);
		const foreign = await oEmbed(`url=${encodeURIComponent('https://example.com/')}`);
		expect(foreign.status).toBe(404);
		expect((await foreign.json()).error.code).toBe('not-embeddable');
		const planner = await oEmbed(`url=${encodeURIComponent(`${APP}/communes/09700/plan`)}`);
		expect(planner.status).toBe(404);
		const badSize = await oEmbed(`url=${encodeURIComponent(APP)}&maxwidth=0x10`);
		expect(badSize.status).toBe(400);
	});

	test('the map and the embed name their oEmbed in a discovery link', async ({ page }) => {
		for (const path of ['/', '/embed?metric=gap']) {
			await page.goto(path);
			const href = await page.locator('link[type="application/json+oembed"]').getAttribute('href');
			const answer = (await (await fetch(new URL(href!, APP))).json()) as OEmbedRich;
			expect(answer.type).toBe('rich');
		}
	});
});

test.describe('headers', () => {
	test('only the embed and what it loads may be framed anywhere; tiles and read-only JSON are CORS *', async () => {
		const frameAncestors = async (path: string) =>
			/frame-ancestors ([^;]+)/.exec(
				(await fetch(`${APP}${path}`)).headers.get('content-security-policy') ?? ''
			)?.[1];
		expect(await frameAncestors('/')).toBe("'self'");
		expect(await frameAncestors('/login')).toBe("'self'");
		expect(await frameAncestors('/embed')).toBe('*');
		expect(await frameAncestors('/en/embed')).toBe('*');

		const page = await (await fetch(`${APP}/`)).text();
		const dataUrl = /\/api\/map\?month=[^"]+/.exec(page)![0].replaceAll('&amp;', '&');
		for (const path of [
			dataUrl,
			'/tiles/communes/10/813/450.mvt',
			'/api/search?q=ba',
			'/api/gap?commune=00004'
		]) {
			const response = await fetch(`${APP}${path}`, { headers: { origin: ARTICLE } });
			expect(response.status, path).toBeLessThan(300);
			expect(response.headers.get('access-control-allow-origin'), path).toBe('*');
			expect(response.headers.get('access-control-allow-credentials'), path).toBeNull();
		}
		// What the embed loads may be framed with it; the rest only by this site.
		expect(await frameAncestors(dataUrl)).toBe('*');
		expect(await frameAncestors('/tiles/communes/10/813/450.mvt')).toBe('*');
		expect(await frameAncestors('/api/search?q=ba')).toBe("'self'");
		// A page for people is not readable cross-origin.
		expect((await fetch(`${APP}/`)).headers.get('access-control-allow-origin')).toBeNull();
	});

	test('the month’s data is immutable with its version, and answers 304 to its ETag', async () => {
		const page = await (await fetch(`${APP}/`)).text();
		const pageDataUrl = /\/api\/map\?month=[^"]+/.exec(page)![0].replaceAll('&amp;', '&');
		// A page served from the anonymous page cache may name the version before a write made by an
		// earlier test; the data's ETag names the current one, which is the one that is immutable.
		const etagVersion = /"map-([0-9a-f]+)-/.exec(
			(await fetch(`${APP}${pageDataUrl}`)).headers.get('etag')!
		)![1]!;
		const dataUrl = pageDataUrl.replace(/([?&]v=)[^&]+/, `$1${etagVersion}`);
		const response = await fetch(`${APP}${dataUrl}`);
		expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		const etag = response.headers.get('etag')!;
		expect((await fetch(`${APP}${dataUrl}`, { headers: { 'if-none-match': etag } })).status).toBe(304);
	});
});

test.describe('aggregates only', () => {
	test('the public JSON withholds rates on fewer than 10 surveyed adults', async () => {
		const data = (await (await fetch(`${APP}/api/map?month=2026-11`)).json()) as PublicMapData;
		const index = data.values.hamletIds.indexOf(FEW_ADULTS_HAMLET);
		expect(index).toBeGreaterThanOrEqual(0);
		expect(data.values.values.skills[index]).toBeNull();
		expect(data.values.tooFew![index]).toBe(2);
		// Its coverage rests on its households, which are enough.
		expect(data.values.values.coverage[index]).not.toBeNull();
		expect(data.gap!.gap[index]).toBeNull();
	});

	test('the embed says "ít số liệu" for such a hamlet and shows no activity', async ({ page }) => {
		const problems = watchForProblems(page);
		const activityRequests: string[] = [];
		page.on('request', (request) => {
			if (request.url().includes('/api/activities/')) activityRequests.push(request.url());
		});
		// Without the controls, the map's middle is in the window.
		await openMap(page, '/embed?metric=skills&month=2026-11&controls=none');
		const hamlet = interiorOf(FEW_ADULTS_HAMLET);
		await jumpTo(page, hamlet, 15);
		const pixel = await pixelOf(page, hamlet);
		await page.mouse.move(pixel.x, pixel.y);
		await expect(page.getByRole('tooltip')).toContainText('ít số liệu');
		expect(activityRequests).toEqual([]);
		expect(problems).toEqual([]);
	});
});

test.describe('metric and month inside the embed', () => {
	/** A demo hamlet of Ba Vì with figures in every month. */
	const HAMLET = 9700001;

	/** The hamlet's feature state on the map (its figures for the month shown), once drawn. */
	async function stateOf(page: Page, id: number) {
		await jumpTo(page, interiorOf(id), 14);
		return page.evaluate(
			({ layer, id }) => {
				const feature = (window as MapWindow)
					.__map!.queryRenderedFeatures({ layers: [layer] })
					.find((candidate) => candidate.id === id);
				return feature?.state as Record<string, unknown> | undefined;
			},
			{ layer: LAYER_IDS.hamletsFill, id }
		);
	}

	/** The month's public figure of a hamlet, as GET /api/map serves it. */
	async function publicValue(month: string, metric: 'coverage' | 'skills', id: number) {
		const data = (await (await fetch(`${APP}/api/map?month=${month}`)).json()) as PublicMapData;
		return data.values.values[metric][data.values.hamletIds.indexOf(id)];
	}

	test('switching the metric and the month changes the legend, the URL and the figures drawn', async ({
		page
	}) => {
		const problems = watchForProblems(page);
		await openMap(page, '/embed?commune=09700');
		const controls = page.getByTestId('embed-controls');
		await expect(controls).toBeVisible();
		const legend = page.getByTestId('legend');
		const heading = page.getByRole('heading', { level: 1 });
		await expect(legend.getByRole('heading')).toHaveText(metricLabel('coverage', 'label', 'vi'));
		// Both rates share the target classes: the counts of hamlets in them tell the metrics apart.
		const coverageCounts = await legend.locator('.count').allInnerTexts();
		const latest = await controls.getByTestId('month-select').inputValue();

		await controls.getByRole('radio', { name: /Kỹ năng số/ }).check();
		await expect(page).toHaveURL(/[?&]metric=skills/);
		await expect(page).toHaveURL(/[?&]commune=09700/);
		await expect(legend.getByRole('heading')).toHaveText(metricLabel('skills', 'label', 'vi'));
		await expect(heading).toContainText(metricLabel('skills', 'label', 'vi'));
		await expect(legend.locator('.count')).not.toHaveText(coverageCounts);
		const latestState = await stateOf(page, HAMLET);
		expect(latestState?.skills).toBe(await publicValue(latest, 'skills', HAMLET));

		await controls.getByTestId('month-select').selectOption('2026-06');
		await expect(page).toHaveURL(/[?&]month=2026-06/);
		await expect(heading).toContainText(formatMonth('2026-06-01', 'vi'));
		await expect(page.getByRole('radio', { name: /Kỹ năng số/ })).toBeChecked();
		// The figures drawn follow the month: the hamlet's state is June's public figure, not the latest.
		await expect
			.poll(async () => (await stateOf(page, HAMLET))?.skills)
			.toBe(await publicValue('2026-06', 'skills', HAMLET));
		expect(await publicValue('2026-06', 'coverage', HAMLET)).not.toBe(
			await publicValue(latest, 'coverage', HAMLET)
		);
		expect((await stateOf(page, HAMLET))?.coverage).toBe(await publicValue('2026-06', 'coverage', HAMLET));
		expect(problems).toEqual([]);
	});

	test('controls=none hides the switches but keeps the map, the legend and the state from the URL', async ({
		page
	}) => {
		const problems = watchForProblems(page);
		await openMap(page, '/embed?metric=skills&month=2026-06&controls=none');
		await expect(page.getByTestId('embed-controls')).toHaveCount(0);
		await expect(page.getByRole('radio')).toHaveCount(0);
		await expect(page.getByTestId('month-select')).toHaveCount(0);
		await expect(page.getByTestId('legend').getByRole('heading')).toHaveText(
			metricLabel('skills', 'label', 'vi')
		);
		await expect(page.getByRole('heading', { level: 1 })).toContainText(formatMonth('2026-06-01', 'vi'));
		expect((await stateOf(page, HAMLET))?.skills).toBe(await publicValue('2026-06', 'skills', HAMLET));
		expect(problems).toEqual([]);
	});
});

test.describe('strict public queries', () => {
	test('refuse prototype keys, hexadecimal numbers, repeated and unknown parameters, and over-long queries', async () => {
		const cases: [string, string][] = [
			['/api/gap?weights=constructor:1', 'invalid-weights'],
			['/api/gap?weights=skills:0x10', 'invalid-weights'],
			['/api/search?q=ba&limit=0x5', 'invalid-limit'],
			['/api/gap?month=2026-11&month=2026-10', 'repeated-parameter'],
			['/api/map?constructor=1', 'unknown-parameter'],
			['/tiles/communes/10/813/450.mvt?v=1&v=2', 'repeated-parameter'],
			[`/api/search?q=${'a'.repeat(5000)}`, 'query-too-long'],
			[`/api/search?q=${'a'.repeat(35_000)}`, 'request-too-large']
		];
		for (const [path, code] of cases) {
			const response = await fetch(`${APP}${path}`);
			expect(response.status, path.slice(0, 80)).toBe(400);
			const body = await response.json();
			expect(body.error.code, path.slice(0, 80)).toBe(code);
			expect(body.error.message).toBeTruthy();
			expect(body.error.messageEn).toBeTruthy();
		}
	});
});

test.describe('on a 360 × 740 phone, by touch', () => {
	test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

	/** Interactive elements smaller than 44 × 44 px, among those visible in `scope`. */
	async function smallTargets(page: Page, scope = 'main') {
		return page.evaluate((selector) => {
			const targets = document.querySelectorAll(
				`${selector} button, ${selector} a[href], ${selector} select, ${selector} input:not([type=radio]):not([type=checkbox]), ${selector} label:has(input[type=radio]), ${selector} label:has(input[type=checkbox])`
			);
			return [...targets]
				.map((element) => ({ element, box: element.getBoundingClientRect() }))
				.filter(
					({ element, box }) =>
						box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden'
				)
				.filter(({ box }) => box.width < 44 - 0.5 || box.height < 44 - 0.5)
				.map(
					({ element, box }) =>
						`${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`
				);
		}, scope);
	}

	const scrollsSideways = (page: Page) =>
		page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

	test('the map comes first: controls in a bottom sheet of at most 40%, a hamlet tapped opens as a sheet', async ({
		page
	}) => {
		const problems = watchForProblems(page);
		await openMap(page, '/');
		const sheet = page.locator('#map-panels');
		expect((await sheet.boundingBox())!.y).toBeGreaterThanOrEqual(740 * 0.6 - 1);
		expect(await scrollsSideways(page)).toBe(false);
		expect(await smallTargets(page)).toEqual([]);

		await page.getByRole('button', { name: 'Tùy chọn bản đồ' }).tap();
		await expect(page.getByTestId('month-select')).toBeVisible();
		expect((await sheet.boundingBox())!.y).toBeGreaterThanOrEqual(740 * 0.6 - 1);
		expect(await smallTargets(page)).toEqual([]);
		await page.getByRole('button', { name: 'Ẩn tùy chọn' }).tap();

		const hamlet = interiorOf(4001);
		await jumpTo(page, hamlet, 15);
		const pixel = await pixelOf(page, hamlet);
		await page.touchscreen.tap(pixel.x, pixel.y);
		const panel = page.getByTestId('hamlet-panel');
		await expect(panel).toHaveAttribute('data-hamlet-id', '4001');
		const box = (await page.locator('.side-panel').boundingBox())!;
		expect(box.y).toBeGreaterThanOrEqual(740 * 0.6 - 1);
		expect(box.width).toBeLessThanOrEqual(360);
		expect(await scrollsSideways(page)).toBe(false);
		expect(await smallTargets(page)).toEqual([]);
		expect(problems).toEqual([]);
	});

	test('the embed fits the width, with 44 px targets', async ({ page }) => {
		await openMap(page, '/embed?commune=09700');
		expect(await scrollsSideways(page)).toBe(false);
		expect(await smallTargets(page)).toEqual([]);
	});
});
