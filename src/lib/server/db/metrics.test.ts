import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActivities } from './activities';
import { DEMO_DATASET } from './datasets';
import type { DatabaseHandle } from './index';
import {
	dataMonths,
	hamletFiguresByMonth,
	hamletFiguresForMonth,
	hamletFiguresThroughMonths
} from './metrics';
import { currentDataRevision } from './revision';
import { loadSurveys } from './surveys';
import { fixtureActivity, fixtureSurvey, loadFixtureData, TEST_ACTOR } from './test-fixtures';
import { openTestDatabase, testDrivers } from './test-databases';
import { RevisionCache } from '../revision-cache';

describe.each(testDrivers())('hamlet figures on %s', (driver) => {
	let handle: DatabaseHandle;

	beforeAll(async () => {
		handle = await openTestDatabase(driver);
		await loadFixtureData(handle.db, 0);
		await loadActivities(
			handle.db,
			TEST_ACTOR,
			[
				{
					...fixtureActivity(1),
					occurredOn: '2026-02-10',
					householdsNew: 10,
					householdsRevisited: 0,
					peopleAged60Plus: 4,
					peopleFromMinorities: 2
				},
				// The last day of March counts in March, not April; its 60+ count was not recorded.
				{
					...fixtureActivity(2),
					occurredOn: '2026-03-31',
					householdsNew: 5,
					householdsRevisited: 7,
					peopleAged60Plus: null,
					peopleFromMinorities: 1
				},
				{ ...fixtureActivity(3), occurredOn: '2026-05-02', householdsNew: 20, householdsRevisited: 1 }
			],
			DEMO_DATASET
		);
		await loadSurveys(
			handle.db,
			TEST_ACTOR,
			[
				fixtureSurvey(4001, '2026-02-01', 50, 20),
				fixtureSurvey(4001, '2026-04-01', 60, 45),
				fixtureSurvey(4002, '2026-05-01', 10, 9)
			],
			DEMO_DATASET
		);
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('sums first visits up to the end of each month and never counts revisits', async () => {
		const rows = await hamletFiguresByMonth(handle.db, ['2026-01-01', '2026-03-01', '2026-05-01'], {
			hamletIds: [4001]
		});
		expect(
			rows.map((row) => [row.month, row.householdsReached, row.householdsRevisited, row.activities])
		).toEqual([
			['2026-01-01', 0, 0, 0],
			['2026-03-01', 15, 7, 2],
			['2026-05-01', 35, 8, 3]
		]);
	});

	it('counts the activities that did not record the 60+ apart, not as nobody', async () => {
		const rows = await hamletFiguresByMonth(handle.db, ['2026-02-01', '2026-03-01'], { hamletIds: [4001] });
		expect(
			rows.map((row) => [
				row.peopleAged60Plus,
				row.agedUnrecorded,
				row.peopleFromMinorities,
				row.minoritiesUnrecorded
			])
		).toEqual([
			[4, 0, 2, 0],
			[4, 1, 3, 0]
		]);
	});

	it('takes the latest survey at or before the month', async () => {
		const rows = await hamletFiguresByMonth(handle.db, ['2026-01-01', '2026-03-01', '2026-04-01'], {
			hamletIds: [4001]
		});
		expect(rows.map((row) => [row.surveyMonth, row.adultsAssessed, row.withBasicSkills])).toEqual([
			[null, 0, 0],
			['2026-02-01', 50, 20],
			['2026-04-01', 60, 45]
		]);
	});

	it('returns every hamlet of a commune, surveyed or not', async () => {
		const rows = await hamletFiguresForMonth(handle.db, '2026-05-01', { communeCode: '00004' });
		expect(rows.map((row) => row.hamletId)).toEqual([4001, 4002, 4003, 4004]);
		expect(rows[1]).toMatchObject({ households: 510, adults: 1420, adultsAssessed: 10, withBasicSkills: 9 });
		expect(await hamletFiguresForMonth(handle.db, '2026-05-01', { communeCode: '99999' })).toEqual([]);
		expect(await hamletFiguresForMonth(handle.db, '2026-05-01', { hamletIds: [] })).toEqual([]);
	});

	it('gives the same rows through all months at once as month by month (the dashboard’s path)', async () => {
		const months = await dataMonths(handle.db);
		expect(months.length).toBeGreaterThan(2);
		for (const asked of [months, ['2026-01-01', '2026-04-01'], ['2026-03-01', '2026-05-01', '2026-06-01']]) {
			expect(await hamletFiguresThroughMonths(handle.db, asked), asked.join()).toEqual(
				await hamletFiguresByMonth(handle.db, asked)
			);
		}
		const scoped = { communeCode: '00004' };
		expect(await hamletFiguresThroughMonths(handle.db, months, scoped)).toEqual(
			await hamletFiguresByMonth(handle.db, months, scoped)
		);
		await expect(hamletFiguresThroughMonths(handle.db, ['2026-02-15'])).rejects.toThrow(RangeError);
		expect(await hamletFiguresThroughMonths(handle.db, [])).toEqual([]);
	});

	it('refuses a month that is not the first day of a month', async () => {
		await expect(hamletFiguresForMonth(handle.db, '2026-05-02')).rejects.toThrow(RangeError);
		await expect(hamletFiguresForMonth(handle.db, "2026-05-01'; DROP TABLE hamlets; --")).rejects.toThrow(
			RangeError
		);
	});

	it('lists every month from the first record to the last', async () => {
		expect(await dataMonths(handle.db)).toEqual(['2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01']);
	});

	it('bumps the data revision on every write and the cache recomputes once', async () => {
		const before = await currentDataRevision(handle.db);
		const cache = new RevisionCache<number>();
		let computed = 0;
		const compute = async () => ++computed;
		expect((await cache.get(handle.db, 'k', compute)).value).toBe(1);
		expect((await cache.get(handle.db, 'k', compute)).value).toBe(1);
		await loadActivities(
			handle.db,
			TEST_ACTOR,
			[{ ...fixtureActivity(4), occurredOn: '2026-05-20' }],
			DEMO_DATASET
		);
		const after = await currentDataRevision(handle.db);
		expect(after.revision).toBeGreaterThan(before.revision);
		expect(after.tag).not.toBe(before.tag);
		const { value, tag } = await cache.get(handle.db, 'k', compute);
		expect([value, tag]).toEqual([2, after.tag]);
	});

	it('does not cache a failed computation', async () => {
		const cache = new RevisionCache<number>();
		await expect(cache.get(handle.db, 'k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		expect((await cache.get(handle.db, 'k', async () => 7)).value).toBe(7);
	});
});
