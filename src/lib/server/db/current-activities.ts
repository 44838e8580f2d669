// The one definition of a visible activity: one whose dataset is published (datasets.published_at is set).
// An activities import writes its new rows in short transactions under an unpublished dataset, so that on
// the embedded database other requests' queries run between them, and publishes them all at once in one
// audited write (imports.ts); until then no reader may see them. Every read that shows or counts
// activities — the map's figures and clusters, the dashboard, the summary, the field app's history, the
// planner's inputs, the import's coverage warnings — takes its activities from here.
// current-activities.test.ts lists each read path and proves pending rows are absent from it; the reads of
// outreach_activities that may see them (idempotency keys, which are unique over the whole table, and
// "is this hamlet or team referred to") are named there with why.
import { sql } from 'drizzle-orm';
import { datasets, outreachActivities } from './schema';

/** The ids of datasets still being written: a handful at most, so the anti-join below is cheap. */
const pendingDatasets = sql`(SELECT id FROM ${datasets} WHERE published_at IS NULL)`;

/** The predicate on an alias of `outreach_activities` in SQL text (an UPDATE's target): `o` → `o.dataset_id …`. */
export const isPublishedActivityAs = (alias: string) =>
	sql`${sql.identifier(alias)}.dataset_id NOT IN ${pendingDatasets}`;

/** The predicate for query-builder reads of `outreach_activities`: `.where(isPublishedActivity)`. */
export const isPublishedActivity = sql`${outreachActivities.datasetId} NOT IN ${pendingDatasets}`;

/** The visible activities as a relation for SQL text: `FROM ${currentActivities} o` (planned like a view). */
export const currentActivities = sql`(SELECT * FROM ${outreachActivities} WHERE dataset_id NOT IN ${pendingDatasets})`;
