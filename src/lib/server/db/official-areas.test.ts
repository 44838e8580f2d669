import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cityOutlineCollection, loadCityOutline } from './city-outline';
import type { DatabaseHandle } from './index';
import { InputError } from '../../input-error';
import { loadMinorityAreas, minorityAreaRecords } from './minority-areas';
import { currentDataRevision } from './revision';
import { BOWTIE, loadFixtureData, tableFingerprint, TEST_ACTOR } from './test-fixtures';
import { openTestDatabase, testDrivers } from './test-databases';

const OUTLINE_TEXT = readFileSync('geodata/hanoi_2025_province.geojson', 'utf8');

const TABLES = ['datasets', 'city_outlines', 'minority_areas', 'data_revision'];

/** Expects `load` to throw an InputError with `code`, leaving every table as it was. */
async function expectRefused(handle: DatabaseHandle, load: () => Promise<unknown>, code: string) {
	const before = await tableFingerprint(handle, TABLES);
	const thrown = await load().then(
		() => undefined,
		(error: unknown) => error
	);
	expect(thrown).toBeInstanceOf(InputError);
	expect((thrown as InputError).code).toBe(code);
	expect(await tableFingerprint(handle, TABLES)).toEqual(before);
}

describe.each(testDrivers())('the city outline and minority areas on %s', (driver) => {
	let handle: DatabaseHandle;

	beforeAll(async () => {
		handle = await openTestDatabase(driver);
		await loadFixtureData(handle.db, 0);
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('stores the city outline and gives back the file’s feature, and the data revision moves', async () => {
		const before = await currentDataRevision(handle.db);
		expect(await loadCityOutline(handle.db, TEST_ACTOR, OUTLINE_TEXT)).toBe(1);
		expect((await currentDataRevision(handle.db)).revision).toBeGreaterThan(before.revision);
		const file = JSON.parse(OUTLINE_TEXT) as FeatureCollection;
		const stored = await cityOutlineCollection(handle.db);
		expect(stored.features).toHaveLength(1);
		expect(stored.features[0]!.properties).toEqual({
			code: '01',
			name: 'Hà Nội',
			fullName: 'Thành phố Hà Nội'
		});
		expect(stored.features[0]!.geometry).toEqual(file.features[0]!.geometry);
	});

	it('refuses a broken, invalid or repeated outline and keeps the stored one', async () => {
		const feature = JSON.parse(OUTLINE_TEXT).features[0];
		const collection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
		await expectRefused(handle, () => loadCityOutline(handle.db, TEST_ACTOR, '{"type":'), 'broken-json');
		await expectRefused(
			handle,
			() => loadCityOutline(handle.db, TEST_ACTOR, collection([{ ...feature, geometry: BOWTIE }])),
			'invalid-geometry'
		);
		await expectRefused(
			handle,
			() => loadCityOutline(handle.db, TEST_ACTOR, collection([feature, feature])),
			'duplicate-key'
		);
		await expectRefused(handle, () => loadCityOutline(handle.db, TEST_ACTOR, collection([])), 'empty-file');
	});

	it('replaces the designated areas, in order, and the data revision moves', async () => {
		const before = await currentDataRevision(handle.db);
		const areas = [
			{ level: 'commune', communeCode: '09700', hamletName: null },
			{ level: 'hamlet', communeCode: '00004', hamletName: 'Tổ dân phố 2' }
		] as const;
		expect(await loadMinorityAreas(handle.db, TEST_ACTOR, [...areas])).toBe(2);
		expect(await minorityAreaRecords(handle.db)).toEqual(areas);
		expect((await currentDataRevision(handle.db)).revision).toBeGreaterThan(before.revision);
		expect(await loadMinorityAreas(handle.db, TEST_ACTOR, JSON.stringify([areas[1]]))).toBe(1);
		expect(await minorityAreaRecords(handle.db)).toEqual([areas[1]]);
	});

	it('refuses unknown communes, a level without its name and an area listed twice', async () => {
		const area = { level: 'commune', communeCode: '09700', hamletName: null };
		const load = (rows: unknown[]) => () => loadMinorityAreas(handle.db, TEST_ACTOR, rows);
		await expectRefused(handle, load([{ ...area, communeCode: '99999' }]), 'unknown-commune');
		await expectRefused(handle, load([{ ...area, level: 'hamlet' }]), 'invalid-value');
		await expectRefused(handle, load([{ ...area, hamletName: 'Thôn 1' }]), 'invalid-value');
		await expectRefused(handle, load([area, area]), 'duplicate-key');
	});
});
