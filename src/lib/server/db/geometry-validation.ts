import { sql } from 'drizzle-orm';
import type { Geometry } from 'geojson';
import type { Database } from './index';
import { refusedLoad } from './load-error';

/**
 * Asks PostGIS whether each geometry is valid (OGC rules: no self-intersection, rings closed…)
 * and throws an InputError naming the first invalid one. One round trip for the whole list.
 */
export async function assertValidGeometries(
	db: Database,
	geometries: Geometry[],
	listName: string
): Promise<void> {
	if (geometries.length === 0) return;
	const rows = await db
		.select({
			position: sql<number>`(t.position - 1)::int`,
			reason: sql<string>`ST_IsValidReason(ST_GeomFromGeoJSON(t.geometry))`
		})
		.from(
			sql`jsonb_array_elements(${JSON.stringify(geometries)}::jsonb) WITH ORDINALITY AS t(geometry, position)`
		)
		.where(sql`NOT ST_IsValid(ST_GeomFromGeoJSON(t.geometry))`)
		.orderBy(sql`t.position`)
		.limit(1);
	const invalid = rows[0];
	if (invalid) {
		throw refusedLoad(
			'invalid-geometry',
			{ vi: `Hình học không hợp lệ: ${invalid.reason}`, en: `Invalid geometry: ${invalid.reason}` },
			`${listName}[${invalid.position}].geometry`
		);
	}
}
