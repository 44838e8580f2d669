-- The geometry revision (see schema.ts: geometryRevision): bumped only by the tables tiles are drawn from,
-- so that tile URLs and tile caches survive the stream of activities and surveys that field teams record.
-- These tables bump data_revision (the figures revision) as well: a hamlet's households are figures too.
INSERT INTO geometry_revision (singleton) VALUES (true) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_geometry_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE geometry_revision SET revision = revision + 1, tag = gen_random_uuid(), changed_at = now();
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER communes_bump_geometry_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON communes
	FOR EACH STATEMENT EXECUTE FUNCTION bump_geometry_revision();
--> statement-breakpoint
CREATE TRIGGER hamlets_bump_geometry_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hamlets
	FOR EACH STATEMENT EXECUTE FUNCTION bump_geometry_revision();
--> statement-breakpoint
CREATE TRIGGER city_outlines_bump_geometry_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON city_outlines
	FOR EACH STATEMENT EXECUTE FUNCTION bump_geometry_revision();
