// The team's history (corrections: own entries for 7 days, the commune's staff always), the team
// rosters, and the field app's installability.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';
import { hanoiToday } from '../src/lib/activity-input';
import type { FieldHamlet, RecordReceipt } from '../src/lib/field-records';
import { DEMO_USERS, OWN_COMMUNE, signIn } from './accounts';

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

/** The hamlets of the signed-in user's communes, as the field app gets them. */
async function hamletsOf(page: Page): Promise<FieldHamlet[]> {
	return ((await (await page.request.get('/record/hamlets')).json()) as { hamlets: FieldHamlet[] }).hamlets;
}

/** The first team /record offers the signed-in user. */
async function firstTeamId(page: Page): Promise<number> {
	const html = await (await page.request.get('/record')).text();
	return Number((/"teams":\[\{"id":(\d+)/.exec(html) ?? /teams:\[\{id:(\d+)/.exec(html))![1]);
}

/** Records an activity through the outbox's endpoint, as the signed-in page; returns its id. */
async function recordThroughApi(page: Page, note: string): Promise<string> {
	const hamlets = await hamletsOf(page);
	const teamId = await firstTeamId(page);
	const response = await page.request.post('/record/activities', {
		data: {
			hamletId: hamlets[0]!.id,
			teamId,
			kind: 'door-to-door',
			occurredOn: hanoiToday(),
			householdsNew: 3,
			householdsRevisited: 0,
			peopleGuided: 6,
			peopleAged60Plus: 2,
			peopleFromMinorities: 1,
			topics: ['vneid'],
			note,
			location: null,
			idempotencyKey: randomUUID()
		}
	});
	expect(response.status()).toBe(201);
	return ((await response.json()) as RecordReceipt).id;
}

test('a member corrects and deletes their own entry; older or others’ entries only the commune staff', async ({
	page,
	browser
}) => {
	await signIn(page, DEMO_USERS.team);
	const note = `history-${randomUUID().slice(0, 8)}`;
	const id = await recordThroughApi(page, note);
	await page.goto('/record/history');
	const item = page.locator(`[data-activity="${id}"]`);
	await expect(item).toContainText(note);
	await expect(page.getByTestId('month-totals')).toBeVisible();
	await item.getByText('Sửa', { exact: true }).tap();
	await item.getByLabel('Người được hướng dẫn').fill('8');
	await item.getByRole('button', { name: 'Lưu sửa đổi' }).tap();
	await expect(page.getByRole('status')).toHaveText('Đã lưu sửa đổi.');
	await expect(page.locator(`[data-activity="${id}"]`)).toContainText('8 người');
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

	// The commune's staff see every team's work, their own entries and the loaded ones alike, and may
	// change any: an entry of the demo dataset (recorded long ago, by nobody of the team) for instance.
	const staff = await browser.newContext({ viewport: { width: 360, height: 740 } });
	const staffPage = await staff.newPage();
	await signIn(staffPage, DEMO_USERS.commune);
	await staffPage.goto('/record/history');
	const loaded = staffPage.getByTestId('history-item').filter({ hasText: 'dữ liệu nạp' }).first();
	await expect(loaded.getByText('Sửa', { exact: true })).toBeVisible();
	const loadedId = (await loaded.getAttribute('data-activity'))!;

	// The member sees no change buttons on it, and a post is refused (403) with the rule.
	const refused = await page.request.post('/record/history?/delete', {
		form: { id: loadedId },
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' }
	});
	expect(refused.status()).toBe(403);
	expect(await refused.text()).toContain('Chỉ sửa, xóa được hoạt động của mình trong 7 ngày');

	// The member deletes their own entry (audited like every write).
	await page.goto('/record/history');
	await page.locator(`[data-activity="${id}"]`).getByRole('button', { name: 'Xóa' }).tap();
	await expect(page.getByRole('status')).toHaveText('Đã xóa hoạt động.');
	await expect(page.locator(`[data-activity="${id}"]`)).toHaveCount(0);
	await staff.close();
});

/** The demo team account's own entry recorded 9 days ago (src/lib/server/seed/demo-field-records.ts). */
const OLD_OWN_NOTE = 'Nhận biết lừa đảo qua mạng';
/** Its entries recorded 2 and 5 days ago, still within the 7 days. */
const RECENT_OWN_NOTES = ['Cài VNeID mức 2', 'Lớp tại nhà văn hóa thôn'];

test('a member’s own entry older than 7 days: told why, refused; the commune staff correct it', async ({
	page,
	browser
}) => {
	await signIn(page, DEMO_USERS.team);
	await page.goto('/record/history');
	// The demo member's history has entries of every age, recorded by them over the past weeks.
	for (const note of RECENT_OWN_NOTES) {
		const recent = page.getByTestId('history-item').filter({ hasText: note });
		await expect(recent.getByText('Sửa', { exact: true })).toBeVisible();
		await expect(recent.getByTestId('history-locked')).toHaveCount(0);
	}
	const old = page.getByTestId('history-item').filter({ hasText: OLD_OWN_NOTE });
	await expect(old).toHaveCount(1);
	await expect(old).toContainText('Ghi bởi demo.team');
	await expect(old.getByTestId('history-locked')).toHaveText(
		'Đã quá 7 ngày kể từ khi ghi: chỉ cán bộ xã/phường sửa, xóa được hoạt động này.'
	);
	await expect(old.getByText('Sửa', { exact: true })).toHaveCount(0);
	await expect(old.getByRole('button', { name: 'Xóa' })).toHaveCount(0);
	expect(await page.getByTestId('history-locked').count()).toBeGreaterThanOrEqual(4);
	const id = (await old.getAttribute('data-activity'))!;

	// Posted anyway (a stale page, a crafted form), the correction and the deletion are refused with the rule.
	const headers = { origin: new URL(page.url()).origin, accept: 'text/html' };
	const teamId = await firstTeamId(page);
	const hamletId = (await hamletsOf(page))[0]!.id;
	const correction = {
		id,
		hamletId: String(hamletId),
		teamId: String(teamId),
		kind: 'door-to-door',
		occurredOn: hanoiToday(),
		householdsNew: '1',
		peopleGuided: '2',
		topics: 'vneid',
		note: 'sửa muộn'
	};
	for (const action of ['update', 'delete']) {
		const refused = await page.request.post(`/record/history?/${action}`, {
			form: action === 'update' ? correction : { id },
			headers
		});
		expect(refused.status(), action).toBe(403);
		expect(await refused.text()).toContain('Chỉ sửa, xóa được hoạt động của mình trong 7 ngày');
	}

	// The commune's staff may: they correct the note (audited as activity.update).
	const staff = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true });
	const staffPage = await staff.newPage();
	await signIn(staffPage, DEMO_USERS.commune);
	await staffPage.goto('/record/history');
	const item = staffPage.locator(`[data-activity="${id}"]`);
	await item.getByText('Sửa', { exact: true }).tap();
	const corrected = `${OLD_OWN_NOTE} (cán bộ xã đã sửa)`;
	await item.getByLabel('Ghi chú (không bắt buộc)').fill(corrected);
	await item.getByRole('button', { name: 'Lưu sửa đổi' }).tap();
	await expect(staffPage.getByRole('status')).toHaveText('Đã lưu sửa đổi.');
	await expect(staffPage.locator(`[data-activity="${id}"]`)).toContainText(corrected);
	await staff.close();

	// The member sees the correction, still locked to them.
	await page.reload();
	const after = page.locator(`[data-activity="${id}"]`);
	await expect(after).toContainText(corrected);
	await expect(after.getByTestId('history-locked')).toBeVisible();
});

test('a commune officer keeps the rosters, and the trained rate follows them', async ({ page }) => {
	await signIn(page, DEMO_USERS.commune);
	await page.goto(`/communes/${OWN_COMMUNE}/teams`);
	const teamName = `Tổ e2e ${randomUUID().slice(0, 6)}`;
	await page.getByLabel('Tên tổ').fill(teamName);
	await page.getByRole('button', { name: 'Tạo tổ' }).tap();
	const team = page.getByTestId('roster-team').filter({ hasText: teamName });
	await expect(team.getByTestId('team-trained')).toContainText('Đã tập huấn: 0/0 thành viên');

	// A trained member without a date or course is refused, with the reasons.
	await team.getByText('Thêm thành viên').tap();
	await team.getByLabel('Họ tên hoặc chữ viết tắt').fill('N.T.H');
	await team.getByLabel('Đã tập huấn').check();
	await team.getByRole('button', { name: 'Thêm', exact: true }).tap();
	await expect(page.getByTestId('roster-problems')).toContainText('Cần ngày tập huấn');

	const again = page.getByTestId('roster-team').filter({ hasText: teamName });
	await again.getByText('Thêm thành viên').tap();
	await again.getByLabel('Họ tên hoặc chữ viết tắt').fill('N.T.H');
	await again.getByLabel('Vai trò trong tổ').selectOption('leader');
	await again.getByLabel('Đã tập huấn').check();
	await again.getByLabel('Ngày tập huấn').fill('2026-03-02');
	await again.getByLabel('Khóa tập huấn').fill('Tập huấn CĐS cộng đồng');
	await again.getByLabel('Đại sứ số').check();
	await again.getByRole('button', { name: 'Thêm', exact: true }).tap();
	await expect(page.getByRole('status')).toHaveText('Đã lưu.');
	const saved = page.getByTestId('roster-team').filter({ hasText: teamName });
	await expect(saved.getByTestId('team-trained')).toContainText('Đã tập huấn: 1/1 thành viên');
	await expect(saved.getByTestId('roster-member')).toContainText('Tổ trưởng');

	// The planner reads the counts the rosters set.
	await page.goto(`/communes/${OWN_COMMUNE}/plan`);
	await expect(page.getByTestId('members-trained')).toContainText('Đại sứ số');
});

test('a team member reads the rosters but cannot change them', async ({ page }) => {
	await signIn(page, DEMO_USERS.team);
	await page.goto(`/communes/${OWN_COMMUNE}/teams`);
	await expect(page.getByTestId('roster-team').first()).toBeVisible();
	await expect(page.getByText('Thêm tổ CĐS')).toHaveCount(0);
});

test('the field app is installable (manifest, icons, worker)', async ({ playwright, baseURL }) => {
	// Chromium reports installability only in a persistent (non-incognito) profile.
	const profile = mkdtempSync(join(tmpdir(), 'field-install-'));
	const context = await playwright.chromium.launchPersistentContext(profile, {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: CHROMIUM_ARGS,
		baseURL,
		viewport: { width: 360, height: 740 }
	});
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		await signIn(page, DEMO_USERS.team);
		await page.goto('/record');
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
		const cdp = await context.newCDPSession(page);
		const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
			installabilityErrors: { errorId: string }[];
		};
		expect(installabilityErrors).toEqual([]);
		const manifest = (await (await page.request.get('/manifest.webmanifest')).json()) as Record<
			string,
			unknown
		>;
		expect(manifest).toMatchObject({
			name: 'Gõ Từng Nhà – Ghi nhận hoạt động',
			start_url: '/record',
			display: 'standalone'
		});
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
});
