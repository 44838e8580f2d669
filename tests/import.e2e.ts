import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { DEMO_USERS, OWN_COMMUNE, signIn } from './accounts';

// A commune officer's import, end to end: the template downloaded, filled (written here with exceljs, as
// Excel would save it), uploaded with three bad rows, the report read, the rows fixed, the file
// committed, the change seen in the data the map and the planner show, and the import withdrawn.

interface GapHamlet {
	id: number;
	name: string;
	households: number;
	householdsReached: number;
}

/** The hamlets of the commune as the map's and planner's gap analysis has them (latest month). */
async function gapHamlets(page: Page): Promise<GapHamlet[]> {
	const answer = await page.request.get(`/api/gap?commune=${OWN_COMMUNE}`);
	expect(answer.status()).toBe(200);
	const body = (await answer.json()) as { hamlets: GapHamlet[] };
	return body.hamlets;
}

async function reachedIn(page: Page, hamletId: number): Promise<number> {
	return (await gapHamlets(page)).find((hamlet) => hamlet.id === hamletId)!.householdsReached;
}

/** Uploads a workbook through the page's form and waits for the check to finish. */
async function upload(page: Page, workbook: ExcelJS.Workbook, name: string): Promise<void> {
	await page.goto('/import');
	await page.getByLabel('Loại dữ liệu').selectOption('activities');
	await page.getByLabel('Tệp (.xlsx, .csv)').setInputFiles({
		name,
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: Buffer.from(await workbook.xlsx.writeBuffer())
	});
	await page.getByRole('button', { name: 'Kiểm tra tệp (chưa ghi)' }).click();
	await expect(page.getByRole('heading', { name: 'Kết quả kiểm tra (chưa ghi gì)' })).toBeVisible({
		timeout: 30_000
	});
}

test('a commune officer imports activities from the Excel template: three bad rows reported, fixed, committed, seen on the map data, withdrawn', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signIn(page, DEMO_USERS.commune);
	const [hamlet] = await gapHamlets(page);
	const reachedBefore = await reachedIn(page, hamlet!.id);

	// The template of the officer's commune: Vietnamese headers, an example row, the hamlets with their ids.
	await page.goto('/import');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhập dữ liệu từ Excel, CSV');
	const downloading = page.waitForEvent('download');
	await page.getByTestId('template-xlsx').click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe(`mau-activities-${OWN_COMMUNE}.xlsx`);
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load((await readFile((await download.path())!)) as never);
	const [sheet, hamletSheet] = workbook.worksheets;
	const headers = (sheet!.getRow(1).values as unknown[]).slice(1);
	expect(headers).toContain('Mã thôn');
	expect(headers).toContain('Hình thức');
	const hamletIds = hamletSheet!.getColumn(1).values.slice(2).map(Number);
	expect(hamletIds).toContain(hamlet!.id);
	const teamName = String(sheet!.getRow(2).getCell(headers.indexOf('Tên tổ CĐS') + 1).value);

	// Fill it: five activities in the template's sheet, three of them wrong.
	const column = (name: string) => headers.indexOf(name) + 1;
	const fill = (rowNumber: number, values: Record<string, string | number | null>) => {
		const row = sheet!.getRow(rowNumber);
		for (const header of headers as string[]) row.getCell(column(header)).value = null;
		for (const [header, value] of Object.entries(values)) row.getCell(column(header)).value = value;
		row.commit();
	};
	// Keys and file name unique to this run, so that a database kept from an earlier run cannot match them.
	const run = Date.now().toString(36);
	const fileName = `hoat-dong-thang-11-${run}`;
	const good = (key: string, households: number) => ({
		'Mã hoạt động': `${key}-${run}`,
		'Mã thôn': hamlet!.id,
		'Tên tổ CĐS': teamName,
		'Hình thức': 'Đến từng hộ',
		Ngày: '10/11/2026',
		'Số hộ tiếp cận mới': households,
		'Số người được hướng dẫn': households * 2,
		'Nội dung': 'VNeID, An toàn trên không gian mạng'
	});
	fill(2, good('E2E-1', 3));
	fill(3, good('E2E-2', 4));
	fill(4, { ...good('E2E-3', 5), 'Mã thôn': null, 'Tên thôn/tổ dân phố': 'Thôn Không Có Thật' });
	fill(5, { ...good('E2E-4', 6), Ngày: '14/03/2031' });
	fill(6, { ...good('E2E-5', 7), 'Số hộ tiếp cận mới': -7 });

	await upload(page, workbook, `${fileName}.xlsx`);
	const errors = page.getByTestId('import-errors').locator('tbody tr');
	await expect(errors).toHaveCount(3);
	await expect(errors.nth(0)).toContainText('4');
	await expect(errors.nth(0)).toContainText('Tên gần nhất');
	await expect(errors.nth(0)).toContainText('Closest names');
	await expect(errors.nth(1)).toContainText('14/03/2031');
	await expect(errors.nth(1)).toContainText('Ngày không được ở tương lai');
	await expect(errors.nth(1)).toContainText('The date cannot be in the future');
	await expect(errors.nth(2)).toContainText('Số âm');
	await expect(page.getByRole('button', { name: 'Ghi vào dữ liệu' })).toHaveCount(0);
	// The sheet comes back with an error column to fix it in.
	const errorsDownload = page.waitForEvent('download');
	await page.getByTestId('errors-xlsx').click();
	expect((await errorsDownload).suggestedFilename()).toBe(`${fileName}-loi.xlsx`);
	expect(await reachedIn(page, hamlet!.id)).toBe(reachedBefore);

	// Fix the three rows and upload again: the report says what a commit would do.
	fill(4, good('E2E-3', 5));
	fill(5, good('E2E-4', 6));
	fill(6, good('E2E-5', 7));
	await upload(page, workbook, `${fileName}.xlsx`);
	await expect(page.getByTestId('import-counts')).toHaveText('Nếu ghi: thêm 5, cập nhật 0, không đổi 0.');
	await page.getByRole('button', { name: 'Ghi vào dữ liệu' }).click();
	await expect(page.getByRole('heading', { name: 'Đã ghi vào dữ liệu.' })).toBeVisible({ timeout: 30_000 });
	await expect(page.getByTestId('import-counts')).toHaveText('Đã thêm 5, cập nhật 0, không đổi 0.');

	// The map's and the planner's data changed: 25 more households reached in the hamlet this month.
	expect(await reachedIn(page, hamlet!.id)).toBe(reachedBefore + 25);
	await page.getByRole('link', { name: 'Xem kế hoạch của xã/phường' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Lập kế hoạch');

	// The same file again changes nothing.
	await upload(page, workbook, `${fileName}.xlsx`);
	await expect(page.getByTestId('import-counts')).toHaveText('Nếu ghi: thêm 0, cập nhật 0, không đổi 5.');
	await expect(page.getByText('Không có gì thay đổi')).toBeVisible();

	// Withdraw it from the history: the households reached go back.
	await page.goto('/import/history');
	const row = page
		.getByTestId('import-history')
		.locator('tbody tr')
		.filter({ hasText: `${fileName}.xlsx` });
	await expect(row).toContainText('5 / 0 / 0');
	await row.getByRole('button', { name: 'Rút lần nhập này' }).click();
	await expect(page.getByRole('status')).toContainText('Đã rút lần nhập');
	await expect(row).toContainText('Đã rút lúc');
	expect(await reachedIn(page, hamlet!.id)).toBe(reachedBefore);
});

test('the team account may not import, and an anonymous visitor is sent to sign in', async ({
	page,
	request
}) => {
	const anonymous = await request.get('/import', { maxRedirects: 0 });
	expect(anonymous.status()).toBe(303);
	expect(anonymous.headers().location).toMatch(/^\/login\?redirectTo=%2Fimport/);
	await signIn(page, DEMO_USERS.team);
	const refused = await page.goto('/import');
	expect(refused?.status()).toBe(403);
});

test('the import page and the history fit a 360 px phone without sideways scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await signIn(page, DEMO_USERS.commune);
	for (const path of ['/import', '/import/history', '/en/import']) {
		await page.goto(path);
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width, path).toBeLessThanOrEqual(360);
	}
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import data from Excel or CSV');
});
