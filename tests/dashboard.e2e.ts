// The city's dashboard, a commune's page, their files and the monthly report, on the demo server: what
// a city leader and a commune's staff see, that the files say the same as the screen, and that the
// report prints to a clean A4 PDF.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DEMO_USERS, OTHER_COMMUNE, OWN_COMMUNE, signIn } from './accounts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Collects console errors and uncaught exceptions: they must stay empty. */
function watchForProblems(page: Page): string[] {
	const problems: string[] = [];
	page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push(`console: ${message.text()}`);
	});
	return problems;
}

async function expectNoAxeViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	expect(
		results.violations.map(
			(violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' | ')}`
		)
	).toEqual([]);
}

/** The CSV's rows as arrays of cells (no quoted commas in these files' numbers; names are quoted when needed). */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let index = 0; index < text.length; index++) {
		const char = text[index]!;
		if (quoted) {
			if (char === '"' && text[index + 1] === '"') {
				cell += '"';
				index++;
			} else if (char === '"') quoted = false;
			else cell += char;
		} else if (char === '"') quoted = true;
		else if (char === ',') {
			row.push(cell);
			cell = '';
		} else if (char === '\n') {
			row.push(cell.replace(/\r$/, ''));
			rows.push(row);
			row = [];
			cell = '';
		} else cell += char;
	}
	if (cell || row.length) rows.push([...row, cell]);
	return rows;
}

/**
 * Whether the PDF's text holds `expected`. pdf.js returns a Vietnamese letter with two marks as separate
 * runs ("ph ố"), so spaces are left out of both sides; letters with a dot below (ọ, ụ, ị) lose their base
 * letter in its extraction, so the expected texts avoid them.
 */
function pdfHas(text: string, expected: string): boolean {
	const squeeze = (value: string) => value.normalize('NFC').replace(/\s+/g, '');
	return squeeze(text).includes(squeeze(expected));
}

/** The text and page count of a PDF. */
async function readPdf(bytes: Buffer): Promise<{ pages: number; text: string }> {
	const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
	let text = '';
	for (let number = 1; number <= document.numPages; number++) {
		const content = await (await document.getPage(number)).getTextContent();
		text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ') + '\n';
	}
	return { pages: document.numPages, text: text.replace(/\s+/g, ' ') };
}

test.describe('the city dashboard', () => {
	test.beforeEach(async ({ page }) => {
		await signIn(page, DEMO_USERS.city);
	});

	test('answers the three questions on one screen, accessibly', async ({ page }) => {
		const problems = watchForProblems(page);
		await page.goto('/dashboard');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Kế hoạch 20/KH-UBND');
		const cards = page.getByTestId('kpi-card');
		await expect(cards).toHaveCount(5);
		for (const card of await cards.all())
			await expect(card.getByTestId('kpi-value')).toHaveText(/^\d+(,\d)?%$/);
		// Where we stand, what is missing in people, and whether 31 December is met.
		const skills = page.locator('[data-kpi="skills"][data-testid="kpi-card"]');
		await expect(skills.getByTestId('kpi-gap')).toHaveText(/^còn [\d.]+ người$/);
		await expect(skills).toContainText('Dự báo đến 31/12/2026');
		await expect(page.getByTestId('projection-method')).toContainText('bình phương tối thiểu');
		await expect(page.locator('[data-kpi="vneid"]').first()).toContainText('chỉ số thay thế');
		// Under each chart, its table.
		await skills.getByText('Bảng số liệu').click();
		await expect(skills.getByRole('row')).toHaveCount(1 + 11 + 2);
		await expect(page.getByTestId('communes-table').locator('tbody tr')).toHaveCount(126);
		await expect(page.getByTestId('groups-rural')).toContainText('điểm');
		await expect(page.getByTestId('demo-notice')).toBeVisible();
		// Sparklines are drawn in the browser, with their values in the accessible name.
		await expect(
			page.getByTestId('communes-table').getByTestId('sparkline').first().locator('svg')
		).toBeVisible();
		await expectNoAxeViolations(page);
		expect(problems).toEqual([]);
	});

	test('filters, searches and sorts the communes, and the map follows the filter', async ({ page }) => {
		await page.goto('/dashboard');
		const rows = page.getByTestId('communes-table').locator('tbody tr');
		const map = page.getByTestId('choropleth');
		await page.getByTestId('filter-unit').selectOption('xã');
		await expect(rows).toHaveCount(75);
		await expect(page.getByTestId('communes-count')).toHaveText('Đang hiện 75 trên 126 xã, phường');
		await expect(map.locator('path[data-dimmed="true"]')).toHaveCount(51);
		await page.getByTestId('filter-minority').check();
		const minorityCount = await rows.count();
		expect(minorityCount).toBeGreaterThanOrEqual(5);
		expect(minorityCount).toBeLessThan(75);
		for (const unit of await rows.locator('.unit').allTextContents()) expect(unit).toContain('đồng bào');
		await expect(map.locator('path[data-dimmed="false"]')).toHaveCount(minorityCount);
		await page.getByTestId('filter-minority').uncheck();
		await page.getByTestId('filter-unit').selectOption('all');
		await page.getByTestId('filter-search').fill('ba vi');
		await expect(rows.filter({ hasText: 'Xã Ba Vì' })).toHaveCount(1);
		await page.getByTestId('filter-search').fill('');
		await page.getByTestId('filter-off-track').check();
		const offTrack = await rows.count();
		expect(offTrack).toBeGreaterThan(0);
		for (const row of (await rows.all()).slice(0, 10))
			await expect(row.locator('[data-status="off-track"]').first()).toBeVisible();
		await page.getByTestId('filter-off-track').uncheck();
		// Sorting by a rate puts the lowest first: those that lag.
		await page.getByRole('button', { name: 'Kỹ năng số' }).click();
		await expect(page.getByRole('columnheader', { name: 'Kỹ năng số', exact: true })).toHaveAttribute(
			'aria-sort',
			'ascending'
		);
		const values = await rows.locator('td[data-kpi="skills"] .value').allTextContents();
		const numbers = values.map((text) => Number(text.replace('%', '').replace(',', '.')));
		expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
		// The map shades the chosen rate.
		await page.getByTestId('filter-kpi').selectOption('epayment');
		await expect(map.locator('figcaption')).toContainText('thanh toán điện tử');
		await rows.filter({ hasText: 'Xã Ba Vì' }).getByRole('link').click();
		await expect(page).toHaveURL(/\/communes\/09700$/);
	});

	test('keeps the table’s view in the URL: reload, back and forward, and the exports and report follow it', async ({
		page
	}) => {
		await page.goto('/dashboard?month=2026-10');
		const rows = page.getByTestId('communes-table').locator('tbody tr');
		await page.getByTestId('filter-unit').selectOption('xã');
		await expect(page).toHaveURL(/[?&]unit=xa(&|$)/);
		await expect(page).toHaveURL(/month=2026-10/);
		await page.getByTestId('filter-minority').check();
		await expect(page).toHaveURL(/minority=1/);
		const minorityCount = await rows.count();
		expect(minorityCount).toBeLessThan(75);
		await page.getByRole('button', { name: 'Kỹ năng số' }).click();
		await expect(page).toHaveURL(/sort=skills/);
		const firstCode = await rows.first().getAttribute('data-code');

		// A reload (or the link sent to a colleague) shows the same table.
		await page.reload();
		await expect(page.getByTestId('filter-unit')).toHaveValue('xã');
		await expect(page.getByTestId('filter-minority')).toBeChecked();
		await expect(rows).toHaveCount(minorityCount);
		await expect(rows.first()).toHaveAttribute('data-code', firstCode!);
		await expect(page.getByRole('columnheader', { name: 'Kỹ năng số', exact: true })).toHaveAttribute(
			'aria-sort',
			'ascending'
		);

		// Back undoes one change at a time; forward redoes it.
		await page.goBack();
		await expect(page).not.toHaveURL(/sort=skills/);
		await expect(page.getByTestId('filter-minority')).toBeChecked();
		await page.goBack();
		await expect(page.getByTestId('filter-minority')).not.toBeChecked();
		await expect(rows).toHaveCount(75);
		await page.goForward();
		await expect(rows).toHaveCount(minorityCount);
		await page.goForward();
		await expect(page).toHaveURL(/sort=skills/);

		// The files carry the view: the same rows in the same order, and they say which filter.
		const csvHref = await page.getByTestId('export-csv').getAttribute('href');
		expect(csvHref).toContain('unit=xa');
		const csv = await page.request.get(csvHref!);
		expect(csv.headers()['content-disposition']).toContain('-da-loc.csv');
		const [, ...records] = parseCsv((await csv.text()).replace(/^\uFEFF/, ''));
		expect(records.map((record) => record[0])).toEqual(
			await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')))
		);
		const xlsx = await page.request.get((await page.getByTestId('export-xlsx').getAttribute('href'))!);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(Uint8Array.from(await xlsx.body()).buffer);
		const sheet = workbook.worksheets[0]!;
		const notes = (sheet.getRows(2, sheet.rowCount - 1) ?? []).map((row) => String(row.getCell(1).value));
		expect(notes.some((text) => text.includes('Bộ lọc: xã; Chỉ vùng đồng bào dân tộc thiểu số'))).toBe(true);
		expect(sheet.rowCount).toBe(1 + minorityCount + 3);
		const geojson = (await (
			await page.request.get((await page.getByTestId('export-geojson').getAttribute('href'))!)
		).json()) as { filter: string; features: unknown[] };
		expect(geojson.features).toHaveLength(minorityCount);
		expect(geojson.filter).toContain('Sắp xếp: Kỹ năng số, tăng dần');

		// The monthly report lists only the filtered communes and says so; its way back keeps the view.
		await page.getByTestId('report-link').click();
		await expect(page.getByTestId('report-view')).toContainText(
			'Bộ lọc: xã; Chỉ vùng đồng bào dân tộc thiểu số'
		);
		await expect(page.getByTestId('report-view')).toContainText(`${minorityCount} trên 126 xã, phường`);
		const reported = await page.getByTestId('report-lagging').locator('tbody tr').count();
		expect(reported).toBe(Math.min(15, minorityCount));
		await page.getByRole('link', { name: 'Về bảng điều hành' }).click();
		await expect(page.getByTestId('filter-minority')).toBeChecked();

		// A view the table cannot read is a 400, on the page and on every file.
		expect((await page.goto('/dashboard?unit=huyen'))?.status()).toBe(400);
		expect((await page.request.get('/dashboard/communes.csv?sort=__proto__')).status()).toBe(400);
		expect((await page.request.get('/dashboard/communes.geojson?minority=yes')).status()).toBe(400);
		expect((await page.request.get('/dashboard/report?order=up')).status()).toBe(400);
	});

	test('shows the 60+ and minority people the activities recorded, and what was not recorded', async ({
		page
	}) => {
		await page.goto('/dashboard');
		const people = page.getByTestId('groups-people');
		const number = (text: string | null) => Number((text ?? '').replace(/\./g, ''));
		const cityAged = number(
			await people.locator('tr[data-row="aged-to-date"] td[data-column="total"]').textContent()
		);
		expect(cityAged).toBeGreaterThan(1000);
		// Classes and door-to-door visits apart; the total is their sum with events and online sessions.
		const byKind = await Promise.all(
			['door-to-door', 'class', 'event', 'online'].map(async (kind) =>
				number(await people.locator(`tr[data-row="aged-to-date"] td[data-column="${kind}"]`).textContent())
			)
		);
		expect(byKind[0]! + byKind[1]! + byKind[2]! + byKind[3]!).toBe(cityAged);
		expect(byKind[1]).toBeGreaterThan(0);
		// The demo's events count people only in total: said as "chưa ghi", never counted as 0.
		await expect(people.locator('tr[data-row="aged-to-date"] td[data-column="unrecorded"]')).toContainText(
			/chưa ghi ở [\d.]+ hoạt động/
		);
		// The communes' column adds up to the city's figure.
		const perCommune = await page
			.getByTestId('communes-table')
			.locator('td[data-column="elderly"]')
			.evaluateAll((cells) => cells.map((cell) => cell.firstChild?.textContent ?? ''));
		expect(perCommune.reduce((sum, text) => sum + number(text.trim()), 0)).toBe(cityAged);
		await expect(
			page.getByTestId('communes-table').locator('td[data-column="elderly"] .unrecorded').first()
		).toContainText('chưa ghi');
		const minorities = number(
			await people.locator('tr[data-row="minorities-to-date"] td[data-column="total"]').textContent()
		);
		expect(minorities).toBeGreaterThan(0);
		expect(minorities).toBeLessThan(cityAged * 5);
	});

	test('projects the trained share from its monthly history', async ({ page }) => {
		await page.goto('/dashboard');
		const training = page.locator('[data-kpi="training"][data-testid="kpi-card"]');
		await expect(training).toContainText('Dự báo đến 31/12/2026');
		await expect(training).not.toContainText('Chưa có số liệu');
		await expect(training.getByTestId('training-source')).toContainText('danh sách thành viên');
		await training.getByText('Bảng số liệu').click();
		const values = await training
			.locator('tbody tr td')
			.evaluateAll((cells) => cells.map((cell) => cell.textContent ?? ''));
		const shares = values
			.filter((text) => /^\d+(,\d)?%$/.test(text.trim()))
			.map((text) => Number(text.trim().replace('%', '').replace(',', '.')));
		expect(shares.length).toBeGreaterThanOrEqual(11);
		// Members are trained through the year: the share rises from January to November.
		expect(shares[0]).toBeLessThan(shares[10]!);
	});

	test('exports the table with the figures on the screen: CSV, XLSX and GeoJSON', async ({ page }) => {
		await page.goto('/dashboard?month=2026-10');
		const screen = page.getByTestId('communes-table').locator('tr[data-code="00004"]');
		const shown = {
			skills: await screen.locator('td[data-kpi="skills"] .value').textContent(),
			smartphone: await screen.locator('td[data-kpi="smartphone"] .value').textContent(),
			epayment: await screen.locator('td[data-kpi="epayment"] .value').textContent(),
			training: await screen.locator('td[data-kpi="training"] .value').textContent(),
			gap: await screen.locator('td[data-column="gap"]').textContent(),
			hotSpots: await screen.locator('td[data-column="hot-spots"]').textContent()
		};

		const csvResponse = await page.request.get('/dashboard/communes.csv?month=2026-10');
		expect(csvResponse.headers()['content-type']).toBe('text/csv; charset=utf-8');
		const csvBytes = await csvResponse.body();
		expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const [header, ...records] = parseCsv(csvBytes.toString('utf8').slice(1));
		expect(records).toHaveLength(126);
		const csvRow = Object.fromEntries(
			header!.map((name, index) => [name, records.find((row) => row[0] === '00004')![index]])
		);
		expect(`${csvRow['Kỹ năng số (%)']}%`).toBe(shown.skills);
		expect(`${csvRow['Điện thoại thông minh (%)']}%`).toBe(shown.smartphone);
		expect(`${csvRow['Thanh toán điện tử (%)']}%`).toBe(shown.epayment);
		expect(`${csvRow['Thành viên được tập huấn (%)']}%`).toBe(shown.training);
		expect(csvRow['Chỉ số khoảng cách số (0–100)']).toBe(shown.gap);
		expect(csvRow['Thôn, tổ dân phố trong điểm nóng']).toBe(shown.hotSpots);

		const xlsx = await page.request.get('/dashboard/communes.xlsx?month=2026-10');
		const workbook = new ExcelJS.Workbook();
		// A copy: the body may be a view into a larger pooled buffer.
		await workbook.xlsx.load(Uint8Array.from(await xlsx.body()).buffer);
		const sheet = workbook.worksheets[0]!;
		const headers = (sheet.getRow(1).values as unknown[]).slice(1);
		const xlsxRow = sheet.getRows(2, 126)!.find((row) => row.getCell(1).value === '00004')!;
		const cell = (name: string) => xlsxRow.getCell(headers.indexOf(name) + 1).value;
		const asScreen = (value: unknown) => `${String(value).replace('.', ',')}%`;
		expect(asScreen(cell('Kỹ năng số (%)'))).toBe(shown.skills);
		expect(asScreen(cell('Thanh toán điện tử (%)'))).toBe(shown.epayment);
		expect(String(cell('Chỉ số khoảng cách số (0–100)')).replace('.', ',')).toBe(shown.gap);
		expect(String((sheet.getRow(sheet.rowCount).values as unknown[])[1])).toContain('Dữ liệu minh họa');

		const geojson = await page.request.get('/dashboard/communes.geojson?month=2026-10');
		expect(geojson.headers()['content-type']).toBe('application/geo+json');
		const collection = (await geojson.json()) as {
			type: string;
			crs?: unknown;
			features: {
				id: string;
				geometry: { type: string; coordinates: number[][][][] };
				properties: Record<string, unknown>;
			}[];
		};
		expect(collection.type).toBe('FeatureCollection');
		expect(collection.crs).toBeUndefined();
		expect(collection.features).toHaveLength(126);
		const feature = collection.features.find((candidate) => candidate.id === '00004')!;
		expect(feature.geometry.type).toBe('MultiPolygon');
		const [lng, lat] = feature.geometry.coordinates[0]![0]![0]!;
		expect(lng).toBeGreaterThan(105);
		expect(lat).toBeLessThan(22);
		expect(asScreen(feature.properties['Kỹ năng số (%)'])).toBe(shown.skills);
	});

	test('downloads the map as a PNG with its title, legend, source and date', async ({ page }) => {
		await page.goto('/dashboard');
		const download = page.waitForEvent('download');
		await page.getByTestId('download-png').click();
		const file = await (await download).path();
		const { readFileSync } = await import('node:fs');
		const png = readFileSync(file);
		expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		// IHDR: the picture is wider than the map (margins) and taller (title, legend, source and date).
		const width = png.readUInt32BE(16);
		const height = png.readUInt32BE(20);
		expect(width).toBeGreaterThan(1200);
		expect(height).toBeGreaterThan(width * 0.8);
	});

	test('prints the monthly report to a clean A4 PDF', async ({ page }) => {
		const problems = watchForProblems(page);
		await page.goto('/dashboard');
		await page.getByTestId('report-link').click();
		await expect(page.getByTestId('report-sheet')).toBeVisible();
		await expectNoAxeViolations(page);
		const { pages, text } = await readPdf(await page.pdf({ format: 'A4', printBackground: true }));
		expect(pages).toBeGreaterThanOrEqual(2);
		expect(pages).toBeLessThanOrEqual(5);
		for (const expected of [
			'BÁO CÁO THÁNG',
			'Thành phố Hà Nội',
			'Kết quả so với',
			'Các xã, phường chậm nhất về kỹ năng số',
			'Nông thôn so với',
			'Cách tính',
			'Nguồn số liệu',
			'Dữ liệu minh',
			'ranh giới ước tính'
		])
			expect(pdfHas(text, expected), expected).toBe(true);
		// The toolbar is for the screen only.
		expect(pdfHas(text, 'Về bảng điều hành')).toBe(false);
		expect(problems).toEqual([]);
	});

	test('fits a 360 px phone without scrolling sideways', async ({ page }) => {
		await page.setViewportSize({ width: 360, height: 740 });
		for (const path of ['/dashboard', `/communes/${OWN_COMMUNE}`, '/dashboard/report']) {
			await page.goto(path);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
		}
	});

	test('refuses a bad month with a 400 page', async ({ page }) => {
		const response = await page.goto('/dashboard?month=2026-13');
		expect(response?.status()).toBe(400);
		expect((await page.request.get('/dashboard/communes.csv?month=1999-01')).status()).toBe(400);
	});
});

test.describe("a commune's page", () => {
	test("its own staff see the commune's cards, hamlets, teams and activities", async ({ page }) => {
		const problems = watchForProblems(page);
		await signIn(page, DEMO_USERS.commune);
		await page.goto(`/communes/${OWN_COMMUNE}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xã Ba Vì');
		await expect(page.getByTestId('kpi-card')).toHaveCount(5);
		await expect(page.getByTestId('hamlets-table').locator('tbody tr')).toHaveCount(15);
		await expect(page.getByTestId('teams-table').locator('tbody tr').first()).toBeVisible();
		const activities = page.getByTestId('activities-table');
		await expect(activities.locator('tbody tr')).toHaveCount(11);
		await expect(activities.locator('thead')).toContainText('Trí tuệ nhân tạo (AI)');
		await expect(activities.locator('thead')).toContainText('Lớp cho người cao tuổi');
		await expect(page.getByRole('link', { name: 'Lập kế hoạch' })).toHaveAttribute(
			'href',
			/\/communes\/09700\/plan/
		);
		await expect(page.getByRole('link', { name: 'Nhập số liệu' })).toHaveAttribute(
			'href',
			'/import?commune=09700'
		);
		await expect(page.getByRole('link', { name: 'Ranh giới thôn, tổ dân phố' })).toHaveAttribute(
			'href',
			'/communes/09700/boundaries'
		);
		// The 60+ and minority people come from the activities' own counts, the unrecorded said apart.
		await expect(page.getByTestId('groups-elderly')).not.toContainText('ước tính');
		await expect(page.getByTestId('groups-people').locator('tr[data-row="aged-to-date"]')).toBeVisible();
		await expectNoAxeViolations(page);
		expect(problems).toEqual([]);

		// Another commune's page is not theirs; the city's dashboard neither.
		expect((await page.goto(`/communes/${OTHER_COMMUNE}`))?.status()).toBe(403);
		expect((await page.goto('/dashboard'))?.status()).toBe(403);
	});

	test('exports its hamlets as on the screen and prints its report', async ({ page }) => {
		await signIn(page, DEMO_USERS.city);
		await page.goto(`/communes/${OWN_COMMUNE}`);
		const first = page.getByTestId('hamlets-table').locator('tbody tr').first();
		const id = await first.getAttribute('data-hamlet');
		const coverage = await first.locator('td[data-metric="coverage"]').textContent();
		const csv = await page.request.get(`/communes/${OWN_COMMUNE}/hamlets.csv`);
		const [header, ...records] = parseCsv((await csv.text()).replace(/^\uFEFF/, ''));
		expect(records).toHaveLength(15);
		const row = records.find((record) => record[0] === id)!;
		expect(`${row[header!.indexOf('Hộ được tiếp cận (%)')]}%`).toBe(coverage);
		const geojson = (await (await page.request.get(`/communes/${OWN_COMMUNE}/hamlets.geojson`)).json()) as {
			features: { id: number; properties: Record<string, unknown> }[];
		};
		expect(geojson.features).toHaveLength(15);
		const feature = geojson.features.find((candidate) => String(candidate.id) === id)!;
		expect(`${String(feature.properties['Hộ được tiếp cận (%)']).replace('.', ',')}%`).toBe(coverage);

		await page.getByTestId('report-link').click();
		await expect(page.getByTestId('report-sheet')).toBeVisible();
		const { pages, text } = await readPdf(await page.pdf({ format: 'A4' }));
		expect(pages).toBeGreaterThanOrEqual(1);
		expect(pages).toBeLessThanOrEqual(4);
		for (const expected of [
			'BÁO CÁO THÁNG',
			'Xã Ba Vì',
			'Các thôn, tổ dân phố có khoảng cách số lớn nhất',
			'Nguồn số liệu'
		])
			expect(pdfHas(text, expected), expected).toBe(true);
	});

	test('an unknown commune is a 404 page', async ({ page }) => {
		await signIn(page, DEMO_USERS.admin);
		expect((await page.goto('/communes/99999'))?.status()).toBe(404);
	});
});
