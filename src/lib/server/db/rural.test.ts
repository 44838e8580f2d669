import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRuralHamlet } from '$lib/analysis/rural';
import { squarePolygon } from '$lib/analysis/test-squares';
import { METRIC_DEFINITIONS } from '$lib/metrics';
import { DEMO_DATASET } from './datasets';
import { loadHamlets } from './hamlets';
import { selectRows, type DatabaseHandle } from './index';
import { hamletFiguresForMonth } from './metrics';
import { ruralHamletSql } from './rural';
import { loadSurveys } from './surveys';
import { fixtureSurvey, loadFixtureData, TEST_ACTOR } from './test-fixtures';
import { openTestDatabase, testDrivers } from './test-databases';
import { communeGapAnalysis } from '../gap-analysis';
import { monthValues } from '../month-values';

const MONTH = '2026-04-01';

function hamlet(
	id: number,
	communeCode: string,
	name: string,
	kind: string,
	isRural: boolean,
	at: [number, number]
) {
	return {
		type: 'Feature',
		properties: {
			...{ id, communeCode, name, kind, isRural },
			...{ households: 300, adults: 800, elderly: 100, minorityShare: 0, boundarySource: 'approximate' }
		},
		geometry: squarePolygon(at[0], at[1], 0.002)
	};
}

/**
 * Where the two readings of "rural" part: a tổ dân phố in a xã (not rural by its own flag, rural by its
 * commune) and a thôn in a phường; with a thôn in the same xã and the fixture's tổ dân phố in the phường.
 */
const EDGE_HAMLETS = {
	type: 'FeatureCollection',
	features: [
		hamlet(9701, '09700', 'Thôn Yên Sơn', 'thôn', true, [105.337, 21.059]),
		hamlet(9702, '09700', 'Tổ dân phố Chợ Mới', 'tổ dân phố', false, [105.341, 21.059]),
		hamlet(4005, '00004', 'Thôn Vạn Bảo', 'thôn', true, [105.8395, 21.0355])
	]
};

describe.each(testDrivers())('one rule for "rural" on %s', (driver) => {
	let handle: DatabaseHandle;

	beforeAll(async () => {
		handle = await openTestDatabase(driver);
		await loadFixtureData(handle.db, 0);
		await loadHamlets(handle.db, TEST_ACTOR, JSON.stringify(EDGE_HAMLETS), DEMO_DATASET);
		await loadSurveys(
			handle.db,
			TEST_ACTOR,
			[4001, 4002, 4003, 4004, 4005, 9701, 9702].map((id, index) =>
				fixtureSurvey(id, MONTH, 100, 50, { withSmartphone: 80, withEpayment: 20 + 5 * index })
			),
			DEMO_DATASET
		);
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('is the same in SQL and in TypeScript, on every combination of commune and hamlet', async () => {
		const rows = await selectRows<{ id: number; isWard: boolean; isRural: boolean; sqlRural: boolean }>(
			handle.db,
			sql`
				SELECT h.id, c.unit_type = 'phường' AS "isWard", h.is_rural AS "isRural", ${ruralHamletSql()} AS "sqlRural"
				FROM hamlets h JOIN communes c ON c.code = h.commune_code
				ORDER BY h.id`
		);
		expect(rows.map((row) => [row.id, row.sqlRural])).toEqual([
			[4001, false],
			[4002, false],
			[4003, false],
			[4004, false],
			[4005, true], // a thôn in a phường
			[9701, true],
			[9702, true] // a tổ dân phố in a xã
		]);
		for (const row of rows) expect(row.sqlRural).toBe(isRuralHamlet(row));
		const figures = await hamletFiguresForMonth(handle.db, MONTH);
		expect(figures.map((row) => [row.hamletId, row.isRural])).toEqual(
			rows.map((row) => [row.id, row.sqlRural])
		);
	});

	it('gives the map and the planner the same e-payment rates, per hamlet and per commune', async () => {
		const map = await monthValues(handle.db, MONTH);
		for (const code of ['00004', '09700']) {
			const planner = await communeGapAnalysis(handle.db, code, MONTH);
			const mapRate = map.communeValues.epayment[map.communeCodes.indexOf(code)];
			const plannerRate = planner.totals.rates.epayment;
			// The map rounds to four decimals (a hundredth of a percentage point).
			expect(mapRate).toBe(plannerRate === null ? null : Math.round(plannerRate * 10_000) / 10_000);
			for (const result of planner.hamlets) {
				const mapValue = map.values.epayment[map.hamletIds.indexOf(result.id)];
				// The map has no e-payment value exactly where the gap index finds the target not applicable.
				expect(mapValue === null).toBe(result.notApplicable.includes('payment'));
				expect(mapValue === null).toBe(result.flags.rural);
			}
		}
		// Ba Vì is a xã: its tổ dân phố is rural too, so the urban-only rate has nothing to count.
		expect(map.communeValues.epayment[map.communeCodes.indexOf('09700')]).toBeNull();
		expect(METRIC_DEFINITIONS.epayment.urbanOnly).toBe(true);
	});
});
