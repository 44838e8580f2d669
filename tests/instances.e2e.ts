// Two app processes on one PostGIS database, as a city runs them behind a proxy: they start together
// safely, a session from one is valid on the other, and a write through one is seen through the other
// at once (new data revision, new tile version, fresh page data and JSON).
import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO_USERS, OWN_COMMUNE, signInRequest } from './accounts';
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
import { APP_PORT } from '../playwright.config';

type PlaywrightRequests = {
	request: {
		newContext: (options: {
			baseURL: string;
			storageState?: Awaited<ReturnType<APIRequestContext['storageState']>>;
		}) => Promise<APIRequestContext>;
	};
};

const DATABASE = `gtn_e2e_instances_${APP_PORT}`;
const PLANNER = `/communes/${OWN_COMMUNE}/plan`;

test.describe('two instances on one PostGIS database', () => {
	// Two processes cannot share an embedded PGlite.
	requirePostgres();
	test.describe.configure({ timeout: 300_000 });

	let first: AppProcess;
	let second: AppProcess;

	test.beforeAll(async () => {
		test.setTimeout(300_000);
		await onServer(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
		await onServer(`CREATE DATABASE ${DATABASE}`);
		// PUBLIC_REFRESH_SECONDS=0: anonymous views look for new data on every request, so "at once" holds
		// for them too (by default they may lag a write by up to 60 s, by design).
		const env = { DATABASE_URL: databaseUrl(DATABASE), PUBLIC_REFRESH_SECONDS: '0' };
		// Both at once on the empty database: the start lock lets one migrate and seed, then the other.
		first = startApp(instancePort(0), env);
		second = startApp(instancePort(1), env);
		await Promise.all([waitReady(first), waitReady(second)]);
	});

	test.afterAll(async () => {
		await Promise.all([first, second].filter(Boolean).map(stopApp));
		await onServer(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
	});

	test('started together on an empty database: seeded once, no failed start', () => {
		const lines = [...first.logLines(), ...second.logLines()];
		expect(lines.filter((line) => String(line.msg).includes('database seeded'))).toHaveLength(1);
		expect(lines.filter((line) => line.attempt !== undefined)).toEqual([]);
	});

	/** A signed-in client of `first`, and a client of `second` with the same cookies. */
	async function clients(playwright: PlaywrightRequests) {
		const one = await playwright.request.newContext({ baseURL: first.origin });
		await signInRequest(one, first.origin, DEMO_USERS.commune);
		const other = await playwright.request.newContext({
			baseURL: second.origin,
			storageState: await one.storageState()
		});
		return { one, other };
	}

	test('a session begun on one instance is valid on the other', async ({ playwright }) => {
		const { one, other } = await clients(playwright);
		const account = await other.get('/account', { maxRedirects: 0 });
		expect(account.status()).toBe(200);
		expect(await account.text()).toContain(DEMO_USERS.commune);
		// And signing out on the second ends it on the first.
		const signedOut = await other.post('/account?/signOut', {
			form: {},
			headers: { origin: second.origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(signedOut.status()).toBe(303);
		expect((await one.get('/account', { maxRedirects: 0 })).status()).toBe(303);
	});

	test('a plan saved through one instance is seen through the other at once', async ({ playwright }) => {
		const { one, other } = await clients(playwright);
		const view = async (client: APIRequestContext) => ({
			revision: ((await (await client.get('/readyz')).json()) as { revision: number }).revision,
			planner: await (await client.get(PLANNER)).text()
		});
		// The second instance has rendered the planner (and cached its analysis) before the write.
		const before = await view(other);
		const gap = await other.get(`/api/gap?commune=${OWN_COMMUNE}&format=geojson`);
		const hamletId = ((await gap.json()) as { features: { properties: { id: number } }[] }).features[0]!
			.properties.id;
		const name = `Đợt hai máy chủ ${Date.now()}`;
		const saved = await one.post(`${PLANNER}?/save`, {
			form: {
				planId: '',
				name,
				startsOn: '2026-12-01',
				endsOn: '2026-12-10',
				teamId: '',
				expectedHouseholds: '10',
				note: '',
				hamletIds: String(hamletId)
			},
			headers: { origin: first.origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(saved.status()).toBe(303);
		// The request id the response carries is the one its audit event keeps.
		const audit = await onServer(
			`SELECT request_id FROM audit_events WHERE action = 'plan.create' ORDER BY occurred_at DESC LIMIT 1`,
			[],
			DATABASE
		);
		expect(audit.rows[0]?.request_id).toBe(saved.headers()['x-request-id']);

		// Plans are a planner's work, not analysis data: they do not move the data revision (revision.test.ts).
		const after = await view(other);
		expect(before.planner).not.toContain(name);
		expect(after.planner).toContain(name);
		expect(after.revision).toBe(before.revision);

		// A write through the second instance, seen through the first.
		const id = new URL(saved.headers().location!, first.origin).searchParams.get('saved')!;
		const deleted = await other.post(`${PLANNER}?/delete`, {
			form: { planId: id },
			headers: { origin: second.origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(deleted.status()).toBe(303);
		expect(await (await one.get(PLANNER)).text()).not.toContain(name);
	});

	test('a data write (as an import makes it) is seen by both instances at once: revision and JSON, tiles unchanged', async ({
		request
	}) => {
		const view = async (origin: string) => {
			const ready = (await (await request.get(`${origin}/readyz`)).json()) as { revision: number };
			const page = await (await request.get(`${origin}/`)).text();
			const gap = await request.get(`${origin}/api/gap?commune=${OWN_COMMUNE}`);
			return {
				revision: ready.revision,
				tileVersion: /tileVersion:"([^"]+)"/.exec(page)?.[1],
				gapTag: gap.headers().etag
			};
		};
		// Both have computed and cached their answers for the current revision.
		const before = await view(second.origin);
		expect(await view(first.origin)).toEqual(before);
		// The app has no upload page yet: the write comes from another process on the same database, as
		// `npm run seed` or a loader would make it; the tables' triggers move the data revision.
		await onServer(
			`UPDATE outreach_activities SET people_guided = people_guided + 1
			 WHERE id = (SELECT id FROM outreach_activities ORDER BY id LIMIT 1)`,
			[],
			DATABASE
		);
		const after = await view(second.origin);
		expect(after.revision).toBeGreaterThan(before.revision);
		// A figures write never changes a tile URL: tiles follow the geometry revision only.
		expect(after.tileVersion).toBe(before.tileVersion);
		expect(after.gapTag).not.toBe(before.gapTag);
		expect(await view(first.origin)).toEqual(after);
	});
});
