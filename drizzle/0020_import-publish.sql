ALTER TABLE "import_staged_activities" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "import_staged_activities" CASCADE;--> statement-breakpoint
DROP INDEX "outreach_activities_hamlet_date_figures_idx";--> statement-breakpoint
ALTER TABLE "datasets" ADD COLUMN "published_at" timestamp with time zone DEFAULT now();--> statement-breakpoint
CREATE INDEX "outreach_activities_hamlet_date_figures_idx" ON "outreach_activities" USING btree ("hamlet_id","occurred_on","households_new","households_revisited","people_guided","people_aged_60_plus","people_from_minorities","dataset_id");--> statement-breakpoint
-- An activities import writes its new rows in short transactions under a dataset whose published_at is
-- NULL (readers skip them: current-activities.ts), then publishes it in one audited write. Those pending
-- rows, the unpublished dataset and their clean-up change nothing a reader sees, so they must not bump the
-- data revision (every anonymous cache would recompute once per batch); the publish (an UPDATE of
-- datasets) and every other write still do. Transition tables tell the two apart, still once per statement.
CREATE OR REPLACE FUNCTION bump_data_revision_unless_pending() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_TABLE_NAME = 'datasets' THEN
		IF NOT EXISTS (SELECT 1 FROM changed_rows WHERE published_at IS NOT NULL) THEN RETURN NULL; END IF;
	ELSIF NOT EXISTS (
		SELECT 1 FROM changed_rows r
		WHERE r.dataset_id IS NULL
			OR NOT EXISTS (SELECT 1 FROM datasets d WHERE d.id = r.dataset_id AND d.published_at IS NULL)
	) THEN
		RETURN NULL;
	END IF;
	UPDATE data_revision SET revision = revision + 1, tag = gen_random_uuid(), changed_at = now();
	RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER datasets_bump_data_revision ON datasets;
--> statement-breakpoint
CREATE TRIGGER datasets_bump_data_revision_insert AFTER INSERT ON datasets
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision_unless_pending();
--> statement-breakpoint
CREATE TRIGGER datasets_bump_data_revision_update AFTER UPDATE ON datasets
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision_unless_pending();
--> statement-breakpoint
CREATE TRIGGER datasets_bump_data_revision_delete AFTER DELETE ON datasets
	REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision_unless_pending();
--> statement-breakpoint
CREATE TRIGGER datasets_bump_data_revision_truncate AFTER TRUNCATE ON datasets
	FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision();
--> statement-breakpoint
DROP TRIGGER outreach_activities_bump_data_revision ON outreach_activities;
--> statement-breakpoint
CREATE TRIGGER outreach_activities_bump_data_revision_insert AFTER INSERT ON outreach_activities
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision_unless_pending();
--> statement-breakpoint
CREATE TRIGGER outreach_activities_bump_data_revision_delete AFTER DELETE ON outreach_activities
	REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision_unless_pending();
--> statement-breakpoint
-- Updates only ever touch published rows (an import's publish, a withdrawal, the field app's edits).
CREATE TRIGGER outreach_activities_bump_data_revision_update_truncate AFTER UPDATE OR TRUNCATE ON outreach_activities
	FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision();
