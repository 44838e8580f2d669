// The authorization matrix: every page, form action and endpoint found under src/routes, asked by each
// role (own and other commune) and by an anonymous client, through the built app's real guard. A route
// on disk without an entry in the permission table fails here; so does a refused write that changed
// anything.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, request as requests, test, type APIRequestContext } from '@playwright/test';
import { decide, PERMISSIONS, ruleFor, type Decision } from '../src/lib/server/auth/permissions';
import type { Role, SessionUser } from '../src/lib/roles';
import { DEMO_USERS, OTHER_COMMUNE, OWN_COMMUNE, signInRequest } from './accounts';

const ROUTES_DIR = join(import.meta.dirname, '..', 'src', 'routes');

interface RouteOnDisk {
	id: string;
	page: boolean;
	/** The form actions of the page's +page.server.ts ('default' for an unnamed one). */
	actions: string[];
	/** The HTTP methods a +server.ts exports. */
	methods: string[];
}

/**
 * The routes as SvelteKit sees them: a directory with +page.svelte / +page.server.ts is a page, one
 * with +server.ts an endpoint. Actions and methods are read from the source's exports: the top-level
 * keys of `export const actions = { … }` and `export const GET`/`function GET`.
 */
function routesOnDisk(dir = ROUTES_DIR): RouteOnDisk[] {
	const entries = readdirSync(dir, { withFileTypes: true });
	const files = new Set(entries.filter((entry) => entry.isFile()).map((entry) => entry.name));
	const path = relative(ROUTES_DIR, dir).split('\\').join('/');
	// Route groups, "(name)", are not part of the id.
	const id = `/${path
		.split('/')
		.filter((part) => part && !/^\(.*\)$/.test(part))
		.join('/')}`;
	const found: RouteOnDisk[] = [];
	const page = files.has('+page.svelte') || files.has('+page.server.ts');
	const server = files.has('+server.ts') ? readFileSync(join(dir, '+server.ts'), 'utf8') : '';
	if (page || server) {
		const pageServer = files.has('+page.server.ts') ? readFileSync(join(dir, '+page.server.ts'), 'utf8') : '';
		const actionsSource = pageServer.split(/export const actions\b/)[1] ?? '';
		found.push({
			id,
			page,
			actions: [...actionsSource.matchAll(/^\t(\w+)\s*:/gm)].map((match) => match[1]!),
			methods: [
				...server.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)
			].map((match) => match[1]!)
		});
	}
	for (const entry of entries) if (entry.isDirectory()) found.push(...routesOnDisk(join(dir, entry.name)));
	return found;
}

const ROUTES = routesOnDisk();

/** A value for each route parameter: the plan id names no plan (allowed: 404; refused: before that). */
const SAMPLE_PARAMS: Record<string, string> = {
	id: '999999',
	layer: 'hamlets',
	z: '12',
	x: '3252',
	y: '1803'
};

function concretePath(routeId: string, code: string): string {
	return routeId.replace(/\[(\w+)\]/g, (_, name: string) => (name === 'code' ? code : SAMPLE_PARAMS[name]!));
}

/** A form body, lists as repeated fields (hamletIds). */
function formData(body: Record<string, string | string[]>): FormData {
	const form = new FormData();
	for (const [name, value] of Object.entries(body))
		for (const item of [value].flat()) form.append(name, item);
	return form;
}

type Subject = 'anonymous' | Role;
const SUBJECTS: Subject[] = ['anonymous', 'admin', 'city', 'commune', 'team'];

/** The subject as the permission table sees it: the demo commune and team accounts work for OWN_COMMUNE. */
function userOf(subject: Subject): SessionUser | null {
	if (subject === 'anonymous') return null;
	const communeCodes = subject === 'commune' || subject === 'team' ? [OWN_COMMUNE] : [];
	const username = DEMO_USERS[subject];
	return { id: subject, username, name: username, role: subject, communeCodes, mustChangePassword: false };
}

/** What each status means for an asker. */
function expectDecision(
	decision: Decision,
	response: { status(): number; headers(): Record<string, string> },
	/** A machine endpoint answers 401; a page or a download sends the browser to sign in. */
	machine: boolean,
	what: string
): void {
	const status = response.status();
	if (decision === 'allow') {
		expect(status, what).not.toBe(401);
		expect(status, what).not.toBe(403);
		expect(response.headers().location ?? '', what).not.toMatch(/\/login/);
	} else if (decision === 'sign-in') {
		if (machine) expect(status, what).toBe(401);
		else {
			expect(status, what).toBe(303);
			expect(response.headers().location, what).toMatch(/^\/login\?redirectTo=/);
		}
	} else {
		expect(status, what).toBe(403);
	}
}

test.describe('the authorization matrix', () => {
	let clients: Record<Subject, APIRequestContext>;
	let origin: string;
	/** Real, valid writes: when refused, they must change nothing. */
	let validPlan: Record<string, Record<string, string | string[]>>;
	let planIds: Record<string, string>;
	let teamUserId: string;

	test.beforeAll(async ({ baseURL }) => {
		origin = baseURL!;
		const entries = await Promise.all(
			SUBJECTS.map(async (subject) => {
				// Same-origin form posts, as from the app's own pages: SvelteKit's CSRF check passes, so any
				// refusal comes from the guard. Accepting HTML, as a browser without JavaScript does.
				const client = await requests.newContext({
					baseURL: origin,
					extraHTTPHeaders: { origin, accept: 'text/html' }
				});
				if (subject !== 'anonymous') await signInRequest(client, origin, DEMO_USERS[subject]);
				return [subject, client] as const;
			})
		);
		clients = Object.fromEntries(entries) as Record<Subject, APIRequestContext>;
		validPlan = {};
		planIds = {};
		for (const code of [OWN_COMMUNE, OTHER_COMMUNE]) {
			const gap = await clients.admin.get(`/api/gap?commune=${code}&format=geojson`);
			const hamletId = String(((await gap.json()) as { features: { id: number }[] }).features[0]!.id);
			validPlan[code] = {
				name: `Kế hoạch ma trận ${code}`,
				startsOn: '2026-07-01',
				endsOn: '2026-07-15',
				expectedHouseholds: '20',
				note: '',
				hamletIds: [hamletId]
			};
			const saved = await clients.admin.post(`/communes/${code}/plan?/save`, {
				multipart: formData(validPlan[code]),
				maxRedirects: 0
			});
			expect(saved.status()).toBe(303);
			planIds[code] = new URL(saved.headers().location!, origin).searchParams.get('saved')!;
		}
		const users = await (await clients.admin.get('/admin/users')).text();
		teamUserId = /data-username="demo\.team"[\s\S]*?name="userId" value="([^"]+)"/.exec(users)![1]!;
	});

	test.afterAll(async () => {
		await Promise.all(Object.values(clients ?? {}).map((client) => client.dispose()));
	});

	/** The data behind what a write could change: both communes' planners and the people. */
	async function fingerprint(): Promise<string[]> {
		return Promise.all(
			[
				`/communes/${OWN_COMMUNE}/plan/__data.json`,
				`/communes/${OTHER_COMMUNE}/plan/__data.json`,
				'/admin/users/__data.json'
			].map(async (path) => (await clients.admin.get(path)).text())
		);
	}

	/** A write that would change something if it ran. */
	function validBody(
		routeId: string,
		action: string,
		code: string
	): Record<string, string | string[]> | null {
		if (routeId === '/communes/[code]/plan') {
			return action === 'save' ? validPlan[code]! : { planId: planIds[code]! };
		}
		if (routeId === '/admin/users') {
			if (action === 'create') return { username: 'ma.tran', role: 'city' };
			if (action === 'access') return { userId: teamUserId, role: 'admin' };
			return { userId: teamUserId, username: 'demo.team' };
		}
		if (routeId === '/account' && action === 'password') {
			return { current: 'khong-dung-dau', password: 'mat-khau-moi-dai', confirm: 'mat-khau-moi-dai' };
		}
		return null;
	}

	test('every route on disk has an entry, every action and method a rule', () => {
		expect(ROUTES.length).toBeGreaterThan(10);
		const missing: string[] = [];
		for (const route of ROUTES) {
			if (!PERMISSIONS[route.id]) missing.push(route.id);
			if (route.page && !ruleFor(route.id, 'GET', null)) missing.push(`GET ${route.id}`);
			for (const action of route.actions)
				if (!ruleFor(route.id, 'POST', action)) missing.push(`${route.id} ?/${action}`);
			for (const method of route.methods)
				if (!ruleFor(route.id, method, null)) missing.push(`${method} ${route.id}`);
		}
		expect(missing).toEqual([]);
	});

	for (const route of ROUTES) {
		const scoped = route.id.includes('[code]');
		test(`${route.id}: every role, own and other commune, and anonymous`, async () => {
			const before = await fingerprint();
			for (const subject of SUBJECTS) {
				for (const code of scoped ? [OWN_COMMUNE, OTHER_COMMUNE] : [OWN_COMMUNE]) {
					const client = clients[subject];
					const path = concretePath(route.id, code);
					const params = scoped ? { code } : {};
					const who = `${subject}${scoped ? ` on ${code}` : ''}`;
					const reads = route.page ? ['GET'] : route.methods;
					for (const method of reads) {
						const decision = decide(ruleFor(route.id, method, null)!, userOf(subject), params);
						const response = await client.fetch(path, { method, maxRedirects: 0 });
						expectDecision(
							decision,
							response,
							PERMISSIONS[route.id]!.kind === 'endpoint',
							`${who}: ${method} ${path}`
						);
					}
					for (const action of route.actions) {
						const decision = decide(ruleFor(route.id, 'POST', action)!, userOf(subject), params);
						// Allowed writes are tested by their own specs; running them here would change the data.
						// Signing in is left out too: failed sign-ins count against this address.
						if (decision === 'allow' || route.id === '/login') continue;
						const body = validBody(route.id, action, code) ?? {};
						const target = `${path}?/${action}`;
						const response = await client.post(target, { multipart: formData(body), maxRedirects: 0 });
						expectDecision(decision, response, false, `${who}: POST ${target}`);
					}
				}
			}
			expect(await fingerprint()).toEqual(before);
		});
	}
});
