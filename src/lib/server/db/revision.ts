import { dataRevision, geometryRevision } from './schema';
import type { Database } from './index';

// Two revisions, each bumped by statement triggers on the tables decided in revision.test.ts (which fails
// for a new table until it has a decision): the data (figures) revision, migration 0003, by every table
// whose rows change what a map, an analysis or an endpoint answers; the geometry revision, migration
// 0012, by the tables tiles are drawn from only, so that recording an activity never changes a tile URL.

export interface DataRevision {
	revision: number;
	/** Changes with every write; safe to put in an ETag. */
	tag: string;
	changedAt: Date;
}

/** The current data (figures) revision: one primary-key read, cheap enough to do on every request. */
export async function currentDataRevision(db: Database): Promise<DataRevision> {
	const [row] = await db
		.select({ revision: dataRevision.revision, tag: dataRevision.tag, changedAt: dataRevision.changedAt })
		.from(dataRevision)
		.limit(1);
	if (!row) throw new Error('data_revision is empty: run the migrations (npm run db:migrate)');
	return row;
}

/** The current geometry revision (communes, hamlets, the city outline): what tile URLs carry. */
export async function currentGeometryRevision(db: Database): Promise<DataRevision> {
	const [row] = await db
		.select({
			revision: geometryRevision.revision,
			tag: geometryRevision.tag,
			changedAt: geometryRevision.changedAt
		})
		.from(geometryRevision)
		.limit(1);
	if (!row) throw new Error('geometry_revision is empty: run the migrations (npm run db:migrate)');
	return row;
}
