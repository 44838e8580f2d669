import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GAP_FLAG_BITS } from '$lib/gap-flags';
import type { PublicMapData } from '$lib/public-map';
import { loadActivities } from './db/activities';
import { DEMO_DATASET } from './db/datasets';
import type { DatabaseHandle } from './db/index';
import { loadSurveys } from './db/surveys';
import { fixtureActivity, fixtureSurvey, loadFixtureData, TEST_ACTOR } from './db/test-fixtures';
import { openTestDatabase, testDrivers } from './db/test-databases';
import { IMMUTABLE, REVALIDATE } from './http-cache';
import { cityDashboard } from './dashboard';
import { publicMapResponse, publicMapShell, publicMapSnapshot } from './public-map';
import { currentTileVersion } from './tiles/tile-response';

const MONTH = '2026-03-01';

describe.each(testDrivers())('the public map data on %s', (driver) => {
	let handle: DatabaseHandle;

	beforeAll(async () => {
		handle = await openTestDatabase(driver);
		await loadFixtureData(handle.db, 1);
		// Tổ dân phố 1: 8 adults surveyed (too few to publish); Tổ dân phố 2: 40.
		await loadSurveys(
			handle.db,
			TEST_ACTOR,
			[fixtureSurvey(4001, MONTH, 8, 6), fixtureSurvey(4002, MONTH, 40, 30)],
			DEMO_DATASET
		);
	});
	afterAll(async () => {
		await handle?.close();
	});

	const body = async (month = MONTH) =>
		JSON.parse(gunzipSync((await publicMapSnapshot(handle.db, month)).gzip).toString()) as PublicMapData;

	it('withholds a rate on fewer than 10 surveyed adults, and says why, keeping the rest', async () => {
		const data = await body();
		const index = (id: number) => data.values.hamletIds.indexOf(id);
		expect(data.values.values.skills[index(4001)]).toBeNull();
		expect(data.values.tooFew![index(4001)]).toBe(2);
		expect(data.values.values.skills[index(4002)]).toBe(0.75);
		expect(data.values.tooFew![index(4002)]).toBe(0);
		// 500 households: coverage is published.
		expect(data.values.values.coverage[index(4001)]).toBe(Math.round((12 / 500) * 10_000) / 10_000);
		expect(data.gap?.gap[index(4001)] ?? null).toBeNull();
		expect(Date.parse(data.asOf)).not.toBeNaN();
	});

	it('says which hamlets and communes are rural (e-payment does not apply) and the communes’ filter flags', async () => {
		const data = await body();
		// The fixture's tổ dân phố are all in Phường Ba Đình: urban, in a phường neither rural nor designated.
		expect(data.values.rural).toEqual(data.values.hamletIds.map(() => 0));
		expect(data.values.communeCodes).toEqual(['00004']);
		expect(data.values.communeRural).toEqual([0]);
		expect(data.gap!.communeFlags).toHaveLength(1);
		expect(data.gap!.communeFlags[0]! & (GAP_FLAG_BITS.rural | GAP_FLAG_BITS.minority)).toBe(0);
	});

	it('carries where the city stands, the same figures as the dashboard’s cards for the month', async () => {
		const { city } = await body();
		const dashboard = await cityDashboard(handle.db, MONTH);
		for (const card of dashboard.cards) {
			if (card.progress.kpi === 'training') continue;
			expect(city.progress[card.progress.kpi]).toEqual(card.progress);
		}
		// Withheld hamlet figures still count in the city's sums: 36 of 48 adults surveyed.
		expect(city.progress.skills).toMatchObject({ numerator: 36, denominator: 48, dataMonth: MONTH });
		expect(city.progress.coverage.target).toBe(1);
		expect(city.gapIndex).toEqual(expect.any(Number));
	});

	it('serves the same bytes with the same version until the refresh interval passes, whatever is written', async () => {
		const before = await publicMapSnapshot(handle.db, MONTH);
		await loadActivities(handle.db, TEST_ACTOR, [fixtureActivity(2)], DEMO_DATASET);
		const after = await publicMapSnapshot(handle.db, MONTH);
		expect(after).toBe(before);
	});

	it('puts the geometry version in the shell, which figures writes leave alone', async () => {
		const shell = await publicMapShell(handle.db);
		expect(shell.tileVersion).toBe(await currentTileVersion(handle.db));
		expect(shell.months).toContain(MONTH);
		expect(shell.communeBounds.get('00004')).toHaveLength(4);
		// Every fixture hamlet has a generated boundary: the source line says "ước tính".
		expect(shell.approximateHamlets).toBe(shell.summary.hamlets);
	});

	it('answers the JSON immutable for the current v, to revalidate otherwise, 304 for its ETag, 400 for a bad month', async () => {
		const snapshot = await publicMapSnapshot(handle.db, MONTH);
		const get = (query: string, headers: Record<string, string> = {}) =>
			publicMapResponse(handle.db, new Request(`http://localhost/api/map?${query}`, { headers }));
		const current = await get(`month=2026-03&v=${snapshot.version}`, { 'accept-encoding': 'gzip' });
		expect(current.headers.get('cache-control')).toBe(IMMUTABLE);
		expect(current.headers.get('content-encoding')).toBe('gzip');
		expect((await get('month=2026-03&v=old')).headers.get('cache-control')).toBe(REVALIDATE);
		expect((await get('month=2026-03', { 'if-none-match': snapshot.etag })).status).toBe(304);
		const plain = await get('month=2026-03');
		expect(((await plain.json()) as PublicMapData).month).toBe(MONTH);
		const bad = await get('month=2026-13');
		expect(bad.status).toBe(400);
		expect((await bad.json()).error.code).toBe('invalid-month');
	});
});
