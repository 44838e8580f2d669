// Helpers shared by the Playwright specs that drive the map (not a spec itself: no .e2e.ts suffix).
import { expect, type Page, type TestInfo } from '@playwright/test';
import type { Map } from 'maplibre-gl';
import { MAP_READY_EVENT, type MapReadyDetail } from '../src/lib/map/events';

export type MapWindow = Window & { __map?: Map };

/** Collects what must stay empty: console errors, uncaught exceptions, and MapLibre's warnings about fonts. */
export function watchForProblems(page: Page): string[] {
	const problems: string[] = [];
	page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
	page.on('console', (message) => {
		const fontWarning = message.type() === 'warning' && /font/i.test(message.text());
		if (message.type() === 'error' || fontWarning) problems.push(`${message.type()}: ${message.text()}`);
	});
	return problems;
}

/**
 * Opens `path` and waits until MapLibre has drawn everything; the map is then `window.__map`.
 * Map.svelte announces its map with an event instead of a global, so only the test keeps a reference.
 */
export async function openMap(page: Page, path = '/'): Promise<void> {
	await page.addInitScript((eventName) => {
		document.addEventListener(eventName, (event) => {
			(window as MapWindow).__map = (event as CustomEvent<MapReadyDetail>).detail.map;
		});
	}, MAP_READY_EVENT);
	await page.goto(path);
	await mapIdle(page);
}

/** Resolves once the map has nothing left to load or draw. */
export async function mapIdle(page: Page): Promise<void> {
	await expect(page.getByTestId('map')).toHaveAttribute('data-map-idle', 'true');
	await page.waitForFunction(() => (window as MapWindow).__map?.loaded() === true);
}

/** Moves the map and resolves once everything at the new view is drawn. */
export async function jumpTo(page: Page, center: [number, number], zoom: number): Promise<void> {
	await page.evaluate(
		async ({ center, zoom }) => {
			const map = (window as MapWindow).__map!;
			const idle = map.once('idle');
			map.jumpTo({ center, zoom });
			await idle;
		},
		{ center, zoom }
	);
}

/** Keeps a screenshot of the page as a test artifact. */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
	const path = testInfo.outputPath(`${name}.png`);
	await page.screenshot({ path });
	await testInfo.attach(name, { path, contentType: 'image/png' });
}
