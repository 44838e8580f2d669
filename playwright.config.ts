import { defineConfig } from '@playwright/test';

/**
 * The built app, seeded as by default (with the demo dataset), on DATABASE_URL when set (CI).
 * `E2E_PORT` moves both servers, so that two checkouts can run their end-to-end tests at once.
 */
export const APP_PORT = Number(process.env.E2E_PORT ?? 3000);

/** The same build on a database seeded without the demo dataset, for the demo-badge test. */
export const NO_DEMO_PORT = APP_PORT + 1;

/** The second server is configured with an external basemap at this address, which the test intercepts. */
export const TEST_BASEMAP_STYLE_URL = 'http://basemap.invalid/style.json';

// Without DATABASE_URL the servers use an in-memory PGlite: every run starts from a fresh seed, and a
// developer's .data/pglite, perhaps open in `npm run dev`, is never opened by a second process.
const EMBEDDED_DATABASE = 'memory://';

// No browser download is possible here: use the system Chromium, rendering WebGL2 in software.
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
	'--use-angle=swiftshader',
	'--enable-unsafe-swiftshader'
];

/**
 * Test-only credentials, for the test servers alone (the app has no password of its own): the demo
 * accounts' password on the demo server, the first admin's on the server without demo data.
 */
export const E2E_DEMO_PASSWORD = 'e2e-demo-mat-khau';
export const E2E_ADMIN = { username: 'quantri', password: 'e2e-mat-khau-nguoi-dau-tien' };
/** Signs the test servers' session cookies (one value, so both servers' sessions are stable across restarts). */
const E2E_AUTH_SECRET = 'e2e-only-secret-not-for-production-0123456789';

/**
 * The demo server's public refresh interval (PUBLIC_REFRESH_SECONDS, 60 by default): short, so that the
 * test of the delay until a field record shows on the public map waits seconds, not minutes.
 */
export const E2E_PUBLIC_REFRESH_SECONDS = 10;

// Each start migrates and seeds its database before it listens, which takes a while on PGlite.
const SERVER_START_TIMEOUT = 300_000;

// adapter-node closes the database on SIGTERM (src/hooks.server.ts); SIGKILL would not let it.
const GRACEFUL_SHUTDOWN = { signal: 'SIGTERM', timeout: 15_000 } as const;

export default defineConfig({
	testDir: 'tests',
	testMatch: '*.e2e.ts',
	outputDir: 'test-results',
	forbidOnly: !!process.env.CI,
	retries: 0,
	// Software WebGL is CPU-bound and the machine has two cores: one page at a time renders reliably.
	workers: 1,
	timeout: 60_000,
	expect: { timeout: 20_000 },
	reporter: process.env.CI
		? [['list'], ['html', { open: 'never' }], ['./tests/reporters/playwright-no-skips.ts']]
		: [['list'], ['html', { open: 'never' }]],
	use: {
		baseURL: `http://localhost:${APP_PORT}`,
		viewport: { width: 1280, height: 800 },
		locale: 'vi-VN',
		screenshot: 'on',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: CHROMIUM_ARGS
		}
	},
	webServer: [
		{
			command: 'npm run build && node scripts/server.js',
			port: APP_PORT,
			// adapter-node takes the site to be https:// unless told; form posts from http://localhost would be refused.
			env: {
				PORT: String(APP_PORT),
				ORIGIN: `http://localhost:${APP_PORT}`,
				DATA_DIR: EMBEDDED_DATABASE,
				DEMO_PASSWORD: E2E_DEMO_PASSWORD,
				BETTER_AUTH_SECRET: E2E_AUTH_SECRET,
				PUBLIC_REFRESH_SECONDS: String(E2E_PUBLIC_REFRESH_SECONDS),
				// Imports take files up to 25 MB; adapter-node's default is 512 kB.
				BODY_SIZE_LIMIT: '26M'
			},
			reuseExistingServer: !process.env.CI,
			timeout: SERVER_START_TIMEOUT,
			gracefulShutdown: GRACEFUL_SHUTDOWN,
			stdout: 'pipe'
		},
		{
			// Starts after the first server, so the build exists. An empty DATABASE_URL selects PGlite even in CI.
			command: 'node scripts/server.js',
			port: NO_DEMO_PORT,
			env: {
				PORT: String(NO_DEMO_PORT),
				ORIGIN: `http://localhost:${NO_DEMO_PORT}`,
				DATABASE_URL: '',
				DATA_DIR: EMBEDDED_DATABASE,
				SEED_DEMO: 'false',
				BASEMAP_STYLE_URL: TEST_BASEMAP_STYLE_URL,
				// The first-admin bootstrap: no demo accounts here, only this admin.
				ADMIN_USERNAME: E2E_ADMIN.username,
				ADMIN_PASSWORD: E2E_ADMIN.password,
				BETTER_AUTH_SECRET: E2E_AUTH_SECRET
			},
			reuseExistingServer: !process.env.CI,
			timeout: SERVER_START_TIMEOUT,
			gracefulShutdown: GRACEFUL_SHUTDOWN,
			stdout: 'pipe'
		}
	]
});
