import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows, type DatabaseHandle } from './index';
import { databaseSummary } from './summary';
import {
	generateNationalDataset,
	generatedScale,
	importTarget,
	scaleLabel,
	type NationalScale
} from './synthetic-national';
import { testDrivers, openTestDatabase } from './test-databases';
import { tableFingerprint } from './test-fixtures';

const SCALE: NationalScale = { communes: 400, hamletsPerCommune: 10, activities: 3000, months: 3 };

/** The keys, constraints and indexes of the two bulk-loaded tables, as the catalog defines them. */
async function definitions(handle: DatabaseHandle): Promise<string[]> {
	const rows = await selectRows<{ definition: string }>(
		handle.db,
		sql`SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS definition
				FROM pg_constraint WHERE conrelid IN ('outreach_activities'::regclass, 'skill_surveys'::regclass)
			UNION ALL
			SELECT indexdef FROM pg_indexes WHERE tablename IN ('outreach_activities', 'skill_surveys')
			ORDER BY 1`
	);
	return rows.map((row) => row.definition);
}

/** Every generated row, `recorded_at` (the time of the load) aside. */
async function activitiesDigest(handle: DatabaseHandle): Promise<string> {
	const [row] = await selectRows<{ digest: string }>(
		handle.db,
		sql`SELECT md5(string_agg(concat_ws('|', id, hamlet_id, team_id, kind, occurred_on, ST_AsText(location),
				households_new, households_revisited, people_guided, topics, idempotency_key), ',' ORDER BY id)) AS digest
			FROM outreach_activities`
	);
	return row!.digest;
}

describe.each(testDrivers())('the synthetic national dataset (%s)', (driver) => {
	let first: DatabaseHandle;
	let second: DatabaseHandle;
	let emptyDefinitions: string[];

	beforeAll(async () => {
		[first, second] = await Promise.all([openTestDatabase(driver), openTestDatabase(driver)]);
		emptyDefinitions = await definitions(first);
		expect(await generatedScale(first.db)).toBeNull();
		const steps: string[] = [];
		await generateNationalDataset(first.db, SCALE, (step) => steps.push(step));
		expect(steps.at(-1)).toBe('vacuum and analyse');
		await generateNationalDataset(second.db, SCALE);
	}, 300_000);

	afterAll(async () => {
		await Promise.all([first?.close(), second?.close()]);
	});

	it('has the rows of its scale', async () => {
		const summary = await databaseSummary(first.db);
		expect(summary).toMatchObject({
			communes: SCALE.communes,
			hamlets: SCALE.communes * SCALE.hamletsPerCommune,
			teams: SCALE.communes,
			activities: SCALE.activities,
			surveys: SCALE.communes * SCALE.hamletsPerCommune * SCALE.months
		});
	});

	it('rebuilds every key, foreign key and index it dropped for the load, as the migrations define them', async () => {
		expect(emptyDefinitions.length).toBeGreaterThan(5);
		expect(await definitions(first)).toEqual(emptyDefinitions);
		// The foreign keys hold again: a row naming no hamlet is refused.
		await expect(
			first.db.execute(
				sql`UPDATE outreach_activities SET hamlet_id = -1 WHERE ctid = (SELECT min(ctid) FROM outreach_activities)`
			)
		).rejects.toThrow();
	});

	it('gives the same rows at the same scale', async () => {
		expect(await activitiesDigest(first)).toBe(await activitiesDigest(second));
		const tables = ['communes', 'hamlets', 'teams', 'skill_surveys'];
		expect(await tableFingerprint(first, tables)).toEqual(await tableFingerprint(second, tables));
	});

	it('records its scale last, so a kept database is reused only at the same scale', async () => {
		expect(await generatedScale(first.db)).toBe(scaleLabel(SCALE));
		expect(scaleLabel({ ...SCALE, activities: SCALE.activities + 1 })).not.toBe(scaleLabel(SCALE));
	});

	it('names an import target: a commune in the Hanoi region with its team and hamlets', async () => {
		const target = await importTarget(first.db);
		expect(target.hamletIds).toHaveLength(SCALE.hamletsPerCommune);
		expect(target.teamName).toMatch(/^Tổ CĐS /);
		const [inside] = await selectRows<{ inside: boolean }>(
			first.db,
			sql`SELECT bool_and(ST_Within(ST_PointOnSurface(geom), ST_MakeEnvelope(104.51, 20.01, 106.99, 21.99, 4326))) AS inside
				FROM hamlets WHERE commune_code = ${target.communeCode}`
		);
		expect(inside!.inside).toBe(true);
	});
});
