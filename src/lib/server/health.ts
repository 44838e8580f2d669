// The answers of /healthz (the process runs) and /readyz (it can serve: database reachable, migrations
// current, seed done). Both are cheap, JSON and never cached, for a proxy's or an orchestrator's probes.
import { appDatabaseStatus } from './db/app-database';
import { databaseState } from './db/health';
import { expectedMigrationLevel } from './db/migration-level';

const NO_STORE = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

function json(body: unknown, status: number): Response {
	return new Response(JSON.stringify(body), { status, headers: NO_STORE });
}

/** The process answers: nothing else is checked, so a slow database never makes it look dead. */
export function liveness(): Response {
	return json(
		{
			status: 'alive',
			pid: process.pid,
			uptimeSeconds: Math.round(process.uptime()),
			startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString()
		},
		200
	);
}

/** The checks of /readyz: what the app serves from, or why it cannot serve. */
async function readinessCheck(): Promise<
	{ reason: string; detail?: string } | { ready: Record<string, unknown> }
> {
	const status = appDatabaseStatus();
	if (status.state === 'opening')
		return { reason: 'database-starting', detail: 'opening, migrating or seeding' };
	if (status.state === 'failed') return { reason: 'database-unreachable', detail: String(status.error) };
	if (status.state !== 'open') return { reason: 'shutting-down' };
	let state;
	try {
		state = await databaseState(status.handle.db);
	} catch (error) {
		return { reason: 'database-unreachable', detail: error instanceof Error ? error.message : String(error) };
	}
	const expected = expectedMigrationLevel();
	if (state.appliedMigrations !== expected.count || state.lastMigrationAt !== expected.lastCreatedAt) {
		return {
			reason: 'migrations-not-current',
			detail: `applied ${state.appliedMigrations}, this app has ${expected.count} (last ${expected.lastTag})`
		};
	}
	if (!state.seeded) return { reason: 'not-seeded', detail: 'no communes: the first start has not seeded' };
	return {
		ready: { driver: status.handle.driver, migrations: state.appliedMigrations, revision: state.revision }
	};
}

/** 200 with the database's driver, migration count and data revision; 503 with the reason otherwise. */
export async function readiness(): Promise<Response> {
	const answer = await readinessCheck();
	if ('ready' in answer) return json({ status: 'ready', ...answer.ready }, 200);
	return json({ status: 'not-ready', ...answer }, 503);
}
