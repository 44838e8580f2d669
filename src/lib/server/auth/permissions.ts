// Who may do what, per route: one table that the guard (guard.ts) consults for every request, and that
// the authorization-matrix test checks against the routes on disk. A route or action without an entry
// is refused.
import type { Role, SessionUser } from '../../roles';
import { ROLES } from '../../roles';

/**
 * Who may: anyone (anonymous included), or these roles. `ownCommune`: the route's `[code]` must be one
 * of the user's communes, for the roles that work for communes (commune, team); admin and city are
 * not scoped.
 */
export type Rule = { who: 'anyone' } | { who: readonly Role[]; ownCommune?: boolean };

/** A page: reading it (GET, its data), and each of its form actions ('default' for an unnamed one). */
interface PageEntry {
	kind: 'page';
	read: Rule;
	actions?: Readonly<Record<string, Rule>>;
}

/**
 * A +server.ts: a rule per HTTP method it answers. A 'download' (a CSV a page links to) is opened by a
 * browser, so an anonymous one is sent to sign in as for a page; an 'endpoint' answers machines in JSON.
 */
interface EndpointEntry {
	kind: 'endpoint' | 'download';
	methods: Readonly<Partial<Record<string, Rule>>>;
}

type Entry = PageEntry | EndpointEntry;

const ANYONE: Rule = { who: 'anyone' };
const SIGNED_IN: Rule = { who: ROLES };
const ADMIN: Rule = { who: ['admin'] };
/** A commune's planner and plans: read by the city and the commune's own staff and teams. */
const PLANS_READ: Rule = { who: ['admin', 'city', 'commune', 'team'], ownCommune: true };
/** The city's dashboard, its report and its files: the city's leaders and the admins. */
const CITY_READ: Rule = { who: ['admin', 'city'] };
/** A commune's page, report and files: the city, and the commune's own staff and teams. */
const COMMUNE_READ: Rule = { who: ['admin', 'city', 'commune', 'team'], ownCommune: true };
/** Written by the commune's staff and the admin. */
const PLANS_WRITE: Rule = { who: ['admin', 'commune'], ownCommune: true };

/** The field app: the teams' members and the commune's staff record their communes' activities. */
const FIELD: Rule = { who: ['commune', 'team'] };

/** Imports (/import): the commune's staff for their communes (checked per file), the admin for all. */
const IMPORT: Rule = { who: ['admin', 'commune'] };

/** A commune's official hamlet boundaries: uploaded by the commune's staff, or the admin for any commune. */
const BOUNDARIES: Rule = { who: ['admin', 'commune'], ownCommune: true };

/** Every route of the app by its SvelteKit route id. */
export const PERMISSIONS: Readonly<Record<string, Entry>> = {
	'/': { kind: 'page', read: ANYONE },
	'/embed': { kind: 'page', read: ANYONE },
	'/oembed': { kind: 'endpoint', methods: { GET: ANYONE } },
	'/login': { kind: 'page', read: ANYONE, actions: { default: ANYONE } },
	'/account': { kind: 'page', read: SIGNED_IN, actions: { password: SIGNED_IN, signOut: SIGNED_IN } },
	'/admin/users': {
		kind: 'page',
		read: ADMIN,
		actions: { create: ADMIN, access: ADMIN, disable: ADMIN, enable: ADMIN, resetPassword: ADMIN }
	},
	// The audit trail (built next to this, in its own branch): the admin's only.
	'/admin/audit': { kind: 'page', read: ADMIN },
	'/admin/audit/audit.csv': { kind: 'download', methods: { GET: ADMIN } },
	'/dashboard': { kind: 'page', read: CITY_READ },
	'/dashboard/report': { kind: 'page', read: CITY_READ },
	'/dashboard/communes.csv': { kind: 'download', methods: { GET: CITY_READ } },
	'/dashboard/communes.xlsx': { kind: 'download', methods: { GET: CITY_READ } },
	'/dashboard/communes.geojson': { kind: 'download', methods: { GET: CITY_READ } },
	'/communes/[code]': { kind: 'page', read: COMMUNE_READ },
	'/communes/[code]/report': { kind: 'page', read: COMMUNE_READ },
	'/communes/[code]/hamlets.csv': { kind: 'download', methods: { GET: COMMUNE_READ } },
	'/communes/[code]/hamlets.xlsx': { kind: 'download', methods: { GET: COMMUNE_READ } },
	'/communes/[code]/hamlets.geojson': { kind: 'download', methods: { GET: COMMUNE_READ } },
	'/communes/[code]/plan': {
		kind: 'page',
		read: PLANS_READ,
		actions: { save: PLANS_WRITE, delete: PLANS_WRITE, restore: PLANS_WRITE }
	},
	// The commune's teams and their rosters (training): read like the planner, managed by the commune.
	'/communes/[code]/teams': {
		kind: 'page',
		read: PLANS_READ,
		actions: {
			createTeam: PLANS_WRITE,
			addMember: PLANS_WRITE,
			updateMember: PLANS_WRITE,
			removeMember: PLANS_WRITE
		}
	},
	'/communes/[code]/plans/[id]/print': { kind: 'page', read: PLANS_READ },
	'/communes/[code]/boundaries': {
		kind: 'page',
		read: BOUNDARIES,
		actions: { preview: BOUNDARIES, commit: BOUNDARIES, undo: BOUNDARIES, restore: BOUNDARIES }
	},
	'/communes/[code]/plans/[id]/plan.csv': { kind: 'download', methods: { GET: PLANS_READ } },
	'/record': { kind: 'page', read: FIELD },
	'/record/hamlets': { kind: 'endpoint', methods: { GET: FIELD } },
	'/record/activities': { kind: 'endpoint', methods: { POST: FIELD } },
	// Who may change which activity (own within 7 days, the commune's any) is the data layer's rule.
	'/record/history': { kind: 'page', read: FIELD, actions: { update: FIELD, delete: FIELD } },
	'/import': { kind: 'page', read: IMPORT, actions: { upload: IMPORT, commit: IMPORT } },
	'/import/jobs/[id]': { kind: 'endpoint', methods: { GET: IMPORT } },
	'/import/jobs/[id]/errors.csv': { kind: 'download', methods: { GET: IMPORT } },
	'/import/jobs/[id]/errors.xlsx': { kind: 'download', methods: { GET: IMPORT } },
	'/import/template.xlsx': { kind: 'download', methods: { GET: IMPORT } },
	'/import/template.csv': { kind: 'download', methods: { GET: IMPORT } },
	'/import/history': { kind: 'page', read: IMPORT, actions: { withdraw: IMPORT } },
	// The public map's data.
	'/api/activities/clusters': { kind: 'endpoint', methods: { GET: ANYONE } },
	'/api/gap': { kind: 'endpoint', methods: { GET: ANYONE } },
	'/api/hotspots': { kind: 'endpoint', methods: { GET: ANYONE } },
	'/api/map': { kind: 'endpoint', methods: { GET: ANYONE } },
	'/api/search': { kind: 'endpoint', methods: { GET: ANYONE } },
	'/tiles/[layer]/[z]/[x]/[y].mvt': { kind: 'endpoint', methods: { GET: ANYONE } },
	// Probes of a proxy or an orchestrator: they say no more than whether the app can serve.
	'/healthz': { kind: 'endpoint', methods: { GET: ANYONE } },
	'/readyz': { kind: 'endpoint', methods: { GET: ANYONE } }
};

/** What the guard does with a request: let it through, ask for a sign-in, or refuse it. */
export type Decision = 'allow' | 'sign-in' | 'forbidden';

/** The rule a request falls under, or undefined when none exists (refused). */
export function ruleFor(routeId: string, method: string, action: string | null): Rule | undefined {
	const entry = PERMISSIONS[routeId];
	if (!entry) return undefined;
	// HEAD is a GET without its body; SvelteKit answers it from the GET handler.
	const read = method === 'GET' || method === 'HEAD';
	if (entry.kind !== 'page') return entry.methods[read ? 'GET' : method];
	if (read) return entry.read;
	if (method !== 'POST' || action === null) return undefined;
	return entry.actions?.[action];
}

/** Applies a rule to a user (null: anonymous) and the route's parameters. */
export function decide(
	rule: Rule,
	user: SessionUser | null,
	params: Partial<Record<string, string>>
): Decision {
	if (rule.who === 'anyone') return 'allow';
	if (!user) return 'sign-in';
	if (!rule.who.includes(user.role)) return 'forbidden';
	const scoped = rule.ownCommune && (user.role === 'commune' || user.role === 'team');
	if (scoped && !(params.code !== undefined && user.communeCodes.includes(params.code))) return 'forbidden';
	return 'allow';
}
