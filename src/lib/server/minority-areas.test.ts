import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommunes } from './db/communes';
import type { DatabaseHandle } from './db/index';
import { loadMinorityAreas } from './db/minority-areas';
import { fixtureCommunesText, TEST_ACTOR } from './db/test-fixtures';
import { openTestDatabase, testDrivers } from './db/test-databases';
import { isDesignatedMinority, minorityDesignations, minorityDesignationsFrom } from './minority-areas';
import { parseMinorityAreas } from './seed/read-sources';

/** The committed designations, as the seed loads them. */
const GEODATA_AREAS = parseMinorityAreas(
	readFileSync('geodata/hanoi_ethnic_minority_areas_2026.csv', 'utf8')
);

describe.each(testDrivers())('minority designations (Quyết định 201/QĐ-UBND) on %s', (driver) => {
	let handle: DatabaseHandle;

	beforeAll(async () => {
		handle = await openTestDatabase(driver);
		await loadCommunes(
			handle.db,
			TEST_ACTOR,
			fixtureCommunesText(GEODATA_AREAS.map((area) => area.communeCode))
		);
		await loadMinorityAreas(handle.db, TEST_ACTOR, GEODATA_AREAS);
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('reads the five designated xã and the named thôn loaded from the geodata CSV', async () => {
		const designations = await minorityDesignations(handle.db);
		expect([...designations.communeCodes].sort()).toEqual(['04930', '09694', '09700', '09706', '10441']);
		expect(designations.hamletNamesByCommune.get('10081')).toEqual(['Thôn Đồng Ké']);
		// Read once: the same object on every call while the data does not change.
		expect(await minorityDesignations(handle.db)).toBe(designations);
	});

	it('designates every hamlet of a designated xã', async () => {
		const designations = await minorityDesignations(handle.db);
		expect(isDesignatedMinority(designations, { communeCode: '09700', name: 'Thôn 1' })).toBe(true);
		expect(isDesignatedMinority(designations, { communeCode: '00004', name: 'Tổ dân phố 1' })).toBe(false);
	});

	it('matches a designated thôn by name within its commune only, whatever the marks and kind prefix', async () => {
		const designations = await minorityDesignations(handle.db);
		// GeoNames spells it 'Đong Kế'; the decision says 'Thôn Đồng Ké'.
		expect(isDesignatedMinority(designations, { communeCode: '10081', name: 'Đong Kế' })).toBe(true);
		expect(isDesignatedMinority(designations, { communeCode: '10081', name: 'thôn dong ke' })).toBe(true);
		expect(isDesignatedMinority(designations, { communeCode: '10081', name: 'Thôn 1' })).toBe(false);
		expect(isDesignatedMinority(designations, { communeCode: '00004', name: 'Thôn Đồng Ké' })).toBe(false);
	});

	it('follows an upload: new designations are read on the next call', async () => {
		const before = await minorityDesignations(handle.db);
		await loadMinorityAreas(handle.db, TEST_ACTOR, [
			{ level: 'commune', communeCode: '09700', hamletName: null }
		]);
		const after = await minorityDesignations(handle.db);
		expect(after).not.toBe(before);
		expect([...after.communeCodes]).toEqual(['09700']);
		expect(after.hamletNamesByCommune.size).toBe(0);
		await loadMinorityAreas(handle.db, TEST_ACTOR, GEODATA_AREAS);
	});
});

describe('minority designations from rows', () => {
	it('groups parsed rows by level', () => {
		const grouped = minorityDesignationsFrom([
			{ level: 'commune', communeCode: '11111', hamletName: null },
			{ level: 'hamlet', communeCode: '22222', hamletName: 'Bản Mường' },
			{ level: 'hamlet', communeCode: '22222', hamletName: 'Thôn Dao' }
		]);
		expect([...grouped.communeCodes]).toEqual(['11111']);
		expect(grouped.hamletNamesByCommune.get('22222')).toEqual(['Bản Mường', 'Thôn Dao']);
	});
});
