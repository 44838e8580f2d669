import { sql } from 'drizzle-orm';
import { listDatasets, type DatasetRecord } from './datasets';
import type { Database } from './index';
import { currentHamlets } from './current-hamlets';
import { isPublishedActivity } from './current-activities';
import { outreachActivities } from './schema';
import { yieldToRequests } from '../event-loop';

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

/**
 * Row counts per table and how many rows are demo data. The activities, by far the largest table, are
 * counted in a query of their own with requests served in between (on the embedded database each scan
 * holds the server's thread; the public map recounts after new records).
 */
export async function databaseSummary(db: Database): Promise<DatabaseSummary> {
	const demo = sql`(SELECT id FROM datasets WHERE kind = 'demo')`;
	const [counts] = await db
		.select({
			communes: sql<number>`(SELECT count(*) FROM communes)::int`,
			hamlets: sql<number>`(SELECT count(*) FROM ${currentHamlets} AS hamlets)::int`,
			teams: sql<number>`(SELECT count(*) FROM teams)::int`,
			surveys: sql<number>`(SELECT count(*) FROM skill_surveys)::int`,
			demoRows: sql<number>`(
				(SELECT count(*) FROM communes WHERE dataset_id IN ${demo})
				+ (SELECT count(*) FROM hamlets WHERE dataset_id IN ${demo})
				+ (SELECT count(*) FROM teams WHERE dataset_id IN ${demo})
				+ (SELECT count(*) FROM skill_surveys WHERE dataset_id IN ${demo}))::int`
		})
		.from(sql`(SELECT 1) AS one`);
	await yieldToRequests();
	const [activities] = await db
		.select({
			all: sql<number>`count(*)::int`,
			demo: sql<number>`(count(*) FILTER (WHERE dataset_id IN ${demo}))::int`
		})
		.from(outreachActivities)
		.where(isPublishedActivity);
	await yieldToRequests();
	const datasets = (await listDatasets(db)).map(({ id, kind, title }) => ({ id, kind, title }));
	return {
		communes: counts!.communes,
		hamlets: counts!.hamlets,
		teams: counts!.teams,
		activities: activities!.all,
		surveys: counts!.surveys,
		demoRows: counts!.demoRows + activities!.demo,
		datasets
	};
}
