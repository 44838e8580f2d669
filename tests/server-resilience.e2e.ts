// The server under a burst and under a redeploy, on a server of its own (a copy of the build, so that
// files can be removed, and a low MAX_IN_FLIGHT, so that a bounded number of requests overloads it).
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { APP_PORT } from '../playwright.config';

const PORT = APP_PORT + 3;
const ORIGIN = `http://localhost:${PORT}`;
const BUILD_COPY = join('test-results', 'resilience-build');

let server: ChildProcess;

test.beforeAll(async () => {
	test.setTimeout(300_000);
	rmSync(BUILD_COPY, { recursive: true, force: true });
	cpSync('build', BUILD_COPY, { recursive: true });
	server = spawn(process.execPath, ['scripts/server.js'], {
		env: {
			...process.env,
			BUILD_DIR: BUILD_COPY,
			PORT: String(PORT),
			ORIGIN,
			DATABASE_URL: '',
			DATA_DIR: 'memory://',
			SEED_DEMO: 'false',
			MAX_IN_FLIGHT: '2'
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (let waited = 0; waited < 280_000; waited += 500) {
		const answer = await fetch(`${ORIGIN}/login`).catch(() => undefined);
		if (answer?.ok) return;
		if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error('the server did not start');
});

test.afterAll(async () => {
	if (server && server.exitCode === null) {
		const exited = new Promise((resolve) => server.once('exit', resolve));
		server.kill('SIGTERM');
		await exited;
	}
	rmSync(BUILD_COPY, { recursive: true, force: true });
});

/**
 * A sign-in post whose body is sent only in part and held open: the server is busy with it (reading the
 * body) until `abort()`, as with a slow phone upload.
 */
function slowPost(): { abort: () => void } {
	const body = 'username=someone&password=';
	const request = httpRequest(`${ORIGIN}/login`, {
		method: 'POST',
		headers: {
			origin: ORIGIN,
			'content-type': 'application/x-www-form-urlencoded',
			'content-length': String(body.length + 100)
		}
	});
	request.on('error', () => {});
	request.write(body);
	return { abort: () => request.destroy() };
}

test('over its limit the server answers 503 with Retry-After at once, and 200 as soon as the burst is over', async () => {
	// A limit of 2: two requests in flight, a third is refused at once rather than queued.
	const busy = [slowPost(), slowPost()];
	await new Promise((resolve) => setTimeout(resolve, 500));
	const started = performance.now();
	const refused = await fetch(`${ORIGIN}/api/search?q=ba`);
	expect(refused.status).toBe(503);
	expect(performance.now() - started).toBeLessThan(2000);
	expect(refused.headers.get('retry-after')).toBe('2');
	expect((await refused.json()).error).toMatchObject({ code: 'overloaded', messageEn: expect.any(String) });

	for (const request of busy) request.abort();
	await expect
		.poll(async () => (await fetch(`${ORIGIN}/api/search?q=ba`)).status, { timeout: 5000 })
		.toBe(200);
});

test('a static file removed under the running server answers 404, and the server stays up', async () => {
	const entryDir = join(BUILD_COPY, 'client', '_app', 'immutable', 'entry');
	const file = readdirSync(entryDir).find((name) => name.endsWith('.js'))!;
	const url = `${ORIGIN}/_app/immutable/entry/${file}`;
	expect((await fetch(url, { headers: { 'accept-encoding': 'gzip' } })).status).toBe(200);
	for (const name of readdirSync(entryDir).filter((name) => name.startsWith(file)))
		rmSync(join(entryDir, name));
	expect((await fetch(url, { headers: { 'accept-encoding': 'gzip' } })).status).toBe(404);
	expect((await fetch(url)).status).toBe(404);
	expect((await fetch(`${ORIGIN}/login`)).status).toBe(200);
	expect(server.exitCode).toBeNull();
});
