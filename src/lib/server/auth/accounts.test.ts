import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listAuditEvents } from '../db/audit';
import { openMigratedDatabase, type DatabaseHandle } from '../db/index';
import { clearLoginFailures } from '../db/login-failures';
import { openTestDatabase, testDrivers } from '../db/test-databases';
import { ageSession, loadFixtureData, sessionExists } from '../db/test-fixtures';
import {
	createUser,
	listUsers,
	setPassword,
	setUserDisabled,
	updateUserAccess,
	userAccess
} from '../db/users';
import { passwordHash, passwordProblem } from './accounts';
import { actorOf } from './actor';
import { createAuth, SESSION_ABSOLUTE_SECONDS, type Auth } from './better-auth';
import { DEMO_ACCOUNTS, ensureAccounts } from './bootstrap';
import { attemptSignIn, MAX_LOGIN_FAILURES } from './sign-in';
import { sessionUser } from './session';

const run = promisify(execFile);

/** Test-only passwords (never in app code), long and uncommon enough for the rules. */
const PASSWORD = 'kiem-thu-mat-khau-1';
const OTHER_PASSWORD = 'mot-mat-khau-khac-2';

it('refuses short, common and username-based passwords', () => {
	expect(passwordProblem('ngan-qua')).toBe('too-short');
	expect(passwordProblem('x'.repeat(129))).toBe('too-long');
	expect(passwordProblem('Password123')).toBe('too-common');
	expect(passwordProblem('matkhau123')).toBe('too-common');
	expect(passwordProblem('nguyenvana-2026', 'nguyenvana')).toBe('too-common');
	expect(passwordProblem(PASSWORD, 'nguyenvana')).toBeNull();
});

describe.each(testDrivers())('accounts on %s', (driver) => {
	let handle: DatabaseHandle & { url?: string };
	let auth: Auth;
	let address = 0;

	beforeAll(async () => {
		handle = await openTestDatabase(driver);
		await loadFixtureData(handle.db);
		auth = createAuth(handle.db, {
			secret: 'test-secret-'.repeat(4),
			origin: undefined,
			requestEvent: () => undefined
		});
	});
	afterAll(async () => {
		await handle?.close();
	});

	/** Each sign-in from its own address unless told, so the per-address limit does not mix tests. */
	const attempt = (username: string, password: string, clientAddress = `10.0.0.${++address}`) =>
		attemptSignIn(handle.db, auth, { username, password, clientAddress, headers: new Headers() });

	/** Signs in through better-auth and returns the request headers carrying the session cookie. */
	async function sessionHeaders(username: string, password: string): Promise<Headers> {
		const { headers } = await auth.api.signInUsername({ body: { username, password }, returnHeaders: true });
		const cookie = headers
			.getSetCookie()
			.map((line) => line.split(';')[0])
			.join('; ');
		return new Headers({ cookie });
	}

	async function newUser(
		username: string,
		role: 'admin' | 'commune' = 'commune',
		mustChangePassword = false
	) {
		return createUser(
			handle.db,
			{ kind: 'system', reason: 'test' },
			{
				username,
				role,
				communeCodes: role === 'commune' ? ['09700'] : [],
				passwordHash: await passwordHash(PASSWORD),
				mustChangePassword
			}
		);
	}

	it('creates the first admin from the variables once, and demo accounts only with their own passwords', async () => {
		const log = vi.spyOn(console, 'log').mockImplementation(() => {});
		await expect(
			ensureAccounts(handle.db, { adminUsername: 'quantri', adminPassword: 'matkhau123', demo: false })
		).rejects.toThrow(/ADMIN_PASSWORD/);
		await ensureAccounts(handle.db, { adminUsername: 'QuanTri', adminPassword: PASSWORD, demo: false });
		// A second start with other values changes nothing: an admin exists.
		await ensureAccounts(handle.db, { adminUsername: 'khac', adminPassword: OTHER_PASSWORD, demo: false });
		await ensureAccounts(handle.db, { demo: true });
		const lines = log.mock.calls.map((call) => String(call[0]));
		log.mockRestore();
		const users = await listUsers(handle.db);
		expect(users.filter((user) => user.role === 'admin').map((user) => user.username)).toEqual([
			'demo.admin',
			'quantri'
		]);
		expect(users.map((user) => user.username)).toEqual(
			expect.arrayContaining(DEMO_ACCOUNTS.map((a) => a.username))
		);
		expect(await attempt('quantri', PASSWORD)).toEqual({ ok: true });
		// The demo's random passwords were printed once, and only there.
		const printed = lines.find((line) => line.includes('demo.commune'));
		const demoPassword = printed?.split(': ').at(-1) ?? '';
		expect(demoPassword).toHaveLength(16);
		expect(await attempt('demo.commune', demoPassword)).toEqual({ ok: true });
		const commune = (await listUsers(handle.db)).find((user) => user.username === 'demo.commune');
		expect(commune?.communeCodes).toEqual(['09700']);
	});

	it('answers a wrong user and a wrong password alike, and throttles after 5 failures per username', async () => {
		await newUser('canbo.a');
		expect(await attempt('khong.co.ai', PASSWORD)).toEqual({ ok: false, reason: 'refused' });
		expect(await attempt('canbo.a', OTHER_PASSWORD)).toEqual({ ok: false, reason: 'refused' });
		for (let i = 1; i < MAX_LOGIN_FAILURES; i++) await attempt('canbo.a', OTHER_PASSWORD);
		// The right password no longer helps, from any address, until the window passes.
		expect(await attempt('canbo.a', PASSWORD)).toEqual({ ok: false, reason: 'throttled' });
		await clearLoginFailures(handle.db, 'user:canbo.a');
		expect(await attempt('canbo.a', PASSWORD)).toEqual({ ok: true });
	});

	it('throttles after 5 failures from one address, whatever the usernames', async () => {
		await newUser('canbo.b');
		for (let i = 0; i < MAX_LOGIN_FAILURES; i++) await attempt(`ai.do.${i}`, OTHER_PASSWORD, '192.0.2.7');
		expect(await attempt('canbo.b', PASSWORD, '192.0.2.7')).toEqual({ ok: false, reason: 'throttled' });
		expect(await attempt('canbo.b', PASSWORD, '192.0.2.8')).toEqual({ ok: true });
	});

	it('ends a disabled user’s sessions at once and refuses their sign-in', async () => {
		const { id } = await newUser('canbo.c');
		const headers = await sessionHeaders('canbo.c', PASSWORD);
		expect((await sessionUser(handle.db, auth, headers))?.communeCodes).toEqual(['09700']);
		await setUserDisabled(handle.db, { kind: 'system', reason: 'test' }, id, true);
		expect(await sessionUser(handle.db, auth, headers)).toBeNull();
		expect(await attempt('canbo.c', PASSWORD)).toEqual({ ok: false, reason: 'refused' });
		await setUserDisabled(handle.db, { kind: 'system', reason: 'test' }, id, false);
		expect(await attempt('canbo.c', PASSWORD)).toEqual({ ok: true });
	});

	it('ends a session past its idle expiry or its absolute lifetime', async () => {
		await newUser('canbo.d');
		const idle = await sessionHeaders('canbo.d', PASSWORD);
		const absolute = await sessionHeaders('canbo.d', PASSWORD);
		expect(await sessionUser(handle.db, auth, idle)).not.toBeNull();
		const [idleSession, absoluteSession] = await Promise.all(
			[idle, absolute].map(async (headers) => (await auth.api.getSession({ headers }))!.session.id)
		);
		await ageSession(handle.db, idleSession!, { expiresAt: new Date(Date.now() - 60_000) });
		const created = new Date(Date.now() - (SESSION_ABSOLUTE_SECONDS + 60) * 1000);
		await ageSession(handle.db, absoluteSession!, { createdAt: created });
		expect(await sessionUser(handle.db, auth, idle)).toBeNull();
		expect(await sessionUser(handle.db, auth, absolute)).toBeNull();
		expect(await sessionExists(handle.db, absoluteSession!)).toBe(false);
	});

	it('changes a temporary password: the old one stops working, other sessions end, the flag clears', async () => {
		const { id } = await newUser('canbo.e', 'commune', true);
		const kept = await sessionHeaders('canbo.e', PASSWORD);
		const other = await sessionHeaders('canbo.e', PASSWORD);
		const user = (await sessionUser(handle.db, auth, kept))!;
		expect(user.mustChangePassword).toBe(true);
		const keepSessionId = (await auth.api.getSession({ headers: kept }))!.session.id;
		await setPassword(handle.db, actorOf(user), id, {
			passwordHash: await passwordHash(OTHER_PASSWORD),
			mustChange: false,
			keepSessionId
		});
		expect((await sessionUser(handle.db, auth, kept))?.mustChangePassword).toBe(false);
		expect(await sessionUser(handle.db, auth, other)).toBeNull();
		expect(await attempt('canbo.e', PASSWORD)).toEqual({ ok: false, reason: 'refused' });
		expect(await attempt('canbo.e', OTHER_PASSWORD)).toEqual({ ok: true });
		expect((await userAccess(handle.db, id))?.mustChangePassword).toBe(false);
	});

	it('records each change of a person in the audit trail, with the admin as actor and never a password', async () => {
		const admin = {
			kind: 'user',
			id: 'admin-id',
			username: 'quantri',
			role: 'admin',
			communeCodes: []
		} as const;
		const hash = await passwordHash(PASSWORD);
		const { id } = await createUser(handle.db, admin, {
			username: 'canbo.f',
			role: 'team',
			communeCodes: ['09700'],
			passwordHash: hash,
			mustChangePassword: true
		});
		await updateUserAccess(handle.db, admin, id, { role: 'commune', communeCodes: ['00004', '09700'] });
		await setUserDisabled(handle.db, admin, id, true);
		await setUserDisabled(handle.db, admin, id, false);
		await setPassword(handle.db, admin, id, { passwordHash: hash, mustChange: true });
		// A write that changes nothing (no such user) leaves no event.
		expect(await setUserDisabled(handle.db, admin, 'no-such-user', true)).toBe(false);
		const { events } = await listAuditEvents(handle.db, { username: 'quantri' }, { limit: 50, offset: 0 });
		const mine = events.filter((event) => event.entityId === id).reverse();
		expect(mine.map((event) => event.action)).toEqual([
			'user.create',
			'user.access',
			'user.disable',
			'user.enable',
			'user.password'
		]);
		expect(mine[1]!.changes).toEqual({
			before: { role: 'team', communeCodes: ['09700'] },
			after: { role: 'commune', communeCodes: ['00004', '09700'] }
		});
		expect(JSON.stringify(mine)).not.toContain(hash);
		expect(events.filter((event) => event.entityId === 'no-such-user')).toEqual([]);
	});

	it('creates a user from the command line, with the password from standard input', async () => {
		// PGlite in memory lives in this process only: the script gets a database directory of its own.
		const dataDir = driver === 'pglite' ? await mkdtemp(join(tmpdir(), 'gtn-users-')) : undefined;
		const env = { ...process.env, DATABASE_URL: handle.url ?? '', DATA_DIR: dataDir ?? '' };
		try {
			const cli = (args: string[], input: string) => {
				const child = run('npx', ['tsx', 'scripts/users.ts', ...args], { env });
				child.child.stdin?.end(input);
				return child;
			};
			await expect(
				cli(['create', '--username', 'cli.user', '--role', 'city'], 'matkhau123\n')
			).rejects.toThrow(/too-common/);
			await expect(
				cli(['create', '--username', 'cli.user', '--role', 'commune'], `${PASSWORD}\n`)
			).rejects.toThrow(/--commune/);
			const created = await cli(['create', '--username', 'cli.user', '--role', 'city'], `${PASSWORD}\n`);
			expect(created.stdout).toMatch(/cli\.user \(city\)/);
			expect(created.stdout + created.stderr).not.toContain(PASSWORD);
			if (driver === 'pg') {
				expect(await attempt('cli.user', PASSWORD)).toEqual({ ok: true });
			} else {
				const other = await openMigratedDatabase({ dataDir });
				try {
					const otherAuth = createAuth(other.db, {
						secret: 'x'.repeat(48),
						origin: undefined,
						requestEvent: () => undefined
					});
					const result = await attemptSignIn(other.db, otherAuth, {
						username: 'cli.user',
						password: PASSWORD,
						clientAddress: '10.9.9.9',
						headers: new Headers()
					});
					expect(result).toEqual({ ok: true });
				} finally {
					await other.close();
				}
			}
		} finally {
			if (dataDir) await rm(dataDir, { recursive: true, force: true });
		}
	});
});
