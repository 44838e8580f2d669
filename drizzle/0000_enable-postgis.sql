-- PostGIS must exist before any geometry column; drizzle-kit does not create extensions.
CREATE EXTENSION IF NOT EXISTS postgis;
