-- Every statement that changes data bumps the single data_revision row (see schema.ts: dataRevision).
-- Statement-level, so a bulk load of 100,000 rows bumps it once, not 100,000 times.
INSERT INTO data_revision (singleton) VALUES (true) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_data_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE data_revision SET revision = revision + 1, tag = gen_random_uuid(), changed_at = now();
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER datasets_bump_data_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON datasets
	FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision();
--> statement-breakpoint
CREATE TRIGGER communes_bump_data_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON communes
	FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision();
--> statement-breakpoint
CREATE TRIGGER hamlets_bump_data_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hamlets
	FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision();
--> statement-breakpoint
CREATE TRIGGER teams_bump_data_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON teams
	FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision();
--> statement-breakpoint
CREATE TRIGGER outreach_activities_bump_data_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON outreach_activities
	FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision();
--> statement-breakpoint
CREATE TRIGGER skill_surveys_bump_data_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON skill_surveys
	FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision();
