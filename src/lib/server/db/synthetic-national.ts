// A deterministic national-size dataset for `npm run bench -- national` (PostGIS only, never seeded in
// the app): communes as a grid over Vietnam's extent, ten hamlets each, one team each, activities and
// twelve months of surveys, all from generate_series and arithmetic, so the same scale gives the same rows.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { selectRows, type Database } from './index';

export interface NationalScale {
	communes: number;
	/** Per commune; the hamlet grid is 5 × 2 inside each commune's cell. */
	hamletsPerCommune: 10;
	activities: number;
	months: number;
}

const DATASET = 'national-synthetic';
/** Vietnam's extent, roughly: the grid of communes spans it. */
const [WEST, SOUTH, EAST, NORTH] = [102.1, 8.6, 109.5, 23.4];

/** A computed number written into the SQL as a literal: typed by its form (2 int, 0.07 numeric), not as a parameter. */
const num = (value: number) => sql.raw(String(value));

/** Writes the dataset into an empty, migrated PostGIS database; minutes at 10,000 communes. */
export async function generateNationalDataset(db: Database, scale: NationalScale): Promise<void> {
	const columns = Math.ceil(Math.sqrt(scale.communes));
	const rows = Math.ceil(scale.communes / columns);
	const dx = (EAST - WEST) / columns;
	const dy = (NORTH - SOUTH) / rows;
	const hamlets = scale.communes * scale.hamletsPerCommune;
	await db.execute(sql`INSERT INTO datasets (id, kind, title, source)
		VALUES (${DATASET}, 'demo', 'Synthetic national dataset', 'npm run bench -- national')`);
	await db.execute(sql`INSERT INTO communes (code, name, full_name, unit_type, population, area_km2, seat, geom, dataset_id)
		SELECT lpad(i::text, 5, '0'), 'Xã ' || i, 'Xã ' || i, (CASE WHEN i % 4 = 0 THEN 'phường' ELSE 'xã' END)::unit_type,
			9000 + (i * 37) % 5000, 40,
			ST_SetSRID(ST_MakePoint(x0 + ${num(dx)} / 2, y0 + ${num(dy)} / 2), 4326),
			ST_Multi(ST_MakeEnvelope(x0, y0, x0 + ${num(dx)}, y0 + ${num(dy)}, 4326)), ${DATASET}
		FROM generate_series(0, ${num(scale.communes - 1)}) AS i,
			LATERAL (SELECT ${num(WEST)} + (i % ${num(columns)}) * ${num(dx)} AS x0, ${num(SOUTH)} + (i / ${num(columns)}) * ${num(dy)} AS y0) AS cell`);
	// Hamlet h (0-based) is cell h % 10 of commune h / 10: 5 columns, 2 rows.
	await db.execute(sql`INSERT INTO hamlets (id, commune_code, name, kind, households, adults, elderly,
			minority_share, is_rural, boundary_source, geom, dataset_id)
		SELECT h + 1, lpad((h / 10)::text, 5, '0'), 'Thôn ' || (h % 10 + 1),
			(CASE WHEN (h / 10) % 4 = 0 THEN 'tổ dân phố' ELSE 'thôn' END)::hamlet_kind,
			250 + (h * 13) % 300, 600 + (h * 17) % 700, 80 + (h * 7) % 120,
			CASE WHEN (h / 10) % 9 = 0 THEN 0.6 ELSE 0.02 END, (h / 10) % 4 <> 0, 'approximate',
			ST_Multi(ST_MakeEnvelope(x0, y0, x0 + ${num(dx)} / 5, y0 + ${num(dy)} / 2, 4326)), ${DATASET}
		FROM generate_series(0, ${num(hamlets - 1)}) AS h,
			LATERAL (SELECT ${num(WEST)} + ((h / 10) % ${num(columns)}) * ${num(dx)} + (h % 5) * ${num(dx)} / 5 AS x0,
				${num(SOUTH)} + ((h / 10) / ${num(columns)}) * ${num(dy)} + ((h % 10) / 5) * ${num(dy)} / 2 AS y0) AS cell`);
	await db.execute(sql`INSERT INTO teams (id, commune_code, name, members, members_trained, dataset_id)
		SELECT i + 1, lpad(i::text, 5, '0'), 'Tổ CĐS ' || i, 7, 5, ${DATASET}
		FROM generate_series(0, ${num(scale.communes - 1)}) AS i`);
	await db.execute(sql`SELECT setval(pg_get_serial_sequence('teams', 'id'), ${num(scale.communes)})`);
	// Activity n: a hamlet spread by a prime stride, its commune's team, a day of the year, a point in the hamlet.
	await db.execute(sql`INSERT INTO outreach_activities (id, hamlet_id, team_id, kind, occurred_on, location,
			households_new, households_revisited, people_guided, topics, idempotency_key, dataset_id)
		SELECT md5('activity-' || n)::uuid, h + 1, h / 10 + 1,
			(ARRAY['door-to-door', 'class', 'event', 'online'])[1 + n % 4]::activity_kind,
			DATE '2026-01-01' + (n % ${num(scale.months * 30)}),
			ST_SetSRID(ST_MakePoint(
				${num(WEST)} + ((h / 10) % ${num(columns)}) * ${num(dx)} + (h % 5) * ${num(dx)} / 5 + ${num(dx)} / 10,
				${num(SOUTH)} + ((h / 10) / ${num(columns)}) * ${num(dy)} + ((h % 10) / 5) * ${num(dy)} / 2 + ${num(dy)} / 4), 4326),
			n % 5, n % 3, n % 20, ARRAY['vneid', 'payment']::outreach_topic[], 'national-' || n, ${DATASET}
		FROM generate_series(0, ${num(scale.activities - 1)}) AS n,
			LATERAL (SELECT ((n::bigint * 7919) % ${num(hamlets)})::int AS h) AS hamlet`);
	await db.execute(sql`INSERT INTO skill_surveys (hamlet_id, month, adults_assessed, with_basic_skills,
			with_smartphone, with_epayment, with_vneid_level2, dataset_id)
		SELECT h + 1, (DATE '2026-01-01' + make_interval(months => m))::date, 100,
			LEAST(100, 30 + m * 4 + h % 20), LEAST(100, 60 + m * 2 + h % 15), LEAST(100, 20 + m * 3 + h % 10),
			LEAST(100, 25 + m * 4 + h % 25), ${DATASET}
		FROM generate_series(0, ${num(hamlets - 1)}) AS h, generate_series(0, ${num(scale.months - 1)}) AS m`);
	await db.execute(sql`ANALYZE`);
}

/**
 * `count` new activities as an upload would bring them (the loaders' input), on hamlets of this database
 * spread evenly, each with a team of its commune and a point inside it: the bench's import path.
 */
export async function sampleActivityUpload(db: Database, count: number, tag: string): Promise<unknown[]> {
	const rows = await selectRows<{ hamlet: number; team: number; lng: number; lat: number }>(
		db,
		sql`WITH numbered AS (
				SELECT h.id, h.commune_code, h.geom, row_number() OVER (ORDER BY h.id) AS rn, count(*) OVER () AS total
				FROM hamlets h
				-- The loaders take points of the Hanoi region only (input-schemas.ts); the national grid
				-- has hamlets there too.
				WHERE ST_Within(ST_PointOnSurface(h.geom), ST_MakeEnvelope(104.51, 20.01, 106.99, 21.99, 4326)))
			SELECT n.id AS hamlet, (SELECT min(t.id) FROM teams t WHERE t.commune_code = n.commune_code) AS team,
				ST_X(ST_PointOnSurface(n.geom)) AS lng, ST_Y(ST_PointOnSurface(n.geom)) AS lat
			FROM numbered n
			WHERE n.rn % greatest(1, n.total / ${count}) = 0
				AND EXISTS (SELECT 1 FROM teams t WHERE t.commune_code = n.commune_code)
			LIMIT ${count}`
	);
	return rows.map((row, index) => ({
		id: randomUUID(),
		hamletId: row.hamlet,
		teamId: row.team,
		kind: 'door-to-door',
		occurredOn: '2026-11-20',
		location: [row.lng, row.lat],
		householdsNew: 3,
		householdsRevisited: 1,
		peopleGuided: 8,
		topics: ['vneid'],
		idempotencyKey: `bench-import-${tag}-${index}`
	}));
}
