import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActivities } from './db/activities';
import { DEMO_DATASET } from './db/datasets';
import type { DatabaseHandle } from './db/index';
import { loadSurveys } from './db/surveys';
import { fixtureActivity, fixtureSurvey, loadFixtureData, TEST_ACTOR } from './db/test-fixtures';
import { openTestDatabase, testDrivers } from './db/test-databases';
import { hamletDetails } from './hamlet-details';
import { monthValues } from './month-values';

describe.each(testDrivers())('panel and map values on %s', (driver) => {
	let handle: DatabaseHandle;

	beforeAll(async () => {
		handle = await openTestDatabase(driver);
		await loadFixtureData(handle.db, 0);
		await loadActivities(
			handle.db,
			TEST_ACTOR,
			[
				{ ...fixtureActivity(1), occurredOn: '2026-01-10', householdsNew: 100 },
				{ ...fixtureActivity(2), occurredOn: '2026-02-10', householdsNew: 150 },
				{ ...fixtureActivity(3), hamletId: 4002, occurredOn: '2026-02-11', householdsNew: 600 }
			],
			DEMO_DATASET
		);
		const others = { withSmartphone: 40, withEpayment: 20, withVneidLevel2: 30 };
		await loadSurveys(
			handle.db,
			TEST_ACTOR,
			[
				fixtureSurvey(4001, '2026-02-01', 50, 25, others),
				fixtureSurvey(4002, '2026-02-01', 150, 135, others)
			],
			DEMO_DATASET
		);
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('gives a hamlet’s readings with their counts, its trend and its commune’s totals', async () => {
		const details = (await hamletDetails(handle.db, 4001, '2026-02-01'))!;
		expect(details.hamlet).toMatchObject({
			name: 'Tổ dân phố 1',
			boundarySource: 'approximate',
			commune: { code: '00004', fullName: 'Phường Ba Đình', unitType: 'phường' }
		});
		expect(details.readings.find((reading) => reading.metric === 'coverage')).toEqual({
			metric: 'coverage',
			value: 0.5,
			numerator: 250,
			denominator: 500
		});
		expect(details.trend.map((point) => [point.month, point.values.coverage, point.values.skills])).toEqual([
			['2026-01-01', 0.2, null],
			['2026-02-01', 0.5, 0.5]
		]);
		// Commune skills: (25 + 135) / (50 + 150), not the mean of 50% and 90%.
		const communeSkills = details.commune.readings.find((reading) => reading.metric === 'skills')!;
		expect([communeSkills.numerator, communeSkills.denominator, communeSkills.value]).toEqual([
			160, 200, 0.8
		]);
		expect(details.commune.hamletCount).toBe(4);
		// Only two months of data: the comparison falls back to the first one.
		expect(details.commune.sinceMonth).toBe('2026-01-01');
		expect(details.commune.hamlets.map((row) => [row.name, row.then.coverage, row.now.coverage])).toEqual([
			['Tổ dân phố 1', 0.2, 0.5],
			['Tổ dân phố 2', 0, 600 / 510],
			['Tổ dân phố 3', 0, 0],
			['Tổ dân phố 4', 0, 0]
		]);
		const sinceFebruary = (await hamletDetails(handle.db, 4001, '2026-02-01', '2026-02-01'))!;
		expect(sinceFebruary.commune.hamlets[0]!.then.coverage).toBe(0.5);
		expect(await hamletDetails(handle.db, 999_999, '2026-02-01')).toBeUndefined();
	});

	it('gives every hamlet’s rates for the month, keeping coverage above 100%', async () => {
		const values = await monthValues(handle.db, '2026-02-01');
		expect(values.hamletIds).toEqual([4001, 4002, 4003, 4004]);
		expect(values.values.coverage).toEqual([0.5, 1.1765, 0, 0]);
		expect(values.values.skills).toEqual([0.5, 0.9, null, null]);
		// Ba Đình: 850 of 2,060 households; the other communes have no hamlets in the fixture.
		expect(values.communeCodes).toEqual(['00004']);
		expect(values.communeValues.coverage).toEqual([0.4126]);
	});
});
