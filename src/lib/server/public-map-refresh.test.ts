import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PublicMapData } from '$lib/public-map';
import { loadActivities } from './db/activities';
import { DEMO_DATASET } from './db/datasets';
import type { DatabaseHandle } from './db/index';
import { fixtureActivity, loadFixtureData, TEST_ACTOR } from './db/test-fixtures';
import { openTestDatabase, testDrivers } from './db/test-databases';
import { publicMapSnapshot, publicRefreshSeconds } from './public-map';

const MONTH = '2026-03-01';

describe.each(testDrivers())('the public map refresh on %s', (driver) => {
	let handle: DatabaseHandle;

	beforeAll(async () => {
		handle = await openTestDatabase(driver);
		await loadFixtureData(handle.db, 1);
		// Only the clock is moved (past the refresh interval); timers and setImmediate stay real.
		vi.useFakeTimers({ toFake: ['Date'] });
	});
	afterAll(async () => {
		vi.useRealTimers();
		await handle?.close();
	});

	const coverageOf = (snapshot: { gzip: Buffer }) => {
		const data = JSON.parse(gunzipSync(snapshot.gzip).toString()) as PublicMapData;
		return data.values.values.coverage[data.values.hamletIds.indexOf(4001)];
	};

	it('serves the previous figures while the new ones are computed in pieces, then the new ones', async () => {
		const before = await publicMapSnapshot(handle.db, MONTH);
		await loadActivities(handle.db, TEST_ACTOR, [fixtureActivity(2)], DEMO_DATASET);
		// Within the refresh interval the write is not looked for.
		expect(await publicMapSnapshot(handle.db, MONTH)).toBe(before);
		vi.setSystemTime(Date.now() + (publicRefreshSeconds() + 1) * 1000);
		// The first request after the interval starts one refresh and is answered at once with what is at hand.
		expect(await publicMapSnapshot(handle.db, MONTH)).toBe(before);
		// Requests keep being served while the refresh runs: count the turns the event loop gets meanwhile.
		let turns = 0;
		const ticker = setInterval(() => (turns += 1), 0);
		let after = before;
		for (let attempt = 0; attempt < 600 && after === before; attempt++) {
			await new Promise((resolve) => setTimeout(resolve, 20));
			after = await publicMapSnapshot(handle.db, MONTH);
		}
		clearInterval(ticker);
		expect(after.version).not.toBe(before.version);
		expect(coverageOf(after)!).toBeGreaterThan(coverageOf(before)!);
		expect(turns).toBeGreaterThan(8);
	});
});
