import { expect, test, type Page } from '@playwright/test';
import type { ActivityClusterCollection, ActivityPointProperties } from '../src/lib/activity-clusters';
import type { ActivityKind } from '../src/lib/domain';
import { formatDate } from '../src/lib/format';
import { activityKindLabel } from '../src/lib/labels';
import { ACTIVITY_LAYER_IDS, ACTIVITY_MIN_ZOOM, ACTIVITY_SOURCE_ID } from '../src/lib/map/activity-layers';
import { openMap, watchForProblems, type MapWindow } from './map-page';

/** The month the page shows (its `<ActivityClusterLayer month=…>`); the demo data covers it. */
const MONTH = '2026-11';

/** Central Hanoi at the first zoom that shows activities (ACTIVITY_MIN_ZOOM). */
const CENTRAL_HANOI = `#map=${ACTIVITY_MIN_ZOOM}/21.03/105.84`;

/** Waits until the layer has loaded the activities of the current view and the map has drawn them. */
async function activitiesLoaded(page: Page): Promise<number> {
	const map = page.getByTestId('map');
	await expect(map).toHaveAttribute('data-activity-loading', 'false');
	await expect(map).toHaveAttribute('data-activity-features', /^\d+$/);
	await expect(map).toHaveAttribute('data-map-idle', 'true');
	return Number(await map.getAttribute('data-activity-features'));
}

/**
 * The biggest cluster drawn where a click reaches the map (not a panel over it), in page pixels,
 * with the map's zoom; null while there is none.
 */
function biggestClickableCluster(page: Page) {
	return page.evaluate((layer) => {
		const map = (window as MapWindow).__map!;
		const canvas = map.getCanvas().getBoundingClientRect();
		const [biggest] = map
			.queryRenderedFeatures({ layers: [layer] })
			.map((feature) => {
				const pixel = map.project((feature.geometry as GeoJSON.Point).coordinates as [number, number]);
				return {
					x: canvas.left + pixel.x,
					y: canvas.top + pixel.y,
					pointCount: Number(feature.properties.pointCount),
					expansionZoom: Number(feature.properties.expansionZoom)
				};
			})
			.filter(({ x, y }) => document.elementFromPoint(x, y) === map.getCanvas())
			.sort((a, b) => b.pointCount - a.pointCount);
		return biggest ? { ...biggest, zoom: map.getZoom() } : null;
	}, ACTIVITY_LAYER_IDS.clusters);
}

/**
 * Moves the map to an activity from the endpoint, at a zoom past the last clustered one so it stands
 * alone, clicks it and answers what was clicked.
 */
async function clickSingleActivity(page: Page): Promise<ActivityPointProperties> {
	const response = await page.request.get(
		`/api/activities/clusters?month=${MONTH}&bbox=105.75,20.95,105.95,21.1&zoom=17`
	);
	expect(response.ok()).toBe(true);
	const collection = (await response.json()) as ActivityClusterCollection;
	const single = collection.features.find((feature) => !feature.properties.cluster);
	expect(single).toBeDefined();
	const [lng, lat] = single!.geometry.coordinates as [number, number];
	await page.evaluate((center) => (window as MapWindow).__map!.jumpTo({ center, zoom: 17 }), [lng, lat] as [
		number,
		number
	]);
	expect(await activitiesLoaded(page)).toBeGreaterThan(0);

	// What the click will hit: the top activity under the map's centre.
	const hit = await page.evaluate(
		({ center, layers }) => {
			const map = (window as MapWindow).__map!;
			const canvas = map.getCanvas().getBoundingClientRect();
			const pixel = map.project(center);
			const [top] = map.queryRenderedFeatures(pixel, { layers });
			return {
				x: canvas.left + pixel.x,
				y: canvas.top + pixel.y,
				properties: top?.properties as ActivityPointProperties | undefined
			};
		},
		{
			center: [lng, lat] as [number, number],
			layers: [ACTIVITY_LAYER_IDS.points, ACTIVITY_LAYER_IDS.clusters]
		}
	);
	expect(hit.properties?.cluster).toBe(false);
	await page.mouse.click(hit.x, hit.y);
	return hit.properties!;
}

test('outreach activities: a cluster zooms in on click, a single activity opens its popup', async ({
	page
}, testInfo) => {
	const problems = watchForProblems(page);
	// At city zoom the activities stay off the coverage map, and nothing is fetched for them.
	let clusterRequests = 0;
	page.on('request', (request) => {
		if (request.url().includes('/api/activities/clusters')) clusterRequests++;
	});
	await openMap(page);
	expect(await activitiesLoaded(page)).toBe(0);
	expect(clusterRequests).toBe(0);
	await page.goto(`/${CENTRAL_HANOI}`);
	await page.reload();
	expect(await activitiesLoaded(page)).toBeGreaterThan(0);
	const clustersShot = testInfo.outputPath('activity-clusters.png');
	await page.screenshot({ path: clustersShot });
	await testInfo.attach('activity-clusters', { path: clustersShot, contentType: 'image/png' });

	await expect.poll(() => biggestClickableCluster(page), { message: 'a cluster to click' }).not.toBeNull();
	const target = (await biggestClickableCluster(page))!;
	expect(target.pointCount).toBeGreaterThan(1);
	expect(target.expansionZoom).toBeGreaterThan(target.zoom);

	await page.mouse.click(target.x, target.y);
	await expect
		.poll(() => page.evaluate(() => (window as MapWindow).__map!.getZoom()))
		.toBeGreaterThan(target.zoom + 0.5);
	expect(await activitiesLoaded(page)).toBeGreaterThan(0);
	// The click was the cluster's: the hamlet underneath was not selected.
	await expect(page.getByTestId('hamlet-panel')).toHaveCount(0);
	expect(page.url()).not.toMatch(/[?&]hamlet=/);

	const { kind, teamName, hamletName, occurredOn } = await clickSingleActivity(page);
	const popup = page.getByTestId('activity-popup');
	await expect(popup).toBeVisible();
	await expect(popup).toContainText(activityKindLabel(kind as ActivityKind, 'vi'));
	// One language per page: the English kind is on /en/ (next test).
	await expect(popup).not.toContainText(activityKindLabel(kind as ActivityKind, 'en'));
	await expect(popup).toContainText(teamName);
	await expect(popup).toContainText(hamletName);
	const [year, month, day] = occurredOn.split('-');
	await expect(popup).toContainText(`${day}/${month}/${year}`);
	await expect(page.getByTestId('hamlet-panel')).toHaveCount(0);

	// A new style without the activity layers (as a host page's style change would diff them away):
	// the component puts them back, on top.
	const activityLayerIds = Object.values(ACTIVITY_LAYER_IDS) as string[];
	await page.evaluate(
		({ ids, source }) => {
			const map = (window as MapWindow).__map!;
			const style = map.getStyle();
			style.layers = style.layers.filter((layer) => !ids.includes(layer.id));
			delete style.sources[source];
			map.setStyle(style);
		},
		{ ids: activityLayerIds, source: ACTIVITY_SOURCE_ID }
	);
	// Polled, not waited for a fixed time: on a loaded 2-core machine the new style takes longer to settle.
	await expect
		.poll(() =>
			page.evaluate(
				(count) => (window as MapWindow).__map!.getLayersOrder().slice(-count),
				activityLayerIds.length
			)
		)
		.toEqual(activityLayerIds);
	await expect
		.poll(() =>
			page.evaluate(
				(layer) => (window as MapWindow).__map!.queryRenderedFeatures({ layers: [layer] }).length,
				ACTIVITY_LAYER_IDS.points
			)
		)
		.toBeGreaterThan(0);
	await expect(page.getByTestId('map')).toHaveAttribute('data-map-idle', 'true');
	await expect(popup).toBeVisible();

	const screenshot = testInfo.outputPath('activity-popup.png');
	await page.screenshot({ path: screenshot });
	await testInfo.attach('activity-popup', { path: screenshot, contentType: 'image/png' });
	expect(problems).toEqual([]);
});

test('the activity popup is in English on /en/', async ({ page }) => {
	const problems = watchForProblems(page);
	await openMap(page, `/en/${CENTRAL_HANOI}`);
	expect(await activitiesLoaded(page)).toBeGreaterThan(0);
	const { kind, occurredOn, peopleGuided } = await clickSingleActivity(page);
	const popup = page.getByTestId('activity-popup');
	await expect(popup).toBeVisible();
	await expect(popup).toContainText(activityKindLabel(kind as ActivityKind, 'en'));
	await expect(popup).not.toContainText(activityKindLabel(kind as ActivityKind, 'vi'));
	await expect(popup).toContainText('People guided');
	await expect(popup).toContainText(formatDate(occurredOn, 'en'));
	await expect(popup).toContainText(peopleGuided.toLocaleString('en'));
	expect(problems).toEqual([]);
});
