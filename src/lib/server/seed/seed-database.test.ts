import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../db/audit';
import { cityOutlineCollection } from '../db/city-outline';
import { loadCommunes } from '../db/communes';
import type { DatabaseHandle } from '../db/index';
import { InputError } from '../../input-error';
import { minorityAreaRecords } from '../db/minority-areas';
import { emptyDatabase } from '../db/reset';
import { databaseSummary } from '../db/summary';
import { openTestDatabase, testDrivers } from '../db/test-databases';
import { parseMinorityAreas } from './read-sources';
import { seedIfEmpty } from './seed-database';
import { TEST_ACTOR } from '../db/test-fixtures';

// A smaller activity count keeps the test quick; the loaders are the same as for the full seed.
const ACTIVITY_COUNT = 5_000;

describe.each(testDrivers())('seeding on %s', (driver) => {
	let handle: DatabaseHandle;
	let brokenGeodataDir: string;

	beforeAll(async () => {
		handle = await openTestDatabase(driver);
		// A copy of geodata/ in which one hamlet of Xã Ba Vì was dragged 20 km east, out of its commune:
		// the generator accepts it, the hamlet loader refuses it after the communes are already written.
		brokenGeodataDir = mkdtempSync(join(tmpdir(), 'gtn-geodata-'));
		cpSync('geodata', brokenGeodataDir, { recursive: true });
		const hamletsPath = join(brokenGeodataDir, 'hamlets-approximate.geojson');
		const collection = JSON.parse(readFileSync(hamletsPath, 'utf8')) as FeatureCollection<MultiPolygon>;
		const moved = collection.features.find((feature) => feature.properties?.communeCode === '09700')!;
		moved.geometry.coordinates = moved.geometry.coordinates.map((polygon) =>
			polygon.map((ring) => ring.map(([lng, lat]) => [lng! + 0.2, lat!]))
		);
		writeFileSync(hamletsPath, JSON.stringify(collection));
	});
	/** The audit events after the one with id `after`, oldest first, as `action entityType`. */
	async function eventsAfter(after: number): Promise<string[]> {
		const { events } = await listAuditEvents(handle.db, {}, { limit: 100, offset: 0 });
		return events
			.filter((event) => event.id > after)
			.reverse()
			.map((event) => `${event.action} ${event.entityType}`);
	}
	const newestEventId = async () =>
		(await listAuditEvents(handle.db, {}, { limit: 1, offset: 0 })).events[0]?.id ?? 0;

	afterAll(async () => {
		await handle?.close();
		rmSync(brokenGeodataDir, { recursive: true, force: true });
	});

	it('a failing seed leaves the database empty, never half-seeded', async () => {
		const error = await seedIfEmpty(handle.db, TEST_ACTOR, {
			geodataDir: brokenGeodataDir,
			activityCount: ACTIVITY_COUNT
		}).catch((thrown: unknown) => thrown);
		expect(error).toBeInstanceOf(InputError);
		expect((error as InputError).message).toMatch(/nằm ngoài xã\/phường 09700/);
		expect(await databaseSummary(handle.db)).toMatchObject({
			communes: 0,
			hamlets: 0,
			teams: 0,
			demoRows: 0
		});
		expect((await databaseSummary(handle.db)).datasets).toEqual([]);
		expect(await eventsAfter(0)).toEqual([]);
	});

	it('gives a database seeded before the outline and areas were tables those two, and nothing else', async () => {
		await loadCommunes(
			handle.db,
			TEST_ACTOR,
			readFileSync('geodata/hanoi_2025_communes_full.geojson', 'utf8')
		);
		const loaded = await newestEventId();
		expect(await seedIfEmpty(handle.db, TEST_ACTOR, { activityCount: ACTIVITY_COUNT })).toBe(true);
		expect(await eventsAfter(loaded)).toEqual([
			'dataset.load city_outlines',
			'dataset.load minority_areas',
			'seed database'
		]);
		expect(await databaseSummary(handle.db)).toMatchObject({ communes: 126, hamlets: 0, demoRows: 0 });
		expect((await cityOutlineCollection(handle.db)).features).toHaveLength(1);
		expect(await minorityAreaRecords(handle.db)).toHaveLength(6);
		expect(await seedIfEmpty(handle.db, TEST_ACTOR, { activityCount: ACTIVITY_COUNT })).toBe(false);
		const seeded = await newestEventId();
		await emptyDatabase(handle.db, TEST_ACTOR);
		expect((await databaseSummary(handle.db)).communes).toBe(0);
		// The trail survives the reset, which records itself.
		expect(await eventsAfter(seeded)).toEqual(['data.reset database']);
	});

	it('seeds the communes and the demo dataset once', async () => {
		const before = await newestEventId();
		expect(await seedIfEmpty(handle.db, TEST_ACTOR, { activityCount: ACTIVITY_COUNT })).toBe(true);
		// One event per load, then the seed's own.
		expect(await eventsAfter(before)).toEqual([
			'dataset.load communes',
			'dataset.load city_outlines',
			'dataset.load minority_areas',
			'dataset.load hamlets',
			'dataset.load teams',
			'dataset.load team_members',
			'dataset.load skill_surveys',
			'dataset.load outreach_activities',
			'seed database'
		]);
		const [seedEvent] = (await listAuditEvents(handle.db, { action: 'seed' }, { limit: 1, offset: 0 }))
			.events;
		expect(seedEvent).toMatchObject({
			actorKind: 'system',
			systemReason: 'test',
			changes: { demo: true, activities: ACTIVITY_COUNT }
		});
		const summary = await databaseSummary(handle.db);
		expect(summary).toMatchObject({ communes: 126, hamlets: 4897, activities: ACTIVITY_COUNT });
		expect(summary.teams).toBeGreaterThan(126 * 3);
		expect(summary.surveys).toBe(4897 * 11);
		// Everything but the 126 official communes is demo data.
		expect(summary.demoRows).toBe(summary.hamlets + summary.teams + summary.activities + summary.surveys);
		expect(summary.datasets.map((dataset) => `${dataset.id}:${dataset.kind}`).sort()).toEqual([
			'demo-2026:demo',
			'hanoi-minority-areas-2026:official',
			'hanoi-units-2025:official'
		]);
		// The city outline and the designated areas are seeded from geodata/ too.
		expect(
			(await cityOutlineCollection(handle.db)).features.map((feature) => feature.properties.code)
		).toEqual(['01']);
		expect(await minorityAreaRecords(handle.db)).toEqual(
			parseMinorityAreas(readFileSync('geodata/hanoi_ethnic_minority_areas_2026.csv', 'utf8'))
		);
		expect(await seedIfEmpty(handle.db, TEST_ACTOR, { activityCount: ACTIVITY_COUNT })).toBe(false);
		expect(await databaseSummary(handle.db)).toEqual(summary);
	});
});
