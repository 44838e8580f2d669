import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { Map } from 'maplibre-gl';
import { MAP_READY_EVENT, type MapReadyDetail } from '../src/lib/map/events';
import { PLAN_LAYER_IDS, PLAN_SOURCE_ID } from '../src/routes/communes/[code]/plan/plan-map-style';
import { DEMO_USERS, signIn } from './accounts';
import { expectNoAxeViolations } from './axe';

/** Xã Ba Vì: a designated minority xã with 15 thôn in the demo data. */
const PLANNER = '/communes/09700/plan';

type MapWindow = Window & { __map?: Map };

/** A hamlet of Xã Ba Vì, as the gap API lists them. */
async function baViHamletId(request: APIRequestContext): Promise<number> {
	const gap = await request.get('/api/gap?commune=09700&format=geojson');
	const { features } = (await gap.json()) as { features: { properties: { id: number } }[] };
	return features[0]!.properties.id;
}

/** Collects console errors and uncaught exceptions: they must stay empty. */
function watchForProblems(page: Page): string[] {
	const problems: string[] = [];
	page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push(`console: ${message.text()}`);
	});
	return problems;
}

/** Opens the planner and waits for the ranking and the map; the map is then `window.__map`. */
async function openPlanner(page: Page, path = PLANNER): Promise<void> {
	await page.addInitScript((eventName) => {
		document.addEventListener(eventName, (event) => {
			(window as MapWindow).__map = (event as CustomEvent<MapReadyDetail>).detail.map;
		});
	}, MAP_READY_EVENT);
	await page.goto(path);
	await expect(page.getByTestId('map')).toHaveAttribute('data-map-idle', 'true');
}

/** The ranking as [hamlet id, gap index] pairs, top first. */
async function ranking(page: Page): Promise<[number, number][]> {
	return page
		.getByTestId('ranking-row')
		.evaluateAll((rows) =>
			rows.map((row) => [
				Number(row.getAttribute('data-hamlet-id')),
				Number(row.getAttribute('data-gap-index'))
			])
		);
}

function expectDescending(rows: [number, number][]): void {
	for (let position = 1; position < rows.length; position++) {
		expect(rows[position - 1]![1]).toBeGreaterThanOrEqual(rows[position]![1]);
	}
}

/** Deletes a saved plan as a planner does: "Xóa", read the question, confirm; the plan leaves the list. */
async function deletePlan(page: Page, name: string): Promise<void> {
	const plan = page.getByTestId('saved-plan').filter({ hasText: name });
	await plan.locator('summary', { hasText: 'Xóa' }).click();
	await expect(plan.locator('details.delete')).toContainText(
		`Xóa kế hoạch "${name}"? Có thể hoàn tác trong 10 phút.`
	);
	await plan.getByTestId('confirm-delete').click();
	await expect(page.getByTestId('saved-plan').filter({ hasText: name })).toHaveCount(0);
}

async function screenshot(page: Page, name: string): Promise<void> {
	const path = test.info().outputPath(`${name}.png`);
	await page.screenshot({ path, fullPage: true });
	await test.info().attach(name, { path, contentType: 'image/png' });
}

test.describe('the commune planner', () => {
	// The planner needs a sign-in: the staff of Xã Ba Vì, who may read and write its plans.
	test.beforeEach(async ({ page }) => {
		await signIn(page, DEMO_USERS.commune);
	});

	test('ranks the hamlets by gap index and re-ranks live when a weight moves', async ({ page }) => {
		const problems = watchForProblems(page);
		await openPlanner(page);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Lập kế hoạch: Xã Ba Vì');

		const before = await ranking(page);
		expect(before.length).toBe(15);
		expectDescending(before);
		const firstRow = page.getByTestId('ranking-row').first();
		await expect(firstRow).toContainText('Nông thôn');
		await expect(firstRow).toContainText('DTTS');

		// "Xa lớp học" to the maximum and every other component to 0, with the keyboard.
		for (const slider of await page.getByTestId('weight-sliders').getByRole('slider').all()) {
			await slider.focus();
			await page.keyboard.press(
				(await slider.getAttribute('id')) === 'weight-classDistance' ? 'End' : 'Home'
			);
		}
		await expect(page.getByTestId('weight-classDistance')).toHaveValue('100');
		await expect(page.locator('output[for="weight-classDistance"]')).toHaveText('100%');
		const after = await ranking(page);
		expectDescending(after);
		expect(after.map(([id]) => id)).not.toEqual(before.map(([id]) => id));
		await expect(page.getByTestId('ranking-row').first()).toContainText('Xa lớp học');
		await screenshot(page, 'planner-classes-only');

		// All at 0 is refused in words; reset brings the default order back.
		await page.getByTestId('weight-classDistance').focus();
		await page.keyboard.press('Home');
		await expect(page.getByTestId('weight-sliders').getByRole('alert')).toContainText(
			'Cần ít nhất một trọng số lớn hơn 0'
		);
		await page.getByRole('button', { name: /Đặt lại trọng số mặc định/ }).click();
		expect((await ranking(page)).map(([id]) => id)).toEqual(before.map(([id]) => id));
		expect(problems).toEqual([]);
	});

	test('labels hamlets on the map and shades them on the city or the commune scale', async ({ page }) => {
		const problems = watchForProblems(page);
		await openPlanner(page);
		const indices = (await ranking(page)).map(([, index]) => index);
		const gapState = (id: number) =>
			page.evaluate(
				({ source, id }) => (window as MapWindow).__map!.getFeatureState({ source, id }).gap as number,
				{ source: PLAN_SOURCE_ID, id }
			);
		const [topId, topIndex] = (await ranking(page))[0]!;
		await expect(page.getByTestId('plan-map-ramp-ends')).toHaveText(/^0\s*50\s*100$/);
		expect(await gapState(topId)).toBeCloseTo(topIndex, 1);

		// Within the commune, the highest hamlet takes the darkest colour and the ramp says its own range.
		await page.getByTestId('plan-map-scale-commune').check();
		await expect.poll(() => gapState(topId)).toBeCloseTo(100, 5);
		const low = Math.min(...indices).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
		const high = Math.max(...indices).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
		await expect(page.getByTestId('plan-map-ramp-ends')).toContainText(low);
		await expect(page.getByTestId('plan-map-ramp-ends')).toContainText(high);

		// Hamlet names are drawn on the map.
		const labelled = await page.evaluate(
			(layer) => (window as MapWindow).__map!.queryRenderedFeatures({ layers: [layer] }).length,
			PLAN_LAYER_IDS.labels
		);
		expect(labelled).toBeGreaterThan(0);
		expect(problems).toEqual([]);
	});

	test('highlights a hamlet on the map from the table, and the row from the map', async ({ page }) => {
		const problems = watchForProblems(page);
		await openPlanner(page);
		const [firstId] = (await ranking(page))[0]!;
		await page.getByTestId('ranking-row').first().hover();
		await expect
			.poll(() =>
				page.evaluate(
					({ source, id }) => (window as MapWindow).__map!.getFeatureState({ source, id }).hover,
					{ source: PLAN_SOURCE_ID, id: firstId }
				)
			)
			.toBe(true);

		// Click the middle of the last hamlet of the ranking on the map: its row becomes active.
		const lastRow = page.getByTestId('ranking-row').last();
		const lastId = Number(await lastRow.getAttribute('data-hamlet-id'));
		const point = await page.evaluate(
			({ layer, id }) => {
				const map = (window as MapWindow).__map!;
				const feature = map
					.queryRenderedFeatures({ layers: [layer] })
					.find((candidate) => candidate.id === id)!;
				const geometry = feature.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon;
				const ring = geometry.type === 'Polygon' ? geometry.coordinates[0]! : geometry.coordinates[0]![0]!;
				// The mean of the ring's vertices lies inside these compact cells; check before clicking.
				const lng = ring.reduce((sum, position) => sum + position[0]!, 0) / ring.length;
				const lat = ring.reduce((sum, position) => sum + position[1]!, 0) / ring.length;
				const pixel = map.project([lng, lat]);
				const hit = map.queryRenderedFeatures(pixel, { layers: [layer] })[0];
				return { x: pixel.x, y: pixel.y, hitId: hit?.id };
			},
			{ layer: PLAN_LAYER_IDS.fill, id: lastId }
		);
		expect(point.hitId).toBe(lastId);
		const canvas = page.getByTestId('map').locator('canvas');
		await canvas.click({ position: { x: point.x, y: point.y } });
		await expect(lastRow).toHaveClass(/active/);
		await expect(lastRow).toBeInViewport();
		expect(problems).toEqual([]);
	});

	test('picks next targets, refuses a bad plan without saving, saves a good one that survives a reload, exports it', async ({
		page
	}) => {
		const problems = watchForProblems(page);
		await openPlanner(page);

		// Zero capacity is refused in Vietnamese, with nothing picked.
		await page.getByTestId('capacity-team-days').fill('0');
		await page.getByRole('button', { name: /Chọn địa bàn/ }).click();
		await expect(page.getByRole('alert').filter({ hasText: 'Số ngày công phải lớn hơn 0' })).toBeVisible();
		await expect(page.getByTestId('next-target')).toHaveCount(0);

		// Next targets within 2 teams × 10 team-days at 25 households a day.
		await page.getByTestId('capacity-teams').fill('2');
		await page.getByTestId('capacity-team-days').fill('10');
		await page.getByTestId('capacity-per-day').fill('25');
		await page.getByRole('button', { name: /Chọn địa bàn/ }).click();
		const picks = page.getByTestId('next-target');
		await expect(picks.first()).toBeVisible();
		const pickCount = await picks.count();
		expect(pickCount).toBeGreaterThan(0);
		// One plain reason per pick; the components and the arithmetic wait behind "Cách tính".
		await expect(page.getByTestId('next-targets')).toContainText('Thứ tự đề xuất');
		await expect(page.getByTestId('next-targets')).not.toContainText('tham lam');
		await expect(picks.first().getByTestId('next-target-reason')).toContainText(
			/người chưa có kỹ năng số trong [\d,]+ ngày công, khoảng [\d.,]+ người mỗi ngày công/
		);
		const details = picks.first().locator('details');
		await expect(details.getByText(/Thiếu kỹ năng số: \d+ điểm/)).toBeHidden();
		await details.locator('summary').click();
		await expect(details.getByText(/Thiếu kỹ năng số: \d+ điểm/)).toBeVisible();
		await expect(details).toContainText(/^.*Thứ tự 1: /s);
		await expect(page.getByTestId('days-needed')).toContainText('ngày với 2 tổ');
		await expect(page.getByTestId('projected-completion')).toContainText(/\d{2}\/\d{2}\/\d{4}/);
		const pickedNames = await picks.locator('strong').allTextContents();

		await page.getByTestId('use-picks').click();
		const pickedList = page.getByTestId('picked-hamlets').getByRole('listitem');
		await expect(pickedList).toHaveCount(pickCount);
		const expected = page.getByLabel(/Số hộ dự kiến tiếp cận/);
		await expect(expected).not.toHaveValue('');
		const expectedHouseholds = await expected.inputValue();
		const savedBefore = await page.getByTestId('saved-plan').count();

		// Bad input: no name and an end before the start. Refused in Vietnamese, nothing saved, picks kept.
		await page.getByLabel(/Tên kế hoạch/).fill('');
		await page.getByLabel(/Từ ngày/).fill('2026-12-10');
		await page.getByLabel(/Đến ngày/).fill('2026-12-01');
		await page.getByRole('button', { name: /Lưu kế hoạch/ }).click();
		const errors = page.getByTestId('plan-errors');
		await expect(errors).toContainText('Cần nhập tên kế hoạch');
		await expect(errors).toContainText('Ngày kết thúc phải bằng hoặc sau ngày bắt đầu');
		await expect(page.getByTestId('saved-plan')).toHaveCount(savedBefore);
		await expect(pickedList).toHaveCount(pickCount);
		await screenshot(page, 'planner-refused');

		// Fixed: saved, listed, and still there after a reload.
		const name = `Đợt ưu tiên Ba Vì ${Date.now()}`;
		await page.getByLabel(/Tên kế hoạch/).fill(name);
		await page.getByLabel(/Từ ngày/).fill('2026-12-01');
		await page.getByLabel(/Đến ngày/).fill('2026-12-10');
		await page.getByLabel(/Tổ CĐS thực hiện/).selectOption({ index: 1 });
		await page.getByRole('button', { name: /Lưu kế hoạch/ }).click();
		const saved = page.getByTestId('saved-plan').filter({ hasText: name });
		await expect(saved).toHaveCount(1);
		await expect(page.getByTestId('saved-notice')).toContainText(`Đã lưu kế hoạch "${name}"`);
		await page.reload();
		await expect(saved).toHaveCount(1);
		for (const pickedName of pickedNames)
			await expect(saved.getByTestId('saved-plan-hamlets')).toContainText(pickedName);
		await expect(saved).toContainText(`${Number(expectedHouseholds).toLocaleString('vi-VN')} hộ dự kiến`);
		await screenshot(page, 'planner-saved');

		// CSV: UTF-8 with a byte-order mark, Vietnamese headers, one row per hamlet in the plan's order.
		const downloading = page.waitForEvent('download');
		await saved.getByTestId('plan-csv').click();
		const download = await downloading;
		expect(download.suggestedFilename()).toMatch(/\.csv$/);
		const bytes = readFileSync(await download.path());
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
		expect(lines[0]).toContain('STT,Kế hoạch,Từ ngày,Đến ngày,Tổ CĐS');
		expect(lines).toHaveLength(pickCount + 1);
		lines.slice(1).forEach((line, index) => {
			expect(line.startsWith(`${index + 1},`)).toBe(true);
			expect(line).toContain(name);
			expect(line).toContain('01/12/2026');
		});
		for (const pickedName of pickedNames) expect(lines.join('\n')).toContain(pickedName);

		// The printable A4 page.
		await saved.getByTestId('plan-print').click();
		const sheet = page.getByTestId('print-sheet');
		await expect(sheet).toContainText('UBND XÃ BA VÌ');
		await expect(sheet).toContainText(name);
		await expect(sheet).toContainText('Từ 01/12/2026 đến 10/12/2026');
		await expect(page.getByTestId('print-row')).toHaveCount(pickCount);
		await expect(page.getByTestId('print-row').first()).toContainText(/điểm/);
		await expect(sheet).toContainText('Người lập kế hoạch');
		await expect(sheet).toContainText('Xác nhận của UBND xã');
		await expectNoAxeViolations(page);
		await page.emulateMedia({ media: 'print' });
		await screenshot(page, 'plan-print');
		await page.emulateMedia({ media: 'screen' });

		// Delete asks first, says it was deleted, and can be undone; deleted again, the list is as it was.
		await page.goBack();
		await deletePlan(page, name);
		const deletedNotice = page.getByTestId('deleted-notice');
		await expect(deletedNotice).toContainText(`Đã xóa kế hoạch "${name}".`);
		await deletedNotice.getByRole('button', { name: 'Hoàn tác việc xóa kế hoạch' + ` ${name}` }).click();
		await expect(page.getByTestId('saved-notice')).toContainText(`Đã khôi phục kế hoạch "${name}".`);
		await expect(page.getByTestId('saved-plan').filter({ hasText: name })).toHaveCount(1);
		await deletePlan(page, name);
		await expect(page.getByTestId('saved-plan')).toHaveCount(savedBefore);
		expect(problems).toEqual([]);
	});

	test('a saved plan keeps the weights it was ranked with, and its printed page shows them', async ({
		page
	}) => {
		const problems = watchForProblems(page);
		await openPlanner(page);
		// Rank by distance from classes alone.
		for (const slider of await page.getByTestId('weight-sliders').getByRole('slider').all()) {
			await slider.focus();
			await page.keyboard.press(
				(await slider.getAttribute('id')) === 'weight-classDistance' ? 'End' : 'Home'
			);
		}
		const [topId, topIndex] = (await ranking(page))[0]!;
		await page.getByTestId('ranking-row').first().getByRole('checkbox').check();
		const name = `Theo khoảng cách lớp học ${Date.now()}`;
		await page.getByLabel(/Tên kế hoạch/).fill(name);
		await page.getByLabel(/Từ ngày/).fill('2026-12-01');
		await page.getByLabel(/Đến ngày/).fill('2026-12-05');
		await page.getByLabel(/Số hộ dự kiến tiếp cận/).fill('50');
		await page.getByRole('button', { name: /Lưu kế hoạch/ }).click();
		const saved = page.getByTestId('saved-plan').filter({ hasText: name });
		await expect(saved).toHaveCount(1);

		// The print says which weights, and its index is the one the screen showed, not the default one.
		await saved.getByTestId('plan-print').click();
		await expect(page.getByTestId('print-weights')).toContainText(
			'trọng số đã dùng khi lập kế hoạch: Xa lớp học 100%'
		);
		const row = page.getByTestId('print-row').first();
		await expect(row).toContainText('Xa lớp học');
		await expect(row).toContainText(topIndex.toLocaleString('vi-VN', { maximumFractionDigits: 1 }));
		expect(await row.getAttribute('data-hamlet-id')).toBe(String(topId));

		await page.goBack();
		await deletePlan(page, name);
		expect(problems).toEqual([]);
	});

	test('an unknown commune is a Vietnamese 404 page', async ({ page }) => {
		// A city leader reads every commune's planner, so an unknown one is not theirs to be refused.
		await signIn(page, DEMO_USERS.city);
		const response = await page.goto('/communes/99999/plan');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang');
	});

	test('a malformed or uncovered month is a 400 page, as on the map', async ({ page }) => {
		const malformed = await page.goto(`${PLANNER}?month=2026-13`);
		expect(malformed?.status()).toBe(400);
		await expect(page.getByRole('main')).toContainText('Tháng không hợp lệ: "2026-13"');
		// One language per page: the English message is on the English page.
		await expect(page.getByRole('main')).not.toContainText('Invalid month');
		const english = await page.goto(`/en${PLANNER}?month=2026-13`);
		expect(english?.status()).toBe(400);
		await expect(page.getByRole('main')).toContainText('Invalid month: "2026-13"');
		const uncovered = await page.goto(`${PLANNER}?month=1999-01`);
		expect(uncovered?.status()).toBe(400);
		await expect(page.getByRole('main')).toContainText('Không có số liệu tháng 1999-01');
	});

	test('an unknown plan is a 404 for its printable page, its CSV and its deletion', async ({
		page,
		baseURL
	}) => {
		// The page's own client: it carries the session cookie.
		const request = page.request;
		const print = await page.goto('/communes/09700/plans/999999/print');
		expect(print?.status()).toBe(404);
		await expect(page.getByRole('main')).toContainText('Không tìm thấy kế hoạch này');
		const csv = await request.get('/communes/09700/plans/999999/plan.csv');
		expect(csv.status()).toBe(404);
		// A plain form post, as a browser without JavaScript sends it: the action's failure keeps its status.
		const deletion = await request.post(`${PLANNER}?/delete`, {
			form: { planId: '999999' },
			headers: { origin: baseURL!, accept: 'text/html' }
		});
		expect(deletion.status()).toBe(404);
	});

	test('the save and delete actions refuse out-of-range and malformed values with a 400, never a 500', async ({
		page,
		baseURL
	}) => {
		// The signed-in page's client: the planner's writes need the commune's staff.
		const request = page.request;
		const post = (action: 'save' | 'delete', form: Record<string, string>) =>
			request.post(`${PLANNER}?/${action}`, {
				form,
				headers: { origin: baseURL!, accept: 'text/html' },
				maxRedirects: 0
			});
		// Otherwise valid (a hamlet of Ba Vì), so that each answer is about the one bad field.
		const plan = {
			name: 'Đợt thử',
			startsOn: '2026-12-01',
			endsOn: '2026-12-10',
			teamId: '',
			expectedHouseholds: '10',
			note: '',
			hamletIds: String(await baViHamletId(request))
		};
		for (const bad of [
			{ teamId: '2147483648' },
			{ hamletIds: '2147483648' },
			{ startsOn: '0000-01-01' },
			{ endsOn: '0000-12-31' },
			{ name: 'Đợt\u0000thử' },
			{ note: 'ghi\u0000chú' },
			{ teamId: '0x1' },
			{ planId: '0x1' }
		] as Record<string, string>[]) {
			const answer = await post('save', { ...plan, ...bad });
			expect({ bad, status: answer.status() }).toEqual({ bad, status: 400 });
		}
		for (const planId of ['0x1', ' 2 ', '1e0', '-1', '2147483648', '']) {
			const answer = await post('delete', { planId });
			expect({ planId, status: answer.status() }).toEqual({ planId, status: 400 });
		}
	});

	test('a plan named like a formula is exported as text, not as a live formula', async ({
		page,
		baseURL
	}) => {
		// The signed-in page's client: the planner's writes need the commune's staff.
		const request = page.request;
		const name = `=HYPERLINK("http://example.com","Bấm") ${Date.now()}`;
		const saved = await request.post(`${PLANNER}?/save`, {
			form: {
				planId: '',
				name,
				startsOn: '2026-12-01',
				endsOn: '2026-12-10',
				teamId: '',
				expectedHouseholds: '10',
				note: '@SUM(1+1)',
				hamletIds: String(await baViHamletId(request))
			},
			headers: { origin: baseURL!, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(saved.status()).toBe(303);
		const id = new URL(saved.headers().location!, baseURL).searchParams.get('saved')!;
		try {
			const csv = await request.get(`/communes/09700/plans/${id}/plan.csv`);
			expect(csv.status()).toBe(200);
			const [header, row] = (await csv.text()).slice(1).trim().split('\r\n');
			expect(header).toMatch(/^STT,Kế hoạch,/);
			// The name's cell starts with a quote: spreadsheets show it as text.
			expect(row).toContain(`"'=HYPERLINK(""http://example.com"",""Bấm"") `);
			expect(row).not.toMatch(/(^|,)"?=/);
		} finally {
			const deleted = await request.post(`${PLANNER}?/delete`, {
				form: { planId: id },
				headers: { origin: baseURL!, accept: 'text/html' },
				maxRedirects: 0
			});
			expect(deleted.status()).toBe(303);
		}
	});

	test('the gap API refuses bad weights with a 400 in Vietnamese and answers good queries', async ({
		request
	}) => {
		const refused = await request.get('/api/gap?commune=09700&weights=skills:-1,coverage:0.2');
		expect(refused.status()).toBe(400);
		expect(await refused.json()).toMatchObject({
			error: { code: 'invalid-weights', message: expect.stringContaining('không được âm') }
		});
		const unknown = await request.get('/api/hotspots?commune=99999');
		expect(unknown.status()).toBe(404);
		const answered = await request.get('/api/gap?commune=09700&format=geojson');
		expect(answered.status()).toBe(200);
		expect(answered.headers()['cache-control']).toBe('public, max-age=0, must-revalidate');
		const body = (await answered.json()) as { features: unknown[] };
		expect(body.features).toHaveLength(15);
		const again = await request.get('/api/gap?commune=09700&format=geojson', {
			headers: { 'if-none-match': answered.headers().etag! }
		});
		expect(again.status()).toBe(304);
	});
});

test.describe('the commune planner on a phone', () => {
	test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

	test('ranks hamlets as cards in the page flow, nothing wider than the screen, 44 px targets', async ({
		page
	}) => {
		const problems = watchForProblems(page);
		await signIn(page, DEMO_USERS.commune);
		await openPlanner(page);
		// Nothing scrolls sideways (the list names what sticks out), and the ranking is not a box scrolling inside the page.
		const tooWide = await page.evaluate(() =>
			[...document.querySelectorAll('body *')]
				.filter((element) => element.getBoundingClientRect().right > 361)
				.slice(0, 5)
				.map(
					(element) =>
						`${element.tagName}.${element.className} ${Math.round(element.getBoundingClientRect().right)}`
				)
		);
		expect(tooWide).toEqual([]);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		const ranking = page.getByTestId('gap-ranking');
		const rankingBox = await ranking.boundingBox();
		expect(rankingBox!.width).toBeLessThanOrEqual(360);
		expect(
			await ranking.evaluate((table) => table.parentElement!.scrollHeight - table.parentElement!.clientHeight)
		).toBe(0);

		// Each hamlet is a card: its pick target, the slider and the buttons are at least 44 px.
		const card = page.getByTestId('ranking-row').first();
		await expect(card).toHaveCSS('display', 'grid');
		const pickTarget = card.locator('.pick-target');
		const pickBox = await pickTarget.boundingBox();
		expect(pickBox!.width).toBeGreaterThanOrEqual(44);
		expect(pickBox!.height).toBeGreaterThanOrEqual(44);
		await pickTarget.tap();
		await expect(card.getByRole('checkbox')).toBeChecked();
		await expect(page.getByTestId('picked-hamlets').getByRole('listitem')).toHaveCount(1);
		for (const target of [
			page.getByTestId('weight-skills'),
			page.getByTestId('capacity-teams'),
			page.getByRole('button', { name: /Lưu kế hoạch/ })
		]) {
			expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(44);
		}
		await screenshot(page, 'planner-phone');
		expect(problems).toEqual([]);
	});
});
