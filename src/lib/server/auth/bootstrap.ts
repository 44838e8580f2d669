// The people a fresh installation starts with: the first admin from ADMIN_USERNAME / ADMIN_PASSWORD,
// and, with the demo dataset, one demo account per role. Never a password in the code: the demo's come
// from DEMO_PASSWORD or are drawn at random and printed once.
import type { Role } from '../../roles';
import type { Database } from '../db/index';
import { adminCount, createUser, usernameTaken } from '../db/users';
import { seedDemoFieldRecords } from '../seed/demo-field-records';
import { normalUsername, passwordHash, passwordProblem, temporaryPassword } from './accounts';

interface AccountSettings {
	adminUsername?: string;
	adminPassword?: string;
	/** Whether the demo dataset is seeded (SEED_DEMO): then demo accounts exist too. */
	demo: boolean;
	demoPassword?: string;
}

/** The demo's commune: Xã Ba Vì, the commune of the planner's examples and tests. */
const DEMO_COMMUNE = '09700';

/** The demo accounts, one per role; the commune and team ones work for the demo commune. */
export const DEMO_ACCOUNTS: readonly { username: string; role: Role; communeCodes: readonly string[] }[] = [
	{ username: 'demo.admin', role: 'admin', communeCodes: [] },
	{ username: 'demo.city', role: 'city', communeCodes: [] },
	{ username: 'demo.commune', role: 'commune', communeCodes: [DEMO_COMMUNE] },
	{ username: 'demo.team', role: 'team', communeCodes: [DEMO_COMMUNE] }
];

/** Creates the first admin when no admin exists and both variables are set; returns its username. */
async function firstAdmin(db: Database, settings: AccountSettings): Promise<string | null> {
	if (!settings.adminUsername || !settings.adminPassword) return null;
	if ((await adminCount(db)) > 0) return null;
	const username = normalUsername(settings.adminUsername);
	if (!username)
		throw new Error(`ADMIN_USERNAME: 3–30 chữ thường, số, '_' hoặc '.' (lowercase letters, digits, _ .)`);
	const problem = passwordProblem(settings.adminPassword, username);
	if (problem) throw new Error(`ADMIN_PASSWORD bị từ chối (refused): ${problem}`);
	await createUser(
		db,
		{ kind: 'system', reason: 'first admin from ADMIN_USERNAME' },
		{
			username,
			role: 'admin',
			communeCodes: [],
			passwordHash: await passwordHash(settings.adminPassword),
			mustChangePassword: false
		}
	);
	return username;
}

/** Creates the missing demo accounts; returns each one's username and the password printed, if random. */
async function demoAccounts(
	db: Database,
	settings: AccountSettings
): Promise<{ username: string; password?: string }[]> {
	if (!settings.demo) return [];
	if (settings.demoPassword && passwordProblem(settings.demoPassword)) {
		throw new Error(
			'DEMO_PASSWORD bị từ chối: ít nhất 10 ký tự, không phổ biến (at least 10 characters, not common)'
		);
	}
	const created: { username: string; password?: string }[] = [];
	for (const account of DEMO_ACCOUNTS) {
		if (await usernameTaken(db, account.username)) continue;
		const password = settings.demoPassword ?? temporaryPassword();
		const actor = { kind: 'system', reason: 'demo accounts at first start' } as const;
		const { id } = await createUser(db, actor, {
			...account,
			passwordHash: await passwordHash(password),
			mustChangePassword: false
		});
		// The demo team member's own field records of the past weeks, for the field app's history.
		if (account.role === 'team') await seedDemoFieldRecords(db, actor, { id, ...account });
		created.push(
			settings.demoPassword ? { username: account.username } : { username: account.username, password }
		);
	}
	return created;
}

/** Creates the first admin and the demo accounts as configured, and says so on the console (once). */
export async function ensureAccounts(db: Database, settings: AccountSettings): Promise<void> {
	const admin = await firstAdmin(db, settings);
	if (admin) console.log(`Đã tạo quản trị viên đầu tiên (first admin created): ${admin}`);
	const demo = await demoAccounts(db, settings);
	for (const { username, password } of demo) {
		// Printed once, at creation: random passwords are stored only as hashes.
		console.log(
			password
				? `Tài khoản demo (demo account) ${username}, mật khẩu (password): ${password}`
				: `Tài khoản demo (demo account) ${username}, mật khẩu từ DEMO_PASSWORD`
		);
	}
}
