import { dataRevision } from './schema';
import type { Database } from './index';

/**
 * For every table, whether its writes bump the data revision (a statement trigger calling
 * bump_data_revision, migration 0003) and why. Everything cached or ETagged from the data follows the
 * revision, so a table whose rows change what a map, an analysis or an endpoint answers must bump it.
 * A new table needs its decision here: `revision.test.ts` lists the database's tables and triggers and
 * fails for a table without one, or whose triggers disagree with it.
 */
export const DATA_REVISION_POLICY = {
	datasets: { bumps: true, why: 'the demo badge and the source of every row' },
	communes: { bumps: true, why: 'boundaries, names and unit types: tiles, search, rurality' },
	hamlets: { bumps: true, why: 'boundaries and figures: tiles, rates, the gap analysis' },
	teams: { bumps: true, why: 'the activities and plans refer to them' },
	outreach_activities: { bumps: true, why: 'coverage, clusters, classes and the pace' },
	skill_surveys: { bumps: true, why: 'every survey rate and the gap index' },
	plans: { bumps: false, why: 'a planner’s work, not analysis data: saving one must not drop the caches' },
	plan_hamlets: { bumps: false, why: 'part of a plan' },
	data_revision: { bumps: false, why: 'it is the revision' }
} as const satisfies Record<string, { bumps: boolean; why: string }>;

export interface DataRevision {
	revision: number;
	/** Changes with every write; safe to put in an ETag. */
	tag: string;
	changedAt: Date;
}

/** The current data revision: one primary-key read, cheap enough to do on every tile request. */
export async function currentDataRevision(db: Database): Promise<DataRevision> {
	const [row] = await db
		.select({ revision: dataRevision.revision, tag: dataRevision.tag, changedAt: dataRevision.changedAt })
		.from(dataRevision)
		.limit(1);
	if (!row) throw new Error('data_revision is empty: run the migrations (npm run db:migrate)');
	return row;
}
