import { sql } from 'drizzle-orm';
import { listDatasets, type DatasetRecord } from './datasets';
import type { Database } from './index';
import { currentHamlets } from './current-hamlets';

export interface DatabaseSummary {
	communes: number;
	hamlets: number;
	teams: number;
	activities: number;
	surveys: number;
	/** Rows of every table that belong to a demo dataset: the UI shows the demo badge when > 0. */
	demoRows: number;
	datasets: Pick<DatasetRecord, 'id' | 'kind' | 'title'>[];
}

/** Row counts per table and how many rows are demo data, in one round trip. */
export async function databaseSummary(db: Database): Promise<DatabaseSummary> {
	const demo = sql`(SELECT id FROM datasets WHERE kind = 'demo')`;
	const [counts] = await db
		.select({
			communes: sql<number>`(SELECT count(*) FROM communes)::int`,
			hamlets: sql<number>`(SELECT count(*) FROM ${currentHamlets} AS hamlets)::int`,
			teams: sql<number>`(SELECT count(*) FROM teams)::int`,
			activities: sql<number>`(SELECT count(*) FROM outreach_activities)::int`,
			surveys: sql<number>`(SELECT count(*) FROM skill_surveys)::int`,
			demoRows: sql<number>`(
				(SELECT count(*) FROM communes WHERE dataset_id IN ${demo})
				+ (SELECT count(*) FROM hamlets WHERE dataset_id IN ${demo})
				+ (SELECT count(*) FROM teams WHERE dataset_id IN ${demo})
				+ (SELECT count(*) FROM outreach_activities WHERE dataset_id IN ${demo})
				+ (SELECT count(*) FROM skill_surveys WHERE dataset_id IN ${demo}))::int`
		})
		.from(sql`(SELECT 1) AS one`);
	const datasets = (await listDatasets(db)).map(({ id, kind, title }) => ({ id, kind, title }));
	return { ...counts!, datasets };
}
