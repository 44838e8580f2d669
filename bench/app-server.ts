// Starting the built app for the benchmarks that measure it over HTTP (tiles, map idle).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
export { buildIfStale } from '../scripts/build-if-stale.js';

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/** Starts the built app (`node scripts/server.js`) on a free port with `env`; resolves once it answers HTTP (seeding may take minutes). */
export async function startApp(
	env: Record<string, string>,
	startTimeoutMs = 300_000
): Promise<{ origin: string; server: ChildProcess }> {
	const port = await freePort();
	const server = spawn(process.execPath, ['scripts/server.js'], {
		env: { ...process.env, ...env, PORT: String(port) },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const origin = `http://localhost:${port}`;
	const deadline = Date.now() + startTimeoutMs;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) throw new Error(`the app exited with code ${server.exitCode}`);
		// An unknown layer answers 404 without touching the tile cache.
		const probe = await fetch(`${origin}/tiles/none/0/0/0.mvt`).catch(() => undefined);
		if (probe?.status === 404) return { origin, server };
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	// Still starting (a seed under load) it may not heed SIGTERM yet: stop it for good, never leave it behind.
	await stopApp(server, 10_000);
	throw new Error(`the app did not start within ${startTimeoutMs / 60_000} minutes`);
}

/** SIGTERM, then SIGKILL if it has not exited after `killAfterMs`. */
export async function stopApp(server: ChildProcess, killAfterMs = 60_000): Promise<void> {
	if (server.exitCode !== null || server.signalCode !== null) return;
	const exited = new Promise((resolve) => server.once('exit', resolve));
	server.kill('SIGTERM');
	const timer = setTimeout(() => server.kill('SIGKILL'), killAfterMs);
	await exited;
	clearTimeout(timer);
}
