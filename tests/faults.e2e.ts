// Faults around the app's process: a database that is not there at start, connections killed and a
// query that throws while serving, a data directory locked by another process, SIGTERM with requests
// in flight. The process never dies of them and serves again without a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import lockfile from 'proper-lockfile';
import { APP_PORT } from '../playwright.config';
import {
	databaseUrl,
	instancePort,
	onServer,
	startApp,
	stopApp,
	waitReady,
	requirePostgres,
	type AppProcess
} from './app-process';

/** Waits for a log line of the app matching `match`. */
async function logged(
	app: AppProcess,
	match: (line: Record<string, unknown>) => boolean
): Promise<Record<string, unknown>> {
	let found: Record<string, unknown> | undefined;
	await expect.poll(() => (found = app.logLines().find(match)), { timeout: 60_000 }).toBeTruthy();
	return found!;
}

/** A request on a new connection (no keep-alive reuse): what a new client gets. */
function freshGet(url: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(url, { agent: false }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		});
		req.on('error', reject);
		req.end();
	});
}

test.describe('faults on PostgreSQL', () => {
	requirePostgres();
	test.describe.configure({ mode: 'serial', timeout: 300_000 });

	const database = `gtn_e2e_faults_${APP_PORT}`;
	let app: AppProcess;

	test.beforeAll(() => onServer(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
	test.afterAll(async () => {
		if (app) await stopApp(app);
		await onServer(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
	});

	test('the database missing at start: a clear message and retries, then it serves once the database is there', async () => {
		app = startApp(instancePort(2), { DATABASE_URL: databaseUrl(database), SEED_DEMO: 'false' });
		const failure = await logged(app, (line) => line.attempt === 2);
		expect(String(failure.msg)).toContain('database not available at start: retrying');
		expect(String(failure.reason)).toContain(`database "${database}" does not exist`);
		expect(failure.retryInMs).toBe(2000);
		// Not a crash loop: the same process, still waiting.
		expect(app.child.exitCode).toBeNull();
		await onServer(`CREATE DATABASE ${database}`);
		await waitReady(app);
		expect(app.child.exitCode).toBeNull();
	});

	test('a request that throws is answered 500 with its request id, and the process serves on', async ({
		request
	}) => {
		// Both revisions: tiles read the geometry revision, pages and JSON the figures revision.
		await onServer('ALTER TABLE data_revision RENAME TO data_revision_away', [], database);
		await onServer('ALTER TABLE geometry_revision RENAME TO geometry_revision_away', [], database);
		try {
			const broken = await request.get(`${app.origin}/tiles/hamlets/12/3252/1801.mvt`, {
				headers: { accept: 'application/json' }
			});
			expect(broken.status()).toBe(500);
			const body = (await broken.json()) as { code: string; requestId: string; message: string };
			expect(body.code).toBe('internal-error');
			expect(body.requestId).toBe(broken.headers()['x-request-id']);
			expect(body.message).not.toMatch(/(data|geometry)_revision/);
			// Logged with the stack and the same id.
			const line = await logged(
				app,
				(entry) => entry.msg === 'request error' && entry.requestId === body.requestId
			);
			expect(String((line.err as { stack?: string }).stack)).toMatch(/(data|geometry)_revision/);
			// The readiness probe says why.
			const ready = await request.get(`${app.origin}/readyz`);
			expect(ready.status()).toBe(503);
			expect(await ready.json()).toMatchObject({ status: 'not-ready', reason: 'database-unreachable' });
		} finally {
			await onServer('ALTER TABLE data_revision_away RENAME TO data_revision', [], database);
			await onServer('ALTER TABLE geometry_revision_away RENAME TO geometry_revision', [], database);
		}
		expect((await request.get(`${app.origin}/tiles/hamlets/12/3252/1801.mvt`)).status()).toBeLessThan(300);
		expect(app.child.exitCode).toBeNull();
	});

	test("the database's connections killed while serving: clear errors, then it serves again without a restart", async ({
		request
	}) => {
		const answers: { status: number; code?: string }[] = [];
		const burst = Array.from({ length: 30 }, async (_, index) => {
			const answer = await request.get(
				`${app.origin}/tiles/hamlets/12/${3250 + (index % 6)}/${1800 + Math.floor(index / 6)}.mvt`,
				{
					headers: { accept: 'application/json' }
				}
			);
			answers.push({
				status: answer.status(),
				code: answer.status() >= 500 ? ((await answer.json()) as { code: string }).code : undefined
			});
		});
		// Kill every connection of the app's database while the burst runs, as a server restart would.
		for (let round = 0; round < 5; round++) {
			await onServer('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database]);
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		await Promise.all(burst);
		for (const answer of answers) {
			if (answer.status >= 500) expect(answer).toEqual({ status: 500, code: 'database-unavailable' });
			else expect([200, 204]).toContain(answer.status);
		}
		// Within seconds, with the same process: the pool opened new connections.
		await expect
			.poll(async () => (await request.get(`${app.origin}/readyz`)).status(), { timeout: 10_000 })
			.toBe(200);
		expect((await request.get(`${app.origin}/tiles/hamlets/12/3252/1801.mvt`)).status()).toBeLessThan(300);
		expect(app.child.exitCode).toBeNull();
	});
});

test.describe('faults on the embedded PGlite', () => {
	test.describe.configure({ mode: 'serial', timeout: 300_000 });
	const dataDir = mkdtempSync(join(tmpdir(), 'gtn-e2e-faults-'));
	let app: AppProcess;

	test.afterAll(async () => {
		if (app) await stopApp(app);
		rmSync(dataDir, { recursive: true, force: true });
	});

	test('a data directory locked by another process: a message naming it, then it starts once freed', async () => {
		// This test process holds the directory's lock, as a running server or `npm run seed` would.
		const release = await lockfile.lock(dataDir, { stale: 30_000, update: 10_000 });
		try {
			app = startApp(instancePort(3), { DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'debug' });
			const failure = await logged(app, (line) => line.attempt === 1);
			expect(String(failure.reason)).toContain(
				`the embedded database ${dataDir} is in use by another process`
			);
			expect(app.child.exitCode).toBeNull();
		} finally {
			await release();
		}
		await waitReady(app);
	});

	test('SIGTERM with requests in flight: they finish, new ones are refused, the database closes cleanly', async () => {
		// A sign-in whose body arrives in two parts: in flight from its headers on, for as long as the test says.
		const body = new URLSearchParams({ username: 'khong.co.ai', password: 'sai-mat-khau-123' }).toString();
		const slow = httpRequest(`${app.origin}/login`, {
			method: 'POST',
			agent: false,
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				'content-length': Buffer.byteLength(body),
				origin: app.origin,
				accept: 'text/html'
			}
		});
		const signIn = new Promise<number>((resolve, reject) => {
			slow.on('response', (res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode ?? 0));
			});
			slow.on('error', reject);
		});
		slow.write(body.slice(0, 10));
		await logged(app, (line) => line.msg === 'request received' && line.route === '/login');
		const others = [
			`${app.origin}/`,
			`${app.origin}/api/hotspots`,
			`${app.origin}/tiles/hamlets/11/1625/901.mvt`
		].map((url) => freshGet(url));
		const received = () => app.logLines().filter((line) => line.msg === 'request received').length;
		await expect.poll(received, { timeout: 60_000, intervals: [5] }).toBeGreaterThanOrEqual(4);

		app.child.kill('SIGTERM');
		await logged(app, (line) => String(line.msg).startsWith('SIGTERM'));
		// New connections are refused at once; the process waits for the sign-in in flight.
		await expect(freshGet(`${app.origin}/healthz`)).rejects.toThrow(/ECONNREFUSED/);
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(app.child.exitCode).toBeNull();
		slow.end(body.slice(10));
		// An unknown user's sign-in is refused (400), and answered: not cut off.
		expect(await signIn).toBe(400);
		// The others are answered too (without demo data, the hot spots are a 404): none cut off.
		for (const status of await Promise.all(others)) expect(status).toBeLessThan(500);
		expect(await app.exited).toBe(0);
		expect(app.logLines().some((line) => line.msg === 'database closed, exiting')).toBe(true);

		// The directory opens again: unlocked, no recovery problem, nothing seeded anew.
		app = startApp(instancePort(3), { DATA_DIR: dataDir, SEED_DEMO: 'false' });
		await waitReady(app);
		expect(app.logLines().filter((line) => String(line.msg).includes('database seeded'))).toEqual([]);
		expect(app.logLines().filter((line) => line.level === 50)).toEqual([]);
	});
});

test.describe('stopped while starting, on the embedded PGlite', () => {
	test.describe.configure({ timeout: 300_000 });
	const dataDir = mkdtempSync(join(tmpdir(), 'gtn-e2e-start-stop-'));
	let app: AppProcess | undefined;

	test.afterAll(async () => {
		if (app) await stopApp(app);
		rmSync(dataDir, { recursive: true, force: true });
	});

	test('SIGTERM during the first seed stops it; the next start finds the seed whole or none of it', async () => {
		const first = startApp(instancePort(4), { DATA_DIR: dataDir });
		app = first;
		await logged(first, (line) => line.msg === 'database migrated');
		// The demo seed takes seconds to minutes on PGlite: the signal lands while it runs.
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(first.logLines().some((line) => String(line.msg).includes('database seeded'))).toBe(false);
		const signalled = Date.now();
		first.child.kill('SIGTERM');
		expect(await first.exited).toBe(0);
		const stoppedInMs = Date.now() - signalled;
		// PGlite's statements run on the event loop's thread, so the signal is handled once the running
		// statements give it a turn (the seed may even end first): seconds, never the minutes it ran before.
		console.log(`the app stopped ${stoppedInMs} ms after SIGTERM, during its first seed`);
		expect(stoppedInMs).toBeLessThan(30_000);
		expect(
			first.logLines().some((line) => line.msg === 'SIGTERM while starting: stopping before serving')
		).toBe(true);

		// The seed is one transaction: the next start finds it whole (and leaves it) or finds nothing and
		// seeds in full; either way the data is seeded once, never twice, and complete (the first process
		// may also have committed it and been stopped before its log line).
		app = startApp(instancePort(4), { DATA_DIR: dataDir });
		await waitReady(app);
		const seeded = (started: AppProcess) =>
			started.logLines().filter((line) => String(line.msg).includes('database seeded')).length;
		expect(seeded(first) + seeded(app)).toBeLessThanOrEqual(1);
		expect(await (await fetch(`${app.origin}/readyz`)).json()).toMatchObject({ status: 'ready' });
		expect(app.logLines().filter((line) => line.level === 50)).toEqual([]);
		const hotSpots = await fetch(`${app.origin}/api/hotspots`);
		expect(hotSpots.status).toBe(200);
	});
});
