// Bench section: throughput of one app instance against two on the same PostGIS database, the same
// load (concurrent clients asking tiles, the gap JSON and place search), on this machine. Needs
// DATABASE_URL: its server gets a database of its own for the run, dropped at the end. INSTANCES_LOAD_NICE
// (e.g. 19) lowers the load generator's CPU priority below the instances' for the measurement.
import { randomBytes } from 'node:crypto';
import { getPriority, setPriority } from 'node:os';
import pg from 'pg';
import { buildIfStale, startApp, stopApp } from './app-server';
import { reportQuantity } from './report';

const CLIENTS = 16;
const SECONDS = 15;

/** The requests of the load, drawn in turn: map tiles around the centre, a commune's gap JSON, a search. */
const PATHS = [
	...Array.from(
		{ length: 24 },
		(_, index) => `/tiles/hamlets/13/${6500 + (index % 6)}/${3605 + Math.floor(index / 6)}.mvt`
	),
	'/api/gap?commune=00004',
	'/api/gap?commune=09700',
	'/api/search?q=ba%20vi',
	'/api/search?q=hoan%20kiem'
];

async function onServer(statement: string): Promise<void> {
	const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
	await client.connect();
	await client.query(statement).finally(() => client.end());
}

/** Requests answered per second by `origins`, CLIENTS at a time, each client on the next origin in turn. */
async function throughput(origins: readonly string[], seconds: number): Promise<number> {
	const deadline = performance.now() + seconds * 1000;
	let done = 0;
	await Promise.all(
		Array.from({ length: CLIENTS }, async (_, client) => {
			for (let index = client; performance.now() < deadline; index++) {
				const response = await fetch(`${origins[index % origins.length]}${PATHS[index % PATHS.length]}`);
				await response.arrayBuffer();
				if (response.status >= 400)
					throw new Error(`${PATHS[index % PATHS.length]} answered ${response.status}`);
				done++;
			}
		})
	);
	return done / seconds;
}

export async function benchInstances(): Promise<void> {
	if (!process.env.DATABASE_URL) throw new Error('the instances section needs DATABASE_URL (PostGIS)');
	buildIfStale();
	const name = `gtn_bench_instances_${process.pid}`;
	const url = new URL(process.env.DATABASE_URL);
	url.pathname = `/${name}`;
	await onServer(`CREATE DATABASE ${name}`);
	const env = {
		DATABASE_URL: url.toString(),
		BETTER_AUTH_SECRET: randomBytes(32).toString('base64url'),
		LOG_LEVEL: 'warn'
	};
	const apps: Awaited<ReturnType<typeof startApp>>[] = [];
	try {
		// Both start before any measuring (an idle instance costs nothing), so that lowering the load
		// generator's priority below leaves the two instances at the same one.
		apps.push(await startApp(env));
		apps.push(await startApp(env));
		const loadNice = process.env.INSTANCES_LOAD_NICE;
		if (loadNice !== undefined) {
			// This process is the load generator: at a lower priority than the instances and PostgreSQL,
			// its clients wait for a core rather than take one from the servers they measure.
			setPriority(Number(loadNice));
			console.log(
				`instances: load generator at nice ${getPriority()}, instances at ${getPriority(apps[0]!.server.pid)}`
			);
		}
		await throughput([apps[0]!.origin], 3); // warm: caches, connections, JIT
		const one = await throughput([apps[0]!.origin], SECONDS);
		await throughput([apps[1]!.origin], 3);
		const two = await throughput(
			apps.map((app) => app.origin),
			SECONDS
		);
		reportQuantity(
			`two instances on one PostGIS, requests/s (16 clients${loadNice === undefined ? '' : `, load generator at nice ${loadNice}`})`,
			Math.round(two),
			'req/s',
			'one instance',
			Math.round(one)
		);
	} finally {
		await Promise.all(apps.map((app) => stopApp(app.server)));
		await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
	}
}
