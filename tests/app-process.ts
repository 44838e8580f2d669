// Starting the built app as its own process, for the tests of what happens around requests: several
// instances on one database, start without a database, SIGTERM, a locked data directory, a full disk.
import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { APP_PORT, E2E_DEMO_PASSWORD } from '../playwright.config';

/** Ports of these tests' own app processes: above the two servers of playwright.config.ts. */
export const instancePort = (offset: number) => APP_PORT + 10 + offset;

/** The test servers' session secret: the same in every instance, as a deployment must set it. */
const SHARED_SECRET = 'e2e-instances-secret-not-for-production-0123456789';

export interface AppProcess {
	origin: string;
	child: ChildProcess;
	/** Everything it wrote to stdout and stderr so far. */
	output(): string;
	/** Its JSON log lines (pino) so far. */
	logLines(): Record<string, unknown>[];
	exited: Promise<number | null>;
}

/** Starts `node build` on `port` with `env` (on top of a clean base: no DATABASE_URL unless given). */
export function startApp(port: number, env: Record<string, string>): AppProcess {
	const origin = `http://localhost:${port}`;
	const child = spawn(process.execPath, ['build'], {
		env: {
			PATH: process.env.PATH,
			HOME: process.env.HOME,
			PORT: String(port),
			ORIGIN: origin,
			DEMO_PASSWORD: E2E_DEMO_PASSWORD,
			BETTER_AUTH_SECRET: SHARED_SECRET,
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let text = '';
	child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
	child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	return {
		origin,
		child,
		output: () => text,
		logLines: () =>
			text
				.split('\n')
				.filter((line) => line.startsWith('{'))
				.map((line) => JSON.parse(line) as Record<string, unknown>),
		exited
	};
}

/** Waits until the app answers /readyz with 200 (it listens only once its database is open). */
export async function waitReady(app: AppProcess, timeoutMs = 240_000): Promise<void> {
	await expect
		.poll(
			async () => {
				if (app.child.exitCode !== null)
					throw new Error(`the app exited (${app.child.exitCode}):\n${app.output()}`);
				const answer = await fetch(`${app.origin}/readyz`).catch(() => undefined);
				return answer?.status;
			},
			{ timeout: timeoutMs, intervals: [250, 500, 1000] }
		)
		.toBe(200);
}

/** SIGTERM, then the exit code. */
export async function stopApp(app: AppProcess): Promise<number | null> {
	if (app.child.exitCode === null) app.child.kill('SIGTERM');
	return app.exited;
}

/** The PostgreSQL server of DATABASE_URL, as an admin connection string for another database name. */
export function databaseUrl(name: string): string {
	const url = new URL(process.env.DATABASE_URL!);
	url.pathname = `/${name}`;
	return url.toString();
}

/** Runs one statement on the DATABASE_URL server: its own database (create, drop, terminate) or `database`. */
export async function onServer(
	statement: string,
	values: unknown[] = [],
	database?: string
): Promise<pg.QueryResult> {
	const client = new pg.Client({
		connectionString: database ? databaseUrl(database) : process.env.DATABASE_URL
	});
	await client.connect();
	try {
		return await client.query(statement, values);
	} finally {
		await client.end();
	}
}

/**
 * For a suite that only PostgreSQL/PostGIS can run (several processes on one database): fails its tests
 * with the reason when DATABASE_URL is unset, rather than skipping them unseen. `.ci/run` sets it.
 */
export function requirePostgres(): void {
	test.beforeAll(() => {
		if (!process.env.DATABASE_URL) {
			throw new Error('These tests need PostgreSQL/PostGIS: set DATABASE_URL (as .ci/run does)');
		}
	});
}
