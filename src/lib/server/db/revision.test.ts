import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows, type DatabaseHandle } from './index';
import { openTestDatabase, testDrivers } from './test-databases';

/**
 * For every table, whether its writes bump the data revision (a statement trigger calling
 * bump_data_revision, migration 0003) and why. Everything cached or ETagged from the data follows the
 * revision, so a table whose rows change what a map, an analysis or an endpoint answers must bump it.
 * A new table needs its decision here: the test lists the database's tables and triggers and fails for
 * a table without one, or whose triggers disagree with it.
 */
const DATA_REVISION_POLICY = {
	datasets: {
		bumps: true,
		why: 'the demo badge and the source of every row; not while an import is still writing (0020)'
	},
	communes: { bumps: true, why: 'boundaries, names and unit types: tiles, search, rurality' },
	hamlets: { bumps: true, why: 'boundaries and figures: tiles, rates, the gap analysis' },
	teams: { bumps: true, why: 'the activities and plans refer to them' },
	outreach_activities: {
		bumps: true,
		why: 'coverage, clusters, classes and the pace; not the rows of an import still writing (0020)'
	},
	skill_surveys: { bumps: true, why: 'every survey rate and the gap index' },
	city_outlines: { bumps: true, why: 'the outline the map draws around the city' },
	minority_areas: { bumps: true, why: 'the minority flag of the gap analysis' },
	plans: { bumps: false, why: 'a planner’s work, not analysis data: saving one must not drop the caches' },
	plan_hamlets: { bumps: false, why: 'part of a plan' },
	import_jobs: { bumps: false, why: 'an upload on its way in and its progress: nothing is in the data yet' },
	import_job_parts: { bumps: false, why: 'the file of an upload on its way in' },
	imports: {
		bumps: false,
		why: 'the record of a committed import; its rows and dataset bump the revision themselves'
	},
	boundary_uploads: {
		bumps: false,
		why: 'the record of an upload for its undo; the hamlets it changes bump the revisions themselves'
	},
	data_revision: { bumps: false, why: 'it is the revision' },
	geometry_revision: { bumps: false, why: 'it is the geometry revision' },
	audit_events: {
		bumps: false,
		why: 'who wrote what: every write adds one, and no map or analysis reads it'
	},
	users: { bumps: false, why: 'people and their access: not what a map or analysis shows' },
	user_communes: { bumps: false, why: 'a user’s access' },
	sessions: { bumps: false, why: 'sign-ins, written at every sign-in and session refresh' },
	accounts: { bumps: false, why: 'password hashes' },
	verifications: { bumps: false, why: 'better-auth’s one-time tokens' },
	login_failures: { bumps: false, why: 'sign-in throttling' },
	team_members: {
		bumps: false,
		why: 'the roster: its writes also set the team’s member counts, and teams bump the revision'
	}
} as const satisfies Record<string, { bumps: boolean; why: string }>;

/**
 * The tables whose writes also bump the geometry revision (bump_geometry_revision, migration 0012): what
 * tiles are drawn from. Every other table leaves tile URLs alone, so recording activities keeps tiles cached.
 */
const GEOMETRY_TABLES = ['city_outlines', 'communes', 'hamlets'];

/** pg_trigger.tgtype bits (PostgreSQL's trigger.h). */
const ROW = 1 << 0;
const EVENTS = { insert: 1 << 2, delete: 1 << 3, update: 1 << 4, truncate: 1 << 5 };

describe.each(testDrivers())('the data revision triggers on %s', (driver) => {
	let handle: DatabaseHandle;

	beforeAll(async () => {
		handle = await openTestDatabase(driver);
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('bump the geometry revision exactly on the tables tiles are drawn from, once per statement', async () => {
		const triggers = await selectRows<{ table: string; type: number }>(
			handle.db,
			sql`
				SELECT c.relname AS "table", t.tgtype::int AS type
				FROM pg_trigger t
				JOIN pg_class c ON c.oid = t.tgrelid
				JOIN pg_proc p ON p.oid = t.tgfoid
				WHERE NOT t.tgisinternal AND p.proname = 'bump_geometry_revision'`
		);
		expect([...new Set(triggers.map((trigger) => trigger.table))].sort()).toEqual(GEOMETRY_TABLES);
		for (const table of GEOMETRY_TABLES) {
			const type = triggers
				.filter((trigger) => trigger.table === table)
				.reduce((bits, t) => bits | t.type, 0);
			expect({
				table,
				type: type & (ROW | EVENTS.insert | EVENTS.update | EVENTS.delete | EVENTS.truncate)
			}).toEqual({
				table,
				type: EVENTS.insert | EVENTS.update | EVENTS.delete | EVENTS.truncate
			});
		}
	});

	it('exist exactly on the tables whose writes are decided to bump the revision, for every kind of write', async () => {
		// Our tables: those of the public schema not owned by an extension (PostGIS's spatial_ref_sys).
		const tables = await selectRows<{ name: string }>(
			handle.db,
			sql`
				SELECT c.relname AS name
				FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
					AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
				ORDER BY c.relname`
		);
		const triggers = await selectRows<{ table: string; type: number }>(
			handle.db,
			sql`
				SELECT c.relname AS "table", t.tgtype::int AS type
				FROM pg_trigger t
				JOIN pg_class c ON c.oid = t.tgrelid
				JOIN pg_proc p ON p.oid = t.tgfoid
				WHERE NOT t.tgisinternal
					AND p.proname IN ('bump_data_revision', 'bump_data_revision_unless_pending')`
		);
		const names = tables.map((table) => table.name);
		// A table without a decision (a new one: users, sessions, audit…) fails here: decide above.
		expect(names.filter((name) => !(name in DATA_REVISION_POLICY))).toEqual([]);
		expect(Object.keys(DATA_REVISION_POLICY).sort()).toEqual(names);

		for (const name of names) {
			const decided = DATA_REVISION_POLICY[name as keyof typeof DATA_REVISION_POLICY].bumps;
			const own = triggers.filter((trigger) => trigger.table === name);
			expect({ table: name, bumps: own.length > 0 }).toEqual({ table: name, bumps: decided });
			for (const [event, bit] of Object.entries(EVENTS)) {
				// Once per statement (ROW unset), however many rows a load writes.
				const fired = own.some((trigger) => (trigger.type & bit) !== 0 && (trigger.type & ROW) === 0);
				expect({ table: name, event, fired }).toEqual({ table: name, event, fired: decided });
			}
		}
	});
});
