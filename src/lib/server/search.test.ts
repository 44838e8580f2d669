import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './db/index';
import { loadFixtureData } from './db/test-fixtures';
import { openTestDatabase, testDrivers } from './db/test-databases';
import { searchPlaces } from './search';

describe.each(testDrivers())('searchPlaces on %s', (driver) => {
	let handle: DatabaseHandle;

	beforeAll(async () => {
		handle = await openTestDatabase(driver);
		await loadFixtureData(handle.db, 0);
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('finds Phường Ba Đình from "ba dinh", ignoring diacritics and case, before anything else', async () => {
		const results = await searchPlaces(handle.db, 'ba dinh');
		expect(results[0]).toMatchObject({ kind: 'commune', id: '00004', name: 'Phường Ba Đình', context: '' });
		const [west, south, east, north] = results[0]!.bbox;
		expect(west).toBeLessThan(east);
		expect(south).toBeLessThan(north);
		expect((await searchPlaces(handle.db, '  BA   ĐÌNH '))[0]!.id).toBe('00004');
	});

	it('finds hamlets with their commune, ranks whole-name matches first, and honours the limit', async () => {
		const results = await searchPlaces(handle.db, 'to dan pho 3');
		expect(results[0]).toMatchObject({ kind: 'hamlet', id: '4003', context: 'Phường Ba Đình' });
		expect(await searchPlaces(handle.db, 'tổ dân phố', 2)).toHaveLength(2);
	});

	it('returns nothing for blank or unmatched text', async () => {
		expect(await searchPlaces(handle.db, '   ')).toEqual([]);
		expect(await searchPlaces(handle.db, 'hồ chí minh')).toEqual([]);
	});
});
