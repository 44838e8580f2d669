import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DATASET } from './db/datasets';
import type { DatabaseHandle } from './db/index';
import { loadSurveys } from './db/surveys';
import { fixtureSurvey, loadFixtureData, TEST_ACTOR } from './db/test-fixtures';
import { openTestDatabase, testDrivers } from './db/test-databases';
import type { ApiErrorBody } from './input-error-http';
import { communePlaces, searchPlaces } from './search';
import { searchResponse } from './search-request';

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

	it('lists a commune’s hamlets in name order for its panel, each with its bounds; null for no commune', async () => {
		const places = await communePlaces(handle.db, '00004');
		expect(places?.commune).toMatchObject({ kind: 'commune', id: '00004', name: 'Phường Ba Đình' });
		const names = places!.hamlets.map((hamlet) => hamlet.name);
		expect(names.length).toBeGreaterThan(1);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'vi', { numeric: true })));
		expect(
			places!.hamlets.every((hamlet) => hamlet.kind === 'hamlet' && hamlet.context === 'Phường Ba Đình')
		).toBe(true);
		expect(Object.keys(places!.hamlets[0]!).sort()).toEqual(['bbox', 'context', 'id', 'kind', 'name']);
		expect(await communePlaces(handle.db, '99999')).toBeNull();
	});

	it('returns nothing for blank or unmatched text', async () => {
		expect(await searchPlaces(handle.db, '   ')).toEqual([]);
		expect(await searchPlaces(handle.db, 'hồ chí minh')).toEqual([]);
	});

	// GET /api/search comes last: its ETag test writes, which changes the data revision.
	const get = (query: string, headers: Record<string, string> = {}) =>
		searchResponse(handle.db, new Request(`http://localhost/api/search?${query}`, { headers }));

	it('answers with the results, an ETag from the data revision, to be revalidated', async () => {
		const response = await get('q=ba%20dinh&limit=3');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^application\/json/);
		expect(response.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
		expect(response.headers.get('etag')).toMatch(/^"[0-9a-f-]{36}\.[\w-]{22}"$/);
		const body = (await response.json()) as { results: { id: string }[] };
		expect(body.results[0]!.id).toBe('00004');
	});

	it('answers 304 while the data and the query are the same, and a new ETag after a write', async () => {
		const etag = (await get('q=ba%20dinh')).headers.get('etag')!;
		const again = await get('q=ba%20dinh', { 'if-none-match': etag });
		expect(again.status).toBe(304);
		expect(await again.text()).toBe('');
		// The same search written differently is the same resource; another limit is not.
		expect((await get('q=BA%20%C4%90%C3%8CNH')).headers.get('etag')).toBe(etag);
		expect((await get('q=ba%20dinh&limit=2')).headers.get('etag')).not.toBe(etag);

		await loadSurveys(handle.db, TEST_ACTOR, [fixtureSurvey(4001, '2026-03-01', 80, 40)], DEMO_DATASET);
		const afterWrite = await get('q=ba%20dinh', { 'if-none-match': etag });
		expect(afterWrite.status).toBe(200);
		expect(afterWrite.headers.get('etag')).not.toBe(etag);
	});

	it.each([
		['q=' + 'a'.repeat(101), 'query-too-long'],
		['q=ba&limit=0', 'invalid-limit'],
		['q=ba&limit=51', 'invalid-limit'],
		['q=ba&limit=2.5', 'invalid-limit']
	])('refuses %s with a 400 in Vietnamese and English, never cached', async (query, code) => {
		const response = await get(query);
		expect(response.status).toBe(400);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const body = (await response.json()) as ApiErrorBody;
		expect(body.error.code).toBe(code);
		expect(body.error.message.length).toBeGreaterThan(0);
		expect(body.error.messageEn.length).toBeGreaterThan(0);
	});
});
