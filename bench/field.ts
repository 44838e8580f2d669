// Bench section: the field app on a phone's network. The JavaScript /record loads on a first visit
// (gzipped), the files it asks for before it is interactive (on Slow 3G each costs a 2 s round trip on one
// of the browser's 6 connections per host) and its time to interactive under Chromium's "Slow 3G"
// emulation, each against the map page (`/`) measured the same way in the same run. Budget (issue 11):
// under 150 kB and under 5 s. /record is interactive when hydrated: its hamlets come in the page.
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from '../playwright.config';
import { buildIfStale, startApp, stopApp } from './app-server';
import { quantileOf, report, reportQuantity } from './report';

const ROUNDS = 3;

/** DevTools' "Slow 3G" preset: 400 kbit/s each way at 80% goodput, 2 s round trips. */
const SLOW_3G = {
	offline: false,
	latency: 2000,
	downloadThroughput: (500 * 1000 * 0.8) / 8,
	uploadThroughput: (500 * 1000 * 0.8) / 8
};

/**
 * What a first visit of `path` costs: its scripts' bytes gzipped, the requests made until `ready` (the
 * page's own included), and the milliseconds until `ready`.
 */
async function firstVisit(
	browser: Browser,
	origin: string,
	cookie: string,
	path: string,
	ready: string,
	network?: typeof SLOW_3G
): Promise<{ scriptBytes: number; requests: number; milliseconds: number }> {
	const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
	try {
		const [name, value] = cookie.split('=') as [string, string];
		await context.addCookies([{ name, value, url: origin }]);
		const page = await context.newPage();
		if (network) {
			const cdp = await context.newCDPSession(page);
			await cdp.send('Network.enable');
			await cdp.send('Network.emulateNetworkConditions', network);
		}
		const scripts: Promise<number>[] = [];
		let requests = 0;
		page.on('request', () => requests++);
		page.on('response', (response) => {
			if (response.request().resourceType() === 'script') {
				scripts.push(
					response
						.body()
						.then((body) => gzipSync(body, { level: 9 }).length)
						.catch(() => 0)
				);
			}
		});
		const started = performance.now();
		await page.goto(`${origin}${path}`);
		await page.waitForSelector(ready, { timeout: 300_000 });
		const milliseconds = performance.now() - started;
		const requestsUntilReady = requests;
		const scriptBytes = (await Promise.all(scripts)).reduce((sum, bytes) => sum + bytes, 0);
		return { scriptBytes, requests: requestsUntilReady, milliseconds };
	} finally {
		await context.close();
	}
}

export async function benchField(): Promise<void> {
	buildIfStale();
	// A seeded directory kept between runs (seeding takes minutes on a busy machine); its demo accounts
	// get this password when it is first seeded.
	const password = 'bench-field-demo-password';
	const { origin, server } = await startApp(
		{
			DATA_DIR: '.data/bench-field',
			DATABASE_URL: '',
			DEMO_PASSWORD: password,
			BETTER_AUTH_SECRET: randomBytes(32).toString('base64url'),
			ORIGIN: 'http://localhost'
		},
		20 * 60_000
	);
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: CHROMIUM_ARGS
	});
	try {
		const signIn = await fetch(`${origin}/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: 'http://localhost',
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ username: 'demo.team', password, redirectTo: '/' })
		});
		const cookie = signIn.headers
			.getSetCookie()
			.map((line) => line.split(';')[0]!)
			.find((pair) => pair.includes('session_token'));
		if (!cookie) throw new Error(`sign-in answered ${signIn.status} without a session`);
		const record = { path: '/record', ready: 'main[data-hydrated=true]' };
		const map = { path: '/', ready: '[data-testid=map][data-map-idle=true]' };
		// Warm the server's caches; the bytes need no emulation.
		const recordVisit = await firstVisit(browser, origin, cookie, record.path, record.ready);
		const mapVisit = await firstVisit(browser, origin, cookie, map.path, map.ready);
		reportQuantity(
			'field app /record: JavaScript of a first visit, gzipped',
			recordVisit.scriptBytes,
			'B',
			'the map page /',
			mapVisit.scriptBytes
		);
		reportQuantity(
			'field app /record: requests until interactive (first visit)',
			recordVisit.requests,
			'requests',
			'the map page / until idle',
			mapVisit.requests
		);
		const recordTimes: number[] = [];
		const mapTimes: number[] = [];
		for (let round = 0; round < ROUNDS; round++) {
			recordTimes.push(
				(await firstVisit(browser, origin, cookie, record.path, record.ready, SLOW_3G)).milliseconds
			);
			mapTimes.push((await firstVisit(browser, origin, cookie, map.path, map.ready, SLOW_3G)).milliseconds);
		}
		report(
			`field app /record: time to interactive on Slow 3G (median of ${ROUNDS}, fresh context)`,
			quantileOf(recordTimes, 0.5),
			'the map page / idle on Slow 3G',
			quantileOf(mapTimes, 0.5)
		);
	} finally {
		await browser.close();
		await stopApp(server);
	}
}
