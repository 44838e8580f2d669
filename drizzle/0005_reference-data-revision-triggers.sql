-- The city outline and the minority-area designations are data like the others: every statement that
-- changes them bumps the data revision (see 0003), so caches and ETags built on them are dropped.
CREATE TRIGGER city_outlines_bump_data_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON city_outlines
	FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision();
--> statement-breakpoint
CREATE TRIGGER minority_areas_bump_data_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON minority_areas
	FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision();
