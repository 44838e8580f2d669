// Bench section: what the dashboard costs against the map page, on the same server and data. The first
// load computes every month's figures of every hamlet (cached per data revision, as is the month's gap
// analysis, which the map's first load computes and the dashboard then shares); later loads serve the
// cached figures and render the page.
import { randomBytes } from 'node:crypto';
import { buildIfStale, startApp, stopApp } from './app-server';
import { quantileOf, report, reportQuantity, timed } from './report';

const CACHED_REQUESTS = 15;
/** Seeding the demo in memory takes minutes on a busy shared machine. */
const SEED_TIMEOUT_MS = 15 * 60_000;

export async function benchDashboard(): Promise<void> {
	buildIfStale();
	const password = randomBytes(12).toString('base64url');
	const { origin, server } = await startApp(
		{
			// A copy of a seeded directory when given: on a busy shared machine seeding in memory can outlast the run.
			DATA_DIR: process.env.BENCH_DATA_DIR || 'memory://',
			DATABASE_URL: '',
			DEMO_PASSWORD: password,
			BETTER_AUTH_SECRET: randomBytes(32).toString('base64url'),
			ORIGIN: 'http://localhost'
		},
		SEED_TIMEOUT_MS
	);
	try {
		const signIn = await fetch(`${origin}/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: 'http://localhost',
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ username: 'demo.city', password, redirectTo: '/' })
		});
		if (signIn.status !== 303) throw new Error(`sign-in answered ${signIn.status}`);
		const cookie = signIn.headers
			.getSetCookie()
			.map((line) => line.split(';')[0]!)
			.join('; ');
		const get = async (path: string) => {
			const response = await fetch(`${origin}${path}`, { headers: { cookie } });
			const body = await response.arrayBuffer();
			if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
			return body.byteLength;
		};

		const [mapBytes, mapFirst] = await timed(() => get('/'));
		const [dashboardBytes, dashboardFirst] = await timed(() => get('/dashboard'));
		const [, communeFirst] = await timed(() => get('/communes/09700'));
		const map: number[] = [];
		const dashboard: number[] = [];
		const commune: number[] = [];
		// Interleaved, so that all three see the same machine load.
		for (let i = 0; i < CACHED_REQUESTS; i++) {
			map.push((await timed(() => get('/')))[1]);
			dashboard.push((await timed(() => get('/dashboard')))[1]);
			commune.push((await timed(() => get('/communes/09700')))[1]);
		}
		report('dashboard, first load (after the map’s)', dashboardFirst, 'map page `/`, first load', mapFirst);
		report('commune page 09700, first load', communeFirst, 'map page `/`, first load', mapFirst);
		const mapMedian = quantileOf(map, 0.5);
		report(
			'dashboard, cached, median',
			quantileOf(dashboard, 0.5),
			'map page `/`, cached, median',
			mapMedian
		);
		report(
			'commune page 09700, cached, median',
			quantileOf(commune, 0.5),
			'map page `/`, cached, median',
			mapMedian
		);
		reportQuantity('dashboard HTML, bytes', dashboardBytes, 'B', 'map page `/` HTML', mapBytes);
	} finally {
		await stopApp(server);
	}
}
