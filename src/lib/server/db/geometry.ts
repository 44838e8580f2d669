import { customType } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { MultiPolygon, Point } from 'geojson';

/**
 * PostGIS geometry columns with a fixed type and SRID 4326.
 * drizzle's built-in `geometry()` only handles points, so polygons need a custom type.
 * Values go in as GeoJSON and are converted by PostGIS; reads always use ST_AsGeoJSON
 * in the query modules, so `fromDriver` never sees raw EWKB in practice.
 */
function geometryColumn<TGeometry extends MultiPolygon | Point>(postgisType: 'MultiPolygon' | 'Point') {
	return customType<{ data: TGeometry; driverData: string }>({
		dataType() {
			return `geometry(${postgisType},4326)`;
		},
		toDriver(value) {
			// ST_Multi lets a Polygon be stored in a MultiPolygon column; it is a no-op for points.
			const geometry = sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(value)}), 4326)`;
			return postgisType === 'MultiPolygon' ? sql`ST_Multi(${geometry})` : geometry;
		}
	});
}

/** A `geometry(MultiPolygon,4326)` column, written from GeoJSON (Polygon or MultiPolygon). */
export const multiPolygon = geometryColumn<MultiPolygon>('MultiPolygon');

/** A `geometry(Point,4326)` column, written from a GeoJSON Point ([lng, lat]). */
export const point = geometryColumn<Point>('Point');
