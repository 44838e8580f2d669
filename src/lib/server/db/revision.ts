import { dataRevision } from './schema';
import type { Database } from './index';

// Which tables bump the data revision (statement triggers, migration 0003) is decided per table in
// revision.test.ts, which fails for a new table until it has a decision.

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
