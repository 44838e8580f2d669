// Bench section: how long until the map page is idle (everything loaded and drawn) in headless Chromium.
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from '../playwright.config';
import { quantileOf, report } from './report';
import { buildIfStale, startApp, stopApp } from './app-server';

const ROUNDS = 5;

/** Views a leader opens: the whole city (communes), a ward's hamlets, and a rural xã with the gap. */
const VIEWS = [
	{ name: 'city overview', path: '/' },
	{ name: 'Ba Đình hamlets, z13.5', path: '/#map=13.5/21.0386/105.838' },
	{ name: 'Ba Vì, digital gap, z12', path: '/?metric=gap#map=12/21.07/105.37' }
];

/**
 * Milliseconds from navigation to the page's `load` event and to the map's first idle, for `path`,
 * in a fresh browser context each time (no HTTP cache): what a first visit costs.
 */
async function timeToIdle(
	browser: Browser,
	origin: string,
	path: string
): Promise<{ load: number; idle: number }> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	try {
		const page = await context.newPage();
		const started = performance.now();
		let loaded = 0;
		page.once('load', () => (loaded = performance.now() - started));
		await page.goto(`${origin}${path}`);
		await page.waitForSelector('[data-testid=map][data-map-idle=true]', { timeout: 120_000 });
		return { load: loaded, idle: performance.now() - started };
	} finally {
		await context.close();
	}
}

export async function benchMap(): Promise<void> {
	buildIfStale();
	// The default deployment: the embedded database, in memory, seeded at start.
	const app = await startApp({ DATA_DIR: 'memory://', DATABASE_URL: '' });
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: CHROMIUM_ARGS
	});
	try {
		for (const view of VIEWS) {
			await timeToIdle(browser, app.origin, view.path); // warm the server's caches
			const loads: number[] = [];
			const idles: number[] = [];
			for (let round = 0; round < ROUNDS; round++) {
				const { load, idle } = await timeToIdle(browser, app.origin, view.path);
				loads.push(load);
				idles.push(idle);
			}
			report(
				`map idle in headless Chromium, ${view.name} (median of ${ROUNDS}, fresh context)`,
				quantileOf(idles, 0.5),
				'page load event of the same visits',
				quantileOf(loads, 0.5)
			);
		}
	} finally {
		await browser.close();
		await stopApp(app.server);
	}
}
