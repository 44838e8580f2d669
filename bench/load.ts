// Bench section: the public map under a crowd (issue 13). autocannon holds LOAD_CONNECTIONS connections
// (default 200) for LOAD_SECONDS (default 60) on `/` and on `/embed` of the built app, while the app
// records one activity a second (BENCH_WRITES_PER_SECOND=1, through the ordinary loader); the baseline is
// a static file of the same build fetched the same way in the same run. Then one request right after
// the burst, to an address no cache holds. On the embedded PGlite, and on PostGIS when DATABASE_URL is set.
import { readdirSync } from 'node:fs';
import autocannon from 'autocannon';
import { seedDatabase } from '../src/lib/server/seed/seed-database';
import { buildIfStale, startApp, stopApp } from './app-server';
import { BENCH_ACTOR, report, reportQuantity, timed } from './report';
import { createThrowawayDatabase } from './tiles';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 200);

interface LoadResult {
	requestsPerSecond: number;
	p50: number;
	p99: number;
	errors: number;
	timeouts: number;
	non2xx: number;
}

async function hammer(url: string): Promise<LoadResult> {
	const result = await autocannon({
		url,
		connections: CONNECTIONS,
		duration: SECONDS,
		// A browser's request: it takes gzip, as every client of a public map does.
		headers: { 'accept-encoding': 'gzip' },
		timeout: 10
	});
	return {
		requestsPerSecond: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.errors,
		timeouts: result.timeouts,
		non2xx: result.non2xx
	};
}

/** A static file of the build: what this server answers fastest, the baseline of every figure. */
function staticFilePath(): string {
	const dir = 'build/client/_app/immutable/entry';
	const file = readdirSync(dir).find((name) => name.startsWith('start') && name.endsWith('.js'));
	return `/_app/immutable/entry/${file}`;
}

async function benchApp(database: string, env: Record<string, string>): Promise<void> {
	const { origin, server } = await startApp({ ...env, BENCH_WRITES_PER_SECOND: '1' });
	try {
		const staticUrl = `${origin}${staticFilePath()}`;
		// Warm the caches, as a deployed server's are.
		for (const path of ['/', '/embed']) await fetch(`${origin}${path}`);
		const baseline = await hammer(staticUrl);
		console.log(`${database}: static file`, baseline);
		for (const path of ['/', '/embed']) {
			const load = await hammer(`${origin}${path}`);
			console.log(`${database}: ${path}`, load);
			const name = `${path} on ${database}, ${CONNECTIONS} connections ${SECONDS} s, 1 write/s`;
			const staticName = `a static file, ${CONNECTIONS} connections`;
			reportQuantity(
				`${name}: req/s`,
				Math.round(load.requestsPerSecond),
				'req/s',
				staticName,
				Math.round(baseline.requestsPerSecond)
			);
			report(`${name}: p99`, load.p99, `${staticName}: p99`, baseline.p99);
			reportQuantity(
				`${name}: errors + timeouts + non-2xx`,
				load.errors + load.timeouts + load.non2xx,
				'',
				`${staticName}: errors + timeouts + non-2xx`,
				Math.max(1, baseline.errors + baseline.timeouts + baseline.non2xx)
			);
			// Right after the burst: an address no cache holds yet, so the server does real work.
			const [, after] = await timed(() =>
				fetch(`${origin}${path}?metric=skills&classes=quantiles`).then((r) => r.arrayBuffer())
			);
			const [, staticAfter] = await timed(() => fetch(staticUrl).then((r) => r.arrayBuffer()));
			report(
				`${path} on ${database}: first uncached request right after the burst`,
				after,
				'a static file right after',
				staticAfter
			);
		}
	} finally {
		await stopApp(server);
	}
}

export async function benchLoad(): Promise<void> {
	buildIfStale();
	await benchApp('PGlite', { DATA_DIR: 'memory://', DATABASE_URL: '' });
	if (!process.env.DATABASE_URL) {
		console.log('DATABASE_URL is unset: the load section ran on PGlite only.');
		return;
	}
	const database = await createThrowawayDatabase();
	try {
		await seedDatabase(database.handle.db, BENCH_ACTOR);
		await benchApp('PostGIS', { DATABASE_URL: database.url });
	} finally {
		await database.drop();
	}
}
