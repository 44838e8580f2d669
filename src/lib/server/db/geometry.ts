import { customType } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { MultiPolygon, Point, Polygon } from 'geojson';

/**
 * PostGIS geometry columns with a fixed type and SRID 4326.
 * drizzle's built-in `geometry()` only handles points, so polygons need a custom type.
 * Values go in as GeoJSON and are converted by PostGIS; reads always use ST_AsGeoJSON
 * in the query modules, so `fromDriver` never sees raw EWKB in practice.
 */
function geometryColumn<TGeometry extends MultiPolygon | Polygon | Point>(
	postgisType: 'MultiPolygon' | 'Point'
) {
	return customType<{ data: TGeometry; driverData: string }>({
		dataType() {
			return `geometry(${postgisType},4326)`;
		},
		toDriver(value) {
			if (value.type === 'Point') {
				// Two numbers instead of a JSON string: 100,000 demo points load noticeably faster.
				const [lng, lat] = value.coordinates;
				return sql`ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326)`;
			}
			// ST_Multi lets a Polygon be stored in a MultiPolygon column.
			return sql`ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(value)}), 4326))`;
		}
	});
}

/** A `geometry(MultiPolygon,4326)` column, written from GeoJSON (Polygon or MultiPolygon). */
export const multiPolygon = geometryColumn<MultiPolygon | Polygon>('MultiPolygon');

/** A `geometry(Point,4326)` column, written from a GeoJSON Point ([lng, lat]). */
export const point = geometryColumn<Point>('Point');
