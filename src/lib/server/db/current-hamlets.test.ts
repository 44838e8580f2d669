// A hamlet retired by an official boundary upload leaves every read that shows or counts hamlets, through
// the one definition in current-hamlets.ts; its activities, surveys and the audit trail stay stored. The
// first test walks each read path before and after the retirement; the last one reads this directory's
// sources so a new query of the hamlets table cannot skip the rule unnoticed.
import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../input-error';
import { cityDashboard, communeDashboard } from '../dashboard';
import { hamletTable } from '../dashboard-exports';
import { cityGapAnalysis, communeGapAnalysis, communePace, gapAnalysisGeometries } from '../gap-analysis';
import { hamletDetails } from '../hamlet-details';
import { monthValues } from '../month-values';
import { activitiesOfMonth, loadActivities } from './activities';
import { activityKindCounts, hamletProfiles } from './dashboard';
import { DEMO_DATASET } from './datasets';
import { fieldHamlets, hamletChoices, monthTotals } from './field-activities';
import { commitBoundaries, communeBoundaryLayers } from './hamlet-boundaries';
import { hamletAnalysisRows, hamletNamesInCommune, hamletRecord, hamletsInBbox } from './hamlets';
import { hamletList, importReference } from './imports';
import { selectRows, type DatabaseHandle } from './index';
import { hamletFiguresByMonth } from './metrics';
import { placeRows } from './places';
import { createPlan } from './plans';
import { databaseSummary } from './summary';
import { loadSurveys } from './surveys';
import { fixtureActivity, fixtureSurvey, loadFixtureData, TEST_ACTOR } from './test-fixtures';
import { openTestDatabase, testDrivers } from './test-databases';
import { tileFeatureRows } from './tiles';
import type { Actor } from './write';

const MONTH = '2026-03-01';
const RETIRED = 4002;
const RETIRED_NAME = 'Tổ dân phố 2';
const STAFF: Extract<Actor, { kind: 'user' }> = {
	kind: 'user',
	id: 'u-commune',
	username: 'can.bo',
	role: 'commune',
	communeCodes: ['00004']
};

/** The z14 tile that holds the fixture hamlets (105.831–105.838, 21.034–21.041). */
function fixtureTile() {
	const z = 14;
	const n = 2 ** z;
	const lng = 105.834;
	const lat = (21.037 * Math.PI) / 180;
	const x = Math.floor(((lng + 180) / 360) * n);
	const y = Math.floor(((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * n);
	return { z, x, y };
}

/** Each read path, and what it shows of the hamlets: their ids, or a count that includes them. */
function readPaths(handle: DatabaseHandle): Record<string, () => Promise<unknown[]>> {
	const db = handle.db;
	const ids = (rows: readonly { id: number }[]) => rows.map((row) => row.id);
	return {
		'map figures of a month (hamletFiguresByMonth)': async () =>
			(await hamletFiguresByMonth(db, [MONTH])).map((row) => row.hamletId),
		'map page values (monthValues)': async () => (await monthValues(db, MONTH)).hamletIds,
		'vector tiles (tileFeatureRows)': async () => ids(await tileFeatureRows(db, 'hamlets', fixtureTile())),
		'hamlets in a bbox (hamletsInBbox)': async () =>
			(await hamletsInBbox(db, [105.8, 21.0, 105.9, 21.1])).features.map((f) => f.properties.id),
		'hamlet panel (hamletDetails, hamletRecord)': async () => [
			(await hamletDetails(db, RETIRED, MONTH))?.hamlet.id,
			(await hamletRecord(db, RETIRED))?.id
		],
		'search (placeRows)': async () =>
			(await placeRows(db)).filter((row) => row.kind === 'hamlet').map((row) => Number(row.id)),
		'gap analysis and hot spots (cityGapAnalysis)': async () =>
			(await cityGapAnalysis(db, MONTH)).hamlets.map((hamlet) => hamlet.id),
		'gap analysis rows (hamletAnalysisRows)': async () => ids(await hamletAnalysisRows(db)),
		'gap polygons (gapAnalysisGeometries)': async () =>
			(await gapAnalysisGeometries(db, MONTH)).features.map((f) => f.properties.id),
		'planner ranking (communeGapAnalysis)': async () =>
			(await communeGapAnalysis(db, '00004', MONTH)).hamlets.map((hamlet) => hamlet.id),
		'planner totals: households (communeGapAnalysis)': async () => [
			(await communeGapAnalysis(db, '00004', MONTH)).totals.households
		],
		'planner pace: households reached (communePace)': async () => [
			await communePace(db, '00004', '2026-03-31', 31)
		],
		"planner month's totals (monthTotals)": async () => [
			(await monthTotals(db, { communeCodes: ['00004'] }, '2026-03-31')).activities
		],
		'city dashboard: adults surveyed of the skills card (cityDashboard)': async () => [
			(await cityDashboard(db, MONTH)).cards.find((card) => card.progress.kpi === 'skills')!.progress
				.denominator
		],
		'commune page hamlets (communeDashboard)': async () =>
			(await communeDashboard(db, '00004', MONTH))!.hamlets.map((hamlet) => hamlet.id),
		'commune page activities (communeDashboard)': async () =>
			(await communeDashboard(db, '00004', MONTH))!.activities.map((month) => JSON.stringify(month)),
		'hamlet table export (hamletTable)': async () =>
			hamletTable((await communeDashboard(db, '00004', MONTH))!).rows.map((row) => row.id),
		'dashboard hamlet profiles (hamletProfiles)': async () => ids(await hamletProfiles(db)),
		'activities by kind (activityKindCounts)': async () =>
			(await activityKindCounts(db)).map((row) => row.activities),
		'activities by topic (activityKindCounts)': async () =>
			(await activityKindCounts(db)).flatMap((row) => Object.values(row.topics)),
		'activity clusters (activitiesOfMonth)': async () =>
			(await activitiesOfMonth(db, MONTH)).map((row) => row.hamletName),
		'field app hamlets (fieldHamlets)': async () => ids(await fieldHamlets(db, ['00004'])),
		'field app corrections (hamletChoices)': async () => ids(await hamletChoices(db, ['00004'])),
		'import matching (importReference)': async () => ids((await importReference(db, '2026-11-29')).hamlets),
		'import templates (hamletList)': async () => ids(await hamletList(db, '00004')),
		"a commune's hamlet names (hamletNamesInCommune)": async () =>
			ids(await hamletNamesInCommune(db, '00004')),
		'boundary page layers (communeBoundaryLayers)': async () =>
			(await communeBoundaryLayers(db, '00004'))!.hamlets.features.map((f) => f.properties.id),
		'hamlet count of the summary (databaseSummary)': async () => [(await databaseSummary(db)).hamlets]
	};
}

describe.each(testDrivers())('a retired hamlet on %s', (driver) => {
	let handle: DatabaseHandle;

	beforeAll(async () => {
		handle = await openTestDatabase(driver);
		await loadFixtureData(handle.db);
		await loadActivities(
			handle.db,
			TEST_ACTOR,
			[{ ...fixtureActivity(2), hamletId: RETIRED, householdsNew: 40, kind: 'class' as const }],
			DEMO_DATASET
		);
		await loadSurveys(
			handle.db,
			TEST_ACTOR,
			[fixtureSurvey(4001, MONTH, 100, 50), fixtureSurvey(RETIRED, MONTH, 200, 20)],
			DEMO_DATASET
		);
	}, 240_000);

	afterAll(async () => {
		await handle?.close();
	});

	it('leaves every read path that shows or counts hamlets, and keeps its history', async () => {
		const paths = readPaths(handle);
		const before: Record<string, unknown[]> = {};
		for (const [name, read] of Object.entries(paths)) before[name] = await read();
		const storedRows = sql`SELECT
				(SELECT count(*) FROM outreach_activities WHERE hamlet_id = ${RETIRED})::int AS activities,
				(SELECT count(*) FROM skill_surveys WHERE hamlet_id = ${RETIRED})::int AS surveys,
				(SELECT count(*) FROM hamlets WHERE id = ${RETIRED})::int AS hamlets`;
		const [storedBefore] = await selectRows(handle.db, storedRows);

		const result = await commitBoundaries(handle.db, STAFF, {
			communeCode: '00004',
			fileName: 'ranh-gioi.geojson',
			sha256: 'a'.repeat(64),
			crsName: 'WGS 84',
			features: [],
			repair: false,
			retire: [RETIRED]
		});
		expect(result.retired).toEqual([RETIRED]);

		for (const [name, read] of Object.entries(paths)) {
			const after = await read();
			const shown = (values: unknown[]) =>
				values.some((value) => value === RETIRED || value === RETIRED_NAME);
			if (shown(before[name]!)) {
				expect.soft(shown(after), `${name} still shows the retired hamlet`).toBe(false);
			} else {
				expect(before[name]!.every((value) => typeof value === 'number' || typeof value === 'string')).toBe(
					true
				);
				// A count or total: the retired hamlet's share goes, so the figure changes.
				expect.soft(after, `${name} still counts the retired hamlet`).not.toEqual(before[name]);
			}
		}
		// Its rows and the trail stay: an undone retirement brings them back as they were.
		expect(await selectRows(handle.db, storedRows)).toEqual([storedBefore]);
		const [event] = await selectRows<{ changes: { retired: number[] } }>(
			handle.db,
			sql`SELECT changes FROM audit_events WHERE action = 'hamlet-boundaries.replace' ORDER BY id DESC LIMIT 1`
		);
		expect(event!.changes.retired).toEqual([RETIRED]);
	}, 240_000);

	it('is refused by the loaders and the planner: no new activity, survey or plan for it', async () => {
		const codeOf = (promise: Promise<unknown>) =>
			promise.then(
				() => 'accepted',
				(error: unknown) => (error instanceof InputError ? error.code : String(error))
			);
		expect(
			await codeOf(
				loadActivities(handle.db, TEST_ACTOR, [{ ...fixtureActivity(9), hamletId: RETIRED }], DEMO_DATASET)
			)
		).toBe('unknown-hamlet');
		expect(
			await codeOf(
				loadSurveys(handle.db, TEST_ACTOR, [fixtureSurvey(RETIRED, '2026-04-01', 10, 1)], DEMO_DATASET)
			)
		).toBe('unknown-hamlet');
		expect(
			await codeOf(
				createPlan(handle.db, STAFF, '00004', {
					name: 'Tháng 12',
					startsOn: '2026-12-01',
					endsOn: '2026-12-31',
					teamId: null,
					expectedHouseholds: 10,
					hamletIds: [RETIRED]
				})
			)
		).toBe('invalid-value');
	});
});

describe('the queries of src/lib/server/db', () => {
	/**
	 * Reads of the hamlets table that may see retired hamlets: how many per module, and why. Every other
	 * query of the table goes through current-hamlets.ts (`${currentHamlets}`, or `isCurrentHamlet` in the
	 * query builder's where). A new one fails here until it takes the rule or is counted with its reason.
	 */
	const MAY_SEE_RETIRED: Record<string, [number, string]> = {
		'hamlets.ts': [3, 'the loaders: checks of the rows just written or named, by id'],
		'hamlet-boundaries.ts': [
			2,
			'new ids follow every id, retired ones included; the undo keeps the replaced hamlets as they were'
		],
		'field-activities.ts': [
			4,
			"a team's own history as recorded, and the stored point of an activity already accepted"
		],
		'imports.ts': [2, 'the register write and its warnings: rows already matched to current hamlets'],
		'plans.ts': [1, 'a saved plan lists the hamlets it was made with'],
		'summary.ts': [1, 'the demo badge counts every demo row the database holds'],
		'synthetic-national.ts': [1, "the national bench's generated data, none retired"],
		'boundary-history.ts': [
			4,
			'the retired hamlets themselves: listed, restored, and the undo of the upload that created some'
		]
	};

	it('read hamlets through the one definition, or are counted here with why they may not', () => {
		const directory = 'src/lib/server/db';
		const counts: Record<string, number> = {};
		for (const file of readdirSync(directory)) {
			if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file === 'current-hamlets.ts') continue;
			const lines = readFileSync(`${directory}/${file}`, 'utf8').split('\n');
			lines.forEach((line, index) => {
				if (!/\b(FROM|JOIN) (hamlets\b|\$\{hamlets\})|\.from\(hamlets\)|Join\(hamlets,/.test(line)) return;
				// Guarded by its where clause, a few lines further.
				if (
					lines
						.slice(index, index + 8)
						.join('\n')
						.includes('isCurrentHamlet')
				)
					return;
				counts[file] = (counts[file] ?? 0) + 1;
			});
		}
		const expected = Object.fromEntries(
			Object.entries(MAY_SEE_RETIRED).map(([file, [count]]) => [file, count])
		);
		expect(counts).toEqual(expected);
	});
});
