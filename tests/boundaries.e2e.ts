// Official hamlet boundaries: the commune officer uploads the land office's VN-2000 Shapefile (built by
// src/lib/geo/fixtures/make-fixtures.ts with GDAL), sees the preview, maps the feature that did not match,
// commits, and the map's data version (the tiles' ?v= and ETag) changes.
import { expect, test } from '@playwright/test';
import { DEMO_USERS, OTHER_COMMUNE, OWN_COMMUNE, signIn } from './accounts';
import { keepScreenshot, openMap, watchForProblems, type MapWindow } from './map-page';

const PAGE = `/communes/${OWN_COMMUNE}/boundaries`;

// Each upload reads, reprojects and checks the Shapefile on the server: slow on a loaded machine.
test.describe.configure({ timeout: 180_000 });
const SHAPEFILE = 'tests/fixtures/boundaries/ba-vi-vn2000.zip';

/** The version the page states, which the map puts in its tile URLs. */
async function tileVersion(page: import('@playwright/test').Page): Promise<string> {
	const text = (await page.getByTestId('tile-version').textContent()) ?? '';
	return text.split(': ').at(-1)!.trim();
}

test('upload a VN-2000 Shapefile, preview it, map the unmatched feature, commit: the map data changes', async ({
	page,
	request
}, testInfo) => {
	const problems = watchForProblems(page);
	await signIn(page, DEMO_USERS.commune);
	await openMap(page, PAGE);
	const before = await tileVersion(page);
	const tileBefore = await request.get('/tiles/hamlets/12/3246/1802.mvt');

	await page.getByLabel('Tệp ranh giới (GeoJSON hoặc .zip)').setInputFiles(SHAPEFILE);
	await page.getByRole('button', { name: 'Xem trước' }).click();
	await expect(page.getByTestId('preview-summary')).toContainText('Số đối tượng: 14');
	await expect(page.getByTestId('preview-summary')).toContainText('VN-2000');
	// The uploaded boundaries are drawn over the current ones.
	await page.waitForFunction(() => {
		const map = (window as MapWindow).__map;
		return map?.isStyleLoaded() && map.querySourceFeatures('uploaded').length > 0;
	});
	await keepScreenshot(page, testInfo, 'boundaries-preview');

	const unmatched = page.getByRole('combobox', { name: 'Thôn cho đối tượng Xóm Quán Mới' });
	await expect(unmatched).toHaveValue('');
	await expect(page.getByRole('row', { name: /Xóm Quán Mới/ })).toContainText('chưa khớp');
	await unmatched.selectOption({ label: 'Xóm Quán (mã 9700015)' });
	// The names in the .dbf are upper case (CP1258): matched all the same.
	await expect(page.getByRole('combobox', { name: 'Thôn cho đối tượng YÊN SƠN' })).toHaveValue('9700002');

	await page.getByRole('button', { name: 'Ghi ranh giới chính thức' }).click();
	await expect(page.getByTestId('committed')).toContainText(
		'14 thôn được thay ranh giới, 0 thôn mới, 0 thôn cho thôi'
	);
	await expect.poll(() => tileVersion(page)).not.toBe(before);
	const after = await tileVersion(page);
	const tileAfter = await request.get('/tiles/hamlets/12/3246/1802.mvt');
	// Weak (W/) when gzipped: the version is in it all the same.
	expect(tileAfter.headers()['etag']).toContain(`"${after}"`);
	expect(tileAfter.headers()['etag']).not.toBe(tileBefore.headers()['etag']);
	await keepScreenshot(page, testInfo, 'boundaries-committed');
	expect(problems).toEqual([]);
});

test('retire a hamlet with an upload, bring it back, then undo the upload from the history', async ({
	page
}, testInfo) => {
	const problems = watchForProblems(page);
	await signIn(page, DEMO_USERS.commune);
	await openMap(page, PAGE);
	await page.getByLabel('Tệp ranh giới (GeoJSON hoặc .zip)').setInputFiles(SHAPEFILE);
	await page.getByRole('button', { name: 'Xem trước' }).click();
	await page
		.getByRole('combobox', { name: 'Thôn cho đối tượng Xóm Quán Mới' })
		.selectOption({ label: 'Xóm Quán (mã 9700015)' });
	// Thôn 4 has no feature in the file: retired by this upload (once the new preview, with Xóm Quán
	// mapped, has replaced the list).
	await page.getByRole('button', { name: 'Xem trước' }).click();
	await expect(page.getByRole('checkbox', { name: /\(mã 9700015\)/ })).toHaveCount(0);
	await page.getByRole('checkbox', { name: /Cho thôi .* \(mã 9700010\)/ }).check();
	await page.getByRole('button', { name: 'Ghi ranh giới chính thức' }).click();
	await expect(page.getByTestId('committed')).toContainText('1 thôn cho thôi');
	const retired = page.getByTestId('retired-hamlets');
	await expect(retired).toContainText('mã 9700010');

	// One retirement undone: the hamlet is current again.
	await retired.getByRole('button', { name: /^Dùng lại thôn / }).click();
	await expect(page.getByTestId('restored')).toContainText('Đã dùng lại thôn');
	await expect(page.getByTestId('retired-hamlets')).toHaveCount(0);

	// The whole upload undone: its row says so, the map's data version moves again.
	const before = await tileVersion(page);
	const history = page.getByTestId('boundary-history');
	await expect(history.getByRole('row').nth(1)).toContainText('Đang áp dụng');
	await history.getByRole('button', { name: 'Hoàn tác lần tải ba-vi-vn2000.zip' }).click();
	await expect(page.getByTestId('undone')).toContainText('14 thôn lấy lại ranh giới cũ');
	await expect(history.getByRole('row').nth(1)).toContainText('Đã hoàn tác');
	await expect.poll(() => tileVersion(page)).not.toBe(before);
	await keepScreenshot(page, testInfo, 'boundaries-undone');
	expect(problems).toEqual([]);
});

test('a bad file is refused with its reason and the page stays usable', async ({ page }) => {
	await signIn(page, DEMO_USERS.commune);
	await page.goto(PAGE);
	await page.getByLabel('Tệp ranh giới (GeoJSON hoặc .zip)').setInputFiles({
		name: 'swapped.geojson',
		mimeType: 'application/geo+json',
		buffer: Buffer.from(
			JSON.stringify({
				type: 'FeatureCollection',
				features: [
					{
						type: 'Feature',
						properties: { name: 'Thôn 1' },
						geometry: {
							type: 'Polygon',
							coordinates: [
								[
									[21.1, 105.3],
									[21.1, 105.31],
									[21.11, 105.31],
									[21.1, 105.3]
								]
							]
						}
					}
				]
			})
		)
	});
	await page.getByRole('button', { name: 'Xem trước' }).click();
	await expect(page.getByRole('alert')).toContainText('có vẻ bị đảo vĩ độ/kinh độ');
	await expect(page.getByRole('alert')).toContainText('features[0].geometry');
});

test('works at 360 px, in English too', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await signIn(page, DEMO_USERS.commune);
	await page.goto(`/en${PAGE}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Official hamlet boundaries: Xã Ba Vì');
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('another commune’s boundaries are refused to a commune officer', async ({ page }) => {
	await signIn(page, DEMO_USERS.commune);
	const response = await page.goto(`/communes/${OTHER_COMMUNE}/boundaries`);
	expect(response?.status()).toBe(403);
});
