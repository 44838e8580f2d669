import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GAP_WEIGHTS } from '$lib/analysis/gap-weights';
import { DEMO_DATASET } from './db/datasets';
import type { DatabaseHandle } from './db/index';
import { loadSurveys } from './db/surveys';
import { fixtureSurvey, loadFixtureData, TEST_ACTOR } from './db/test-fixtures';
import { openTestDatabase, testDrivers } from './db/test-databases';
import type { ApiErrorBody } from './input-error-http';
import { gapApiResponse, gapBody, hotSpotsBody } from './gap-api';

const OTHER_COUNTS = { withSmartphone: 60, withEpayment: 30, withVneidLevel2: 40 };

describe.each(testDrivers())('the gap and hot-spot API on %s', (driver) => {
	let handle: DatabaseHandle;

	beforeAll(async () => {
		handle = await openTestDatabase(driver);
		// One activity in March 2026; surveys in March and April: the data months are March and April.
		await loadFixtureData(handle.db, 1);
		await loadSurveys(
			handle.db,
			TEST_ACTOR,
			[4001, 4002, 4003, 4004].flatMap((id, index) => [
				fixtureSurvey(id, '2026-03-01', 80, 20 + index * 10, OTHER_COUNTS),
				fixtureSurvey(id, '2026-04-01', 80, 30 + index * 10, OTHER_COUNTS)
			]),
			DEMO_DATASET
		);
	});
	afterAll(async () => {
		await handle?.close();
	});

	function get(path: string, headers: Record<string, string> = {}, endpoint = 'gap', signedIn = false) {
		const request = new Request(`http://localhost${path}`, { headers });
		const build = endpoint === 'gap' ? gapBody : hotSpotsBody;
		return gapApiResponse(handle.db, request, endpoint, (query) => build(handle.db, query), signedIn);
	}

	async function expectError(path: string, status: number, code: string, message: RegExp) {
		const response = await get(path);
		expect(response.status).toBe(status);
		expect(response.headers.get('content-type')).toMatch(/^application\/json/);
		const body = (await response.json()) as ApiErrorBody;
		expect(body.error.code).toBe(code);
		expect(body.error.message).toMatch(message);
		expect(body.error.messageEn.length).toBeGreaterThan(0);
	}

	it('answers the latest month by default, city-wide, with the default weights', async () => {
		const response = await get('/api/gap');
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
		expect(response.headers.get('etag')).toMatch(/^"[0-9a-f-]{36}\.[\w-]{22}"$/);
		const body = (await response.json()) as Record<string, unknown> & { hamlets: { id: number }[] };
		expect(body).toMatchObject({ month: '2026-04', asOf: '2026-04-30', commune: null });
		expect(body.weights).toEqual(DEFAULT_GAP_WEIGHTS);
		expect(body.hamlets.map((hamlet) => hamlet.id)).toEqual([4001, 4002, 4003, 4004]);
	});

	it('serves GeoJSON with the polygons and every field of the analysis', async () => {
		const response = await get('/api/gap?month=2026-03&commune=00004&format=geojson');
		expect(response.headers.get('content-type')).toMatch(/^application\/geo\+json/);
		const body = (await response.json()) as {
			type: string;
			metadata: { month: string; totals: { households: number } };
			features: { id: number; geometry: { type: string }; properties: Record<string, unknown> }[];
		};
		expect(body.type).toBe('FeatureCollection');
		expect(body.metadata.month).toBe('2026-03');
		expect(body.metadata.totals.households).toBe(2060);
		expect(body.features).toHaveLength(4);
		expect(body.features[0]!.geometry.type).toMatch(/Polygon$/);
		expect(Object.keys(body.features[0]!.properties)).toEqual(
			expect.arrayContaining(['gapIndex', 'contributions', 'components', 'normalised', 'flags', 'hotSpot'])
		);
	});

	it('takes weights from the query and says so', async () => {
		const response = await get('/api/gap?weights=skills:3,classDistance:1');
		const body = (await response.json()) as { weights: Record<string, number> };
		expect(body.weights).toMatchObject({ skills: 0.75, classDistance: 0.25, coverage: 0 });
	});

	it('returns hot spots with their labels', async () => {
		const response = await get('/api/hotspots?commune=00004', {}, 'hotspots');
		const body = (await response.json()) as {
			counts: Record<string, number>;
			hamlets: { hotSpotClass: string; label: { vi: string } }[];
		};
		expect(Object.values(body.counts).reduce((a, b) => a + b, 0)).toBe(4);
		expect(body.hamlets[0]!.label.vi.length).toBeGreaterThan(0);
	});

	it('answers 304 when the client has the current revision, and a new ETag per query', async () => {
		const first = await get('/api/gap?commune=00004');
		const etag = first.headers.get('etag')!;
		const again = await get('/api/gap?commune=00004', { 'if-none-match': etag });
		expect(again.status).toBe(304);
		expect(await again.text()).toBe('');
		const other = await get('/api/gap?commune=00004&format=geojson');
		expect(other.headers.get('etag')).not.toBe(etag);
		// The same query written differently is the same resource.
		const same = await get('/api/gap?commune=00004&month=2026-04&format=json');
		expect(same.headers.get('etag')).toBe(etag);
	});

	it('refuses bad input with a Vietnamese message, 400 or 404', async () => {
		await expectError('/api/gap?month=2026-13', 400, 'invalid-month', /Tháng không hợp lệ/);
		await expectError('/api/gap?month=tháng 3', 400, 'invalid-month', /Tháng không hợp lệ/);
		await expectError('/api/gap?month=2025-12', 400, 'unknown-month', /Không có số liệu tháng 2025-12/);
		await expectError('/api/gap?commune=99999', 404, 'unknown-commune', /Không có xã\/phường mã "99999"/);
		await expectError('/api/hotspots?commune=abc', 404, 'unknown-commune', /Không có xã\/phường/);
		await expectError('/api/gap?weights=skills:-1', 400, 'invalid-weights', /không được âm/);
		await expectError('/api/gap?weights=skills:NaN', 400, 'invalid-weights', /số hữu hạn/);
		await expectError('/api/gap?weights=wealth:1', 400, 'invalid-weights', /Thành phần không xác định/);
		await expectError('/api/gap?weights=skills:0,coverage:0', 400, 'invalid-weights', /lớn hơn 0/);
		await expectError('/api/gap?format=csv', 400, 'invalid-format', /Định dạng không hỗ trợ/);
	});

	it('lists every invalid weight in the error details, never cached', async () => {
		const response = await get('/api/gap?weights=skills:-1,wealth:1');
		expect(response.headers.get('cache-control')).toBe('no-store');
		const body = (await response.json()) as ApiErrorBody;
		expect(body.error.details).toHaveLength(2);
		const month = (await (await get('/api/gap?month=2026-13')).json()) as ApiErrorBody;
		expect(month.error).not.toHaveProperty('details');
	});

	it('withholds figures on too few people from anonymous requests, not from signed-in ones', async () => {
		// A May survey of 6 adults in 4004: May becomes the latest month, and 4004's survey rates too few.
		await loadSurveys(
			handle.db,
			TEST_ACTOR,
			[4001, 4002, 4003].map((id) => fixtureSurvey(id, '2026-05-01', 80, 50, OTHER_COUNTS)),
			DEMO_DATASET
		);
		await loadSurveys(handle.db, TEST_ACTOR, [fixtureSurvey(4004, '2026-05-01', 6, 3)], DEMO_DATASET);
		type Hamlet = {
			id: number;
			gapIndex: number | null;
			withheld?: string[];
			rates: { skills: { raw: number | null } };
		};
		const hamletsOf = async (response: Response) =>
			((await response.json()) as { hamlets: Hamlet[] }).hamlets;
		const anonymous = await get('/api/gap?month=2026-05');
		const publicHamlets = await hamletsOf(anonymous);
		const withheld = publicHamlets.find((hamlet) => hamlet.id === 4004)!;
		expect(withheld).toMatchObject({ gapIndex: null, withheld: ['skills', 'gap'] });
		expect(withheld.rates.skills.raw).toBeNull();
		expect(publicHamlets.find((hamlet) => hamlet.id === 4001)).toMatchObject({ withheld: [] });
		expect(publicHamlets.find((hamlet) => hamlet.id === 4001)!.gapIndex).toEqual(expect.any(Number));

		const signedIn = await get('/api/gap?month=2026-05', {}, 'gap', true);
		expect(signedIn.headers.get('cache-control')).toMatch(/^private/);
		expect(signedIn.headers.get('etag')).not.toBe(anonymous.headers.get('etag'));
		const full = (await hamletsOf(signedIn)).find((hamlet) => hamlet.id === 4004)!;
		expect(full.gapIndex).toEqual(expect.any(Number));
		expect(full).not.toHaveProperty('withheld');

		const hotSpots = (await (await get('/api/hotspots?month=2026-05', {}, 'hotspots')).json()) as {
			hamlets: Hamlet[];
		};
		expect(hotSpots.hamlets.find((hamlet) => hamlet.id === 4004)).toMatchObject({
			gapIndex: null,
			withheld: ['skills', 'gap']
		});
	});
});
