import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityClusterProperties, ActivityPointProperties } from '../activity-clusters';
import type { ActivityKind } from '../domain';
import { activityClusters, activityIndexForMonth, dominantKind, type ClusterBbox } from './activity-clusters';
import { activityClustersResponse, type ClustersErrorBody } from './activity-clusters-request';
import { loadActivities } from './db/activities';
import { DEMO_DATASET } from './db/datasets';
import type { DatabaseHandle } from './db/index';
import { fixtureActivity, loadFixtureData, TEST_ACTOR } from './db/test-fixtures';
import { openTestDatabase, testDrivers } from './db/test-databases';

/** Three activities around Phường Ba Đình's tổ dân phố, about 200 m apart. */
const BA_DINH: [number, number][] = [
	[105.833, 21.036],
	[105.835, 21.036],
	[105.833, 21.038]
];

/** Two activities about 7 km to the east: a separate group from zoom 9 or so. */
const EAST: [number, number][] = [
	[105.9, 21.03],
	[105.902, 21.03]
];

const HANOI: ClusterBbox = [105.2, 20.5, 106.1, 21.5];

function activity(
	key: number,
	location: [number, number],
	kind: ActivityKind,
	occurredOn: string,
	peopleGuided: number
) {
	return { ...fixtureActivity(key), location, kind, occurredOn, peopleGuided };
}

/** March: five activities (three in Ba Đình, two in the east); April: one, on its first day. */
const ACTIVITIES = [
	activity(1, BA_DINH[0]!, 'door-to-door', '2026-03-02', 30),
	activity(2, BA_DINH[1]!, 'door-to-door', '2026-03-14', 20),
	activity(3, BA_DINH[2]!, 'class', '2026-03-31', 10),
	activity(4, EAST[0]!, 'event', '2026-03-20', 100),
	activity(5, EAST[1]!, 'online', '2026-03-21', 5),
	activity(6, BA_DINH[0]!, 'online', '2026-04-01', 7)
];

function clusters(features: { properties: ActivityClusterProperties | ActivityPointProperties }[]) {
	return features.flatMap((feature) => (feature.properties.cluster ? [feature.properties] : []));
}

function points(features: { properties: ActivityClusterProperties | ActivityPointProperties }[]) {
	return features.flatMap((feature) => (feature.properties.cluster ? [] : [feature.properties]));
}

describe('dominantKind', () => {
	it('picks the kind with the most activities, ties to the earlier kind', () => {
		expect(dominantKind({ 'door-to-door': 1, class: 3, event: 2, online: 0 })).toBe('class');
		expect(dominantKind({ 'door-to-door': 0, class: 2, event: 2, online: 2 })).toBe('class');
		expect(dominantKind({ 'door-to-door': 0, class: 0, event: 0, online: 0 })).toBe('door-to-door');
	});
});

describe.each(testDrivers())('activity clusters on %s', (driver) => {
	let handle: DatabaseHandle;

	beforeAll(async () => {
		handle = await openTestDatabase(driver);
		await loadFixtureData(handle.db, 0);
		await loadActivities(handle.db, TEST_ACTOR, ACTIVITIES, DEMO_DATASET);
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('groups the whole month into one cluster at city zoom, with counts per kind', async () => {
		const collection = await activityClusters(handle.db, { month: '2026-03-01', bbox: HANOI, zoom: 6 });
		expect(collection.type).toBe('FeatureCollection');
		expect(collection.features).toHaveLength(1);
		const [cluster] = clusters(collection.features);
		expect(cluster).toMatchObject({
			cluster: true,
			pointCount: 5,
			dominantKind: 'door-to-door',
			countsByKind: { 'door-to-door': 2, class: 1, event: 1, online: 1 },
			peopleGuided: 165
		});
		expect(Number.isInteger(cluster!.clusterId)).toBe(true);
	});

	it('splits a cluster at its expansion zoom, and not before', async () => {
		const query = { month: '2026-03-01', bbox: HANOI };
		const [cluster] = clusters((await activityClusters(handle.db, { ...query, zoom: 6 })).features);
		const { expansionZoom } = cluster!;
		expect(expansionZoom).toBeGreaterThan(6);
		const before = await activityClusters(handle.db, { ...query, zoom: expansionZoom - 1 });
		expect(before.features).toHaveLength(1);
		const after = await activityClusters(handle.db, { ...query, zoom: expansionZoom });
		expect(after.features.length).toBeGreaterThan(1);
		// Nothing is lost in the split: the children's activities add up to the parent's.
		const total = after.features.reduce(
			(sum, feature) => sum + (feature.properties.cluster ? feature.properties.pointCount : 1),
			0
		);
		expect(total).toBe(5);
		const baDinh = clusters(after.features).find((child) => child.pointCount === 3);
		expect(baDinh).toMatchObject({
			dominantKind: 'door-to-door',
			countsByKind: { 'door-to-door': 2, class: 1 }
		});
	});

	it('returns every activity on its own above the last clustered zoom, with its details', async () => {
		const collection = await activityClusters(handle.db, { month: '2026-03-01', bbox: HANOI, zoom: 17 });
		const singles = points(collection.features).sort((a, b) => a.id.localeCompare(b.id));
		expect(singles).toHaveLength(5);
		expect(singles[0]).toEqual({
			cluster: false,
			id: fixtureActivity(1).id,
			kind: 'door-to-door',
			occurredOn: '2026-03-02',
			teamName: 'Tổ CĐS số 1',
			hamletName: 'Tổ dân phố 1',
			peopleGuided: 30
		});
		const first = collection.features.find(
			(feature) => !feature.properties.cluster && feature.properties.id === singles[0]!.id
		);
		expect(first!.geometry.coordinates[0]).toBeCloseTo(BA_DINH[0]![0], 9);
		expect(first!.geometry.coordinates[1]).toBeCloseTo(BA_DINH[0]![1], 9);
	});

	it('returns only what lies in the bbox', async () => {
		const eastOnly: ClusterBbox = [105.89, 21.02, 105.91, 21.04];
		const collection = await activityClusters(handle.db, { month: '2026-03-01', bbox: eastOnly, zoom: 17 });
		expect(
			points(collection.features)
				.map((point) => point.kind)
				.sort()
		).toEqual(['event', 'online']);
	});

	it('takes the month from its first to its last day', async () => {
		const april = await activityClusters(handle.db, { month: '2026-04-01', bbox: HANOI, zoom: 17 });
		expect(points(april.features).map((point) => [point.occurredOn, point.kind])).toEqual([
			['2026-04-01', 'online']
		]);
		const may = await activityClusters(handle.db, { month: '2026-05-01', bbox: HANOI, zoom: 17 });
		expect(may.features).toEqual([]);
	});

	it('keeps the index while the data is unchanged and rebuilds it after a write', async () => {
		const first = await activityIndexForMonth(handle.db, '2026-03-01');
		const again = await activityIndexForMonth(handle.db, '2026-03-01');
		expect(again.index).toBe(first.index);

		await loadActivities(
			handle.db,
			TEST_ACTOR,
			[activity(7, EAST[0]!, 'event', '2026-03-25', 40)],
			DEMO_DATASET
		);
		const rebuilt = await activityIndexForMonth(handle.db, '2026-03-01');
		expect(rebuilt.index).not.toBe(first.index);
		expect(rebuilt.tag).not.toBe(first.tag);
		const collection = await activityClusters(handle.db, { month: '2026-03-01', bbox: HANOI, zoom: 6 });
		expect(clusters(collection.features)[0]).toMatchObject({
			pointCount: 6,
			countsByKind: { 'door-to-door': 2, class: 1, event: 2, online: 1 }
		});
	});

	describe('the GET handler', () => {
		const url = (query: string) => new URL(`http://localhost/api/activities/clusters?${query}`);
		const get = (query: string, headers: HeadersInit = {}) =>
			activityClustersResponse(handle.db, url(query), new Request(url(query), { headers }));

		it('answers GeoJSON with an ETag, and 304 while it still matches', async () => {
			const response = await get('month=2026-03&bbox=105.2,20.5,106.1,21.5&zoom=17');
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toContain('application/geo+json');
			expect(response.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
			const body = (await response.json()) as { type: string; features: unknown[] };
			expect(body.type).toBe('FeatureCollection');
			expect(body.features.length).toBeGreaterThanOrEqual(5);
			const etag = response.headers.get('etag')!;
			expect(etag).toMatch(/^".+"$/);

			// The same month written as YYYY-MM-01 is the same query.
			const notModified = await get('month=2026-03-01&bbox=105.2,20.5,106.1,21.5&zoom=17', {
				'if-none-match': `W/${etag}`
			});
			expect(notModified.status).toBe(304);
			expect(notModified.headers.get('etag')).toBe(etag);

			const otherZoom = await get('month=2026-03&bbox=105.2,20.5,106.1,21.5&zoom=12', {
				'if-none-match': etag
			});
			expect(otherZoom.status).toBe(200);
			expect(otherZoom.headers.get('etag')).not.toBe(etag);

			await loadActivities(
				handle.db,
				TEST_ACTOR,
				[activity(8, EAST[1]!, 'class', '2026-03-26', 12)],
				DEMO_DATASET
			);
			const afterWrite = await get('month=2026-03&bbox=105.2,20.5,106.1,21.5&zoom=17', {
				'if-none-match': etag
			});
			expect(afterWrite.status).toBe(200);
			expect(afterWrite.headers.get('etag')).not.toBe(etag);
		});

		it('refuses a month the data does not cover, in Vietnamese and English', async () => {
			const response = await get('month=2025-12&bbox=105.2,20.5,106.1,21.5&zoom=12');
			expect(response.status).toBe(400);
			const body = (await response.json()) as ClustersErrorBody;
			expect(body.error.code).toBe('month-out-of-range');
			expect(body.error.message).toBe(
				'Không có dữ liệu tháng 2025-12: dữ liệu có từ tháng 2026-03 đến tháng 2026-04'
			);
			expect(body.error.messageEn).toBe('No data for 2025-12: the data covers 2026-03 to 2026-04');
		});

		it('refuses a malformed query before touching the data', async () => {
			const response = await get('month=2026-3&bbox=105.2,20.5,106.1,21.5&zoom=12');
			expect(response.status).toBe(400);
			expect(((await response.json()) as ClustersErrorBody).error.code).toBe('invalid-month');
		});
	});
});
