// An activities import's rows written but not yet published stay out of every read that shows or counts
// activities, through the one definition in current-activities.ts, and do not move the data revision; the
// publish shows them everywhere at once. The first test walks each read path while rows are pending and
// after their publish; the last one reads this directory's sources so a new query of outreach_activities
// cannot skip the rule unnoticed.
import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cityDashboard, communeDashboard, dashboardMonths } from '../dashboard';
import { hamletTable } from '../dashboard-exports';
import { cityGapAnalysis, communeGapAnalysis, communePace } from '../gap-analysis';
import { hamletDetails } from '../hamlet-details';
import { monthValues } from '../month-values';
import {
	activitiesOfMonth,
	classLocations,
	householdsReachedInCommune,
	latestActivityTemplate
} from './activities';
import { activityKindCounts, teamRows } from './dashboard';
import { listDatasets } from './datasets';
import { activityHistory, monthTotals } from './field-activities';
import { selectRows, type DatabaseHandle } from './index';
import { dataMonths, hamletFiguresByMonth, hamletFiguresThroughMonths } from './metrics';
import { currentDataRevision, currentGeometryRevision } from './revision';
import { databaseSummary } from './summary';
import { loadFixtureData } from './test-fixtures';
import { openTestDatabase, testDrivers } from './test-databases';

const MONTH = '2026-03-01';
const PENDING = 'upload-pending-test';

/** Each read path, and what it shows of the activities (rows or figures that include them). */
function readPaths(handle: DatabaseHandle): Record<string, () => Promise<unknown>> {
	const db = handle.db;
	const scope = { communeCodes: ['00004'] };
	return {
		'map figures of a month (hamletFiguresByMonth)': () => hamletFiguresByMonth(db, [MONTH]),
		'dashboard figures of many months (hamletFiguresThroughMonths)': () =>
			hamletFiguresThroughMonths(db, ['2025-06-01', MONTH, '2026-10-01']),
		'map page values (monthValues)': () => monthValues(db, MONTH),
		'months with data (dataMonths, dashboardMonths)': async () => [
			await dataMonths(db),
			await dashboardMonths(db)
		],
		'hamlet panel (hamletDetails)': () => hamletDetails(db, 4001, MONTH),
		'gap analysis and hot spots (cityGapAnalysis)': () => cityGapAnalysis(db, MONTH),
		'planner ranking (communeGapAnalysis)': () => communeGapAnalysis(db, '00004', MONTH),
		'planner pace (communePace, householdsReachedInCommune)': async () => [
			await communePace(db, '00004', '2026-03-31', 31),
			await householdsReachedInCommune(db, '00004', '2026-03-01', '2026-03-31')
		],
		'gap analysis classes (classLocations)': () => classLocations(db, '2025-01-01', '2026-12-31'),
		'city dashboard (cityDashboard)': () => cityDashboard(db, MONTH),
		'commune page (communeDashboard) and its hamlet table export': async () => {
			const page = await communeDashboard(db, '00004', MONTH);
			return [page, hamletTable(page!).rows];
		},
		'teams and their activities (teamRows)': () => teamRows(db, '2026-10-01'),
		'activities by kind and topic (activityKindCounts)': () => activityKindCounts(db),
		'activity clusters (activitiesOfMonth)': () => activitiesOfMonth(db, MONTH),
		"the synthetic stream's template (latestActivityTemplate)": () => latestActivityTemplate(db),
		'field app history (activityHistory)': () => activityHistory(db, scope, '2025-01-01', '2026-12-31'),
		"field app month's totals (monthTotals)": () => monthTotals(db, scope, '2026-03-31'),
		'summary: activity count and datasets (databaseSummary, listDatasets)': async () => [
			await databaseSummary(db),
			await listDatasets(db)
		]
	};
}

/** Three activities: a class in March, one in June 2025 (a new first month), the latest in October. */
const PENDING_ROWS = [
	['00000000-0000-4000-8000-000000000901', 'class', '2026-03-20', 40],
	['00000000-0000-4000-8000-000000000902', 'door-to-door', '2025-06-15', 7],
	['00000000-0000-4000-8000-000000000903', 'online', '2026-10-20', 5]
] as const;

describe.each(testDrivers())('activities of an import not yet published on %s', (driver) => {
	let handle: DatabaseHandle;

	beforeAll(async () => {
		handle = await openTestDatabase(driver);
		await loadFixtureData(handle.db);
	}, 240_000);

	afterAll(async () => {
		await handle?.close();
	});

	it('are absent from every read path and keep the revisions; the publish shows them in all', async () => {
		const paths = readPaths(handle);
		const before: Record<string, string> = {};
		for (const [name, read] of Object.entries(paths)) before[name] = JSON.stringify(await read());
		const revision = await currentDataRevision(handle.db);
		const geometry = await currentGeometryRevision(handle.db);

		// What writeImport's short transactions leave before the publish: the dataset and rows under it.
		await handle.db.execute(sql`
			INSERT INTO datasets (id, kind, title, source, published_at) VALUES (${PENDING}, 'uploaded', 't', 't.csv', NULL)`);
		for (const [id, kind, day, households] of PENDING_ROWS) {
			await handle.db.execute(sql`
				INSERT INTO outreach_activities (id, hamlet_id, team_id, kind, occurred_on, location, households_new,
					households_revisited, people_guided, topics, idempotency_key, dataset_id)
				VALUES (${id}, 4001, 1, ${kind}, ${day}, ST_SetSRID(ST_MakePoint(105.833, 21.036), 4326), ${households},
					1, 9, '{vneid}', ${`pending-${id}`}, ${PENDING})`);
		}
		for (const [name, read] of Object.entries(paths)) {
			expect.soft(JSON.stringify(await read()), `${name} shows pending rows`).toEqual(before[name]);
		}
		expect(await currentDataRevision(handle.db)).toEqual(revision);

		await handle.db.execute(sql`UPDATE datasets SET published_at = now() WHERE id = ${PENDING}`);
		for (const [name, read] of Object.entries(paths)) {
			// Each path does read activities: published, the rows change what it answers.
			expect
				.soft(JSON.stringify(await read()), `${name} does not show published rows`)
				.not.toEqual(before[name]);
		}
		expect((await currentDataRevision(handle.db)).revision).toBe(revision.revision + 1);
		expect(await currentGeometryRevision(handle.db)).toEqual(geometry);

		const [stored] = await selectRows<{ n: number }>(
			handle.db,
			sql`SELECT count(*)::int AS n FROM outreach_activities WHERE dataset_id = ${PENDING}`
		);
		expect(stored!.n).toBe(PENDING_ROWS.length);
	}, 240_000);
});

describe('the queries of src/lib/server/db', () => {
	/**
	 * Reads of outreach_activities that may see an import's pending rows: how many per module, and why.
	 * Every other query of the table goes through current-activities.ts (`${currentActivities}`, or
	 * `isPublishedActivity` in the query builder's where). A new one fails here until it takes the rule or
	 * is counted with its reason.
	 */
	const MAY_SEE_PENDING: Record<string, [number, string]> = {
		'activities.ts': [1, 'the loader refuses a key already stored: keys are unique over the table'],
		'field-activities.ts': [
			1,
			"a retried field submission's receipt, by its key: field records are published when written"
		],
		'imports.ts': [
			3,
			'whether a key is stored at all before inserting it (unique over the table), the clean-up of unpublished rows, whether a team is referred to'
		],
		'boundary-history.ts': [1, 'whether a hamlet is referred to at all, before an undo deletes it']
	};

	it('read activities through the one definition, or are counted here with why they may not', () => {
		const directory = 'src/lib/server/db';
		const counts: Record<string, number> = {};
		for (const file of readdirSync(directory)) {
			if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file === 'current-activities.ts') continue;
			const lines = readFileSync(`${directory}/${file}`, 'utf8').split('\n');
			lines.forEach((line, index) => {
				if (/DELETE FROM/.test(line)) return;
				if (
					!/\b(FROM|JOIN) (outreach_activities\b|\$\{outreachActivities\})|\.from\(outreachActivities\)/.test(
						line
					)
				)
					return;
				if (
					lines
						.slice(index, index + 8)
						.join('\n')
						.includes('isPublishedActivity')
				)
					return;
				counts[file] = (counts[file] ?? 0) + 1;
			});
		}
		const expected = Object.fromEntries(
			Object.entries(MAY_SEE_PENDING).map(([file, [count]]) => [file, count])
		);
		expect(counts).toEqual(expected);
	});
});
