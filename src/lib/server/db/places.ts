import { sql } from 'drizzle-orm';
import { selectRows, type Database } from './index';
import { currentHamlets } from './current-hamlets';

/** A commune or hamlet with the names the place search matches and its bounding box. */
export interface PlaceRow {
	kind: 'commune' | 'hamlet';
	/** The commune's 5-digit code or the hamlet's id. */
	id: string;
	/** As shown: "Phường Ba Đình", "Tổ dân phố 3". */
	name: string;
	/** The name without its unit word for a commune ("Ba Đình"); a hamlet's name. */
	shortName: string;
	/** The commune a hamlet lies in; empty for a commune. */
	context: string;
	/** The 5-digit code of the commune (itself, for a commune). */
	communeCode: string;
	west: number;
	south: number;
	east: number;
	north: number;
}

/** Every commune and hamlet, communes first, each by id. */
export async function placeRows(db: Database): Promise<PlaceRow[]> {
	return selectRows<PlaceRow>(
		db,
		sql`
			SELECT 'commune' AS kind, code AS id, full_name AS name, name AS "shortName", '' AS context, code AS "communeCode",
				ST_XMin(geom) AS west, ST_YMin(geom) AS south, ST_XMax(geom) AS east, ST_YMax(geom) AS north
			FROM communes
			UNION ALL
			SELECT 'hamlet', h.id::text, h.name, h.name, c.full_name, h.commune_code,
				ST_XMin(h.geom), ST_YMin(h.geom), ST_XMax(h.geom), ST_YMax(h.geom)
			FROM ${currentHamlets} h JOIN communes c ON c.code = h.commune_code
			ORDER BY kind, id`
	);
}
