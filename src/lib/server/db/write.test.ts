import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DATASET } from './datasets';
import type { DatabaseHandle } from './index';
import { createPlan, listPlans } from './plans';
import { currentDataRevision } from './revision';
import { loadTeams } from './teams';
import { loadFixtureData, tableFingerprint, TEST_ACTOR } from './test-fixtures';
import { openTestDatabase, testDrivers } from './test-databases';
import { withWrite } from './write';
import type { AuditEntry } from './audit';

const TABLES = [
	'datasets',
	'communes',
	'hamlets',
	'teams',
	'plans',
	'plan_hamlets',
	'data_revision',
	'audit_events'
];

/** The event of a test's own write around the loaders (which record theirs). */
const OUTER_EVENT: AuditEntry = { action: 'seed', entityType: 'test', entityId: null, changes: null };

/** A team of Ba Đình that the fixture does not have. */
const NEW_TEAM = { id: 3, communeCode: '00004', name: 'Tổ CĐS số 2', members: 6, membersTrained: 2 };

describe.each(testDrivers())('withWrite on %s', (driver) => {
	let handle: DatabaseHandle;

	beforeAll(async () => {
		handle = await openTestDatabase(driver);
		await loadFixtureData(handle.db);
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('hands the writer the actor and a transaction, and commits what it writes', async () => {
		const before = await currentDataRevision(handle.db);
		const result = await withWrite(handle.db, TEST_ACTOR, async (tx, actor) => {
			expect(actor).toBe(TEST_ACTOR);
			return { value: await loadTeams(tx, actor, [NEW_TEAM], DEMO_DATASET), audit: OUTER_EVENT };
		});
		expect(result).toBe(1);
		expect((await currentDataRevision(handle.db)).revision).toBeGreaterThan(before.revision);
	});

	it('a dry run runs the writer, returns its result and leaves every table as it was', async () => {
		const before = await tableFingerprint(handle, TABLES);
		const plan = await withWrite(
			handle.db,
			TEST_ACTOR,
			async (tx, actor) => {
				// Two writes, the second one reading the first: both see the dry run's own rows.
				await loadTeams(tx, actor, [{ ...NEW_TEAM, id: 4, name: 'Tổ CĐS số 3' }], DEMO_DATASET);
				const value = await createPlan(tx, actor, '00004', {
					name: 'Thử',
					startsOn: '2026-12-01',
					endsOn: '2026-12-05',
					teamId: 4,
					expectedHouseholds: 40,
					hamletIds: [4002, 4001]
				});
				return { value, audit: OUTER_EVENT };
			},
			{ dryRun: true }
		);
		expect(plan).toMatchObject({ name: 'Thử', teamId: 4, teamName: 'Tổ CĐS số 3' });
		expect(plan.hamlets.map((hamlet) => hamlet.id)).toEqual([4002, 4001]);
		expect(await tableFingerprint(handle, TABLES)).toEqual(before);
		expect(await listPlans(handle.db, '00004')).toEqual([]);
	});

	it('a dry run whose writer throws rolls back and throws the same error', async () => {
		const before = await tableFingerprint(handle, TABLES);
		const refused = new Error('refused');
		await expect(
			withWrite(
				handle.db,
				TEST_ACTOR,
				async (tx, actor) => {
					await loadTeams(tx, actor, [{ ...NEW_TEAM, id: 5 }], DEMO_DATASET);
					throw refused;
				},
				{ dryRun: true }
			)
		).rejects.toBe(refused);
		expect(await tableFingerprint(handle, TABLES)).toEqual(before);
	});

	it('a write nested in another commits or rolls back with the outer one', async () => {
		const before = await tableFingerprint(handle, TABLES);
		await expect(
			withWrite(handle.db, TEST_ACTOR, async (tx, actor) => {
				await loadTeams(tx, actor, [{ ...NEW_TEAM, id: 6 }], DEMO_DATASET);
				throw new Error('outer write fails after the nested one');
			})
		).rejects.toThrow('outer write fails');
		expect(await tableFingerprint(handle, TABLES)).toEqual(before);
	});
});

/** Every TypeScript and Svelte file under `directory`, recursively. */
function sourceFiles(directory: string): string[] {
	return readdirSync(directory).flatMap((name) => {
		const path = join(directory, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return /\.(ts|js|svelte)$/.test(name) ? [path] : [];
	});
}

describe('the one write path', () => {
	it('is the only place that opens a transaction', () => {
		const opening = /\.transaction\s*\(/;
		const offenders = ['src', 'scripts', 'bench', 'tests', 'geodata']
			.flatMap(sourceFiles)
			.filter((path) => path !== join('src', 'lib', 'server', 'db', 'write.ts'))
			.filter((path) => opening.test(readFileSync(path, 'utf8')));
		expect(offenders).toEqual([]);
	});
});
