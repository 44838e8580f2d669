// A deterministic national-size dataset for `npm run bench -- national` (PostGIS only, never seeded in
// the app): communes as a grid over Vietnam's extent, ten hamlets each, one team each, activities and
// twelve months of surveys, all from generate_series and arithmetic, so the same scale gives the same rows.
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

/** The two tables that hold nearly all the rows: loaded with their keys and indexes off, then rebuilt. */
const BULK_TABLES = ['outreach_activities', 'skill_surveys'] as const;

interface DeferredDefinitions {
	/** `ALTER TABLE … ADD CONSTRAINT …` and `CREATE INDEX …`, in the order to run them. */
	rebuild: string[];
	drop: string[];
}

/**
 * The table's primary key, unique and foreign-key constraints and other indexes, read from the catalog
 * (so the migrations stay the one definition): building a btree or GiST once over 10 million sorted rows
 * is several times cheaper than maintaining it row by row, and one anti-join validates a foreign key
 * instead of a trigger per row. Check constraints stay: they cost nothing per row.
 */
async function deferredDefinitions(db: Database, table: string): Promise<DeferredDefinitions> {
	const constraints = await selectRows<{ name: string; definition: string; type: string }>(
		db,
		sql`SELECT conname AS name, pg_get_constraintdef(oid) AS definition, contype AS type
			FROM pg_constraint WHERE conrelid = ${table}::regclass AND contype IN ('p', 'u', 'f')
			ORDER BY contype DESC, conname`
	);
	const indexes = await selectRows<{ name: string; definition: string }>(
		db,
		sql`SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS definition
			FROM pg_index i
			WHERE indrelid = ${table}::regclass
				AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
			ORDER BY 1`
	);
	const keys = constraints.filter((row) => row.type !== 'f');
	const foreign = constraints.filter((row) => row.type === 'f');
	const addConstraint = (row: { name: string; definition: string }) =>
		`ALTER TABLE ${table} ADD CONSTRAINT "${row.name}" ${row.definition}`;
	return {
		drop: [
			...foreign.map((row) => `ALTER TABLE ${table} DROP CONSTRAINT "${row.name}"`),
			...keys.map((row) => `ALTER TABLE ${table} DROP CONSTRAINT "${row.name}"`),
			...indexes.map((row) => `DROP INDEX ${row.name}`)
		],
		rebuild: [
			...keys.map(addConstraint),
			...indexes.map((row) => row.definition),
			...foreign.map(addConstraint)
		]
	};
}

/** Runs catalog-made DDL (never user input) one statement at a time. */
async function runAll(db: Database, statements: readonly string[]): Promise<void> {
	for (const statement of statements) await db.execute(sql.raw(statement));
}

/**
 * Writes the dataset into an empty, migrated database (PostGIS, or PGlite for a small scale): everything
 * is `INSERT … SELECT generate_series` with arithmetic and md5, so the same scale gives the same rows
 * and no row crosses the wire. The two large tables are loaded without their keys and indexes, which
 * are then rebuilt from the catalog's own definitions, and the tables vacuumed so the visibility map is
 * set as on a database that autovacuum has visited. About 10 minutes at 10 million activities on two
 * shared cores. `onStep` hears each step's name (the bench prints it).
 */
export async function generateNationalDataset(
	db: Database,
	scale: NationalScale,
	onStep: (step: string) => void = () => {}
): Promise<void> {
	const columns = Math.ceil(Math.sqrt(scale.communes));
	const rows = Math.ceil(scale.communes / columns);
	const dx = (EAST - WEST) / columns;
	const dy = (NORTH - SOUTH) / rows;
	const hamlets = scale.communes * scale.hamletsPerCommune;
	// settings for a bulk load (the pool reuses its one idle connection for sequential queries):
	// room to sort an index in memory, no wait for the WAL flush at each commit, and no parallel workers,
	// so that all the work stays in the one backend the bench lowers the priority of.
	await db.execute(sql`SELECT set_config('maintenance_work_mem', '512MB', false),
		set_config('synchronous_commit', 'off', false),
		set_config('max_parallel_maintenance_workers', '0', false),
		set_config('max_parallel_workers_per_gather', '0', false)`);
	onStep('communes, hamlets, teams');
	await db.execute(sql`INSERT INTO datasets (id, kind, title, source)
		VALUES (${DATASET}, 'demo', 'Synthetic national dataset', 'generating')`);
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

	const deferred = await Promise.all(BULK_TABLES.map((table) => deferredDefinitions(db, table)));
	onStep('drop the keys and indexes of the large tables');
	await runAll(
		db,
		deferred.flatMap((definitions) => definitions.drop)
	);
	onStep(`${scale.activities.toLocaleString('en')} activities`);
	// Activity n, in the order of its day (rows recorded over a year lie on disk in about that order):
	// a hamlet spread by a prime stride, so each hamlet's rows are far apart, as in a real table; its
	// commune's team; v mixes n with the hamlet's round, so each hamlet sees every kind and count. One
	// activity in ten is a class, one in five an event, the rest door-to-door or online.
	await db.execute(sql`INSERT INTO outreach_activities (id, hamlet_id, team_id, kind, occurred_on, location,
			households_new, households_revisited, people_guided, topics, idempotency_key, dataset_id)
		SELECT md5('activity-' || n)::uuid, h + 1, h / 10 + 1,
			(ARRAY['door-to-door', 'door-to-door', 'door-to-door', 'door-to-door', 'door-to-door', 'door-to-door',
				'class', 'event', 'event', 'online'])[1 + v % 10]::activity_kind,
			DATE '2026-01-01' + (n::bigint * ${num(scale.months * 30)} / ${num(scale.activities)})::int,
			ST_SetSRID(ST_MakePoint(
				${num(WEST)} + ((h / 10) % ${num(columns)}) * ${num(dx)} + (h % 5) * ${num(dx)} / 5 + ${num(dx)} / 10,
				${num(SOUTH)} + ((h / 10) / ${num(columns)}) * ${num(dy)} + ((h % 10) / 5) * ${num(dy)} / 2 + ${num(dy)} / 4), 4326),
			v % 5, v % 3, v % 20, ARRAY['vneid', 'payment']::outreach_topic[], 'national-' || n, ${DATASET}
		FROM generate_series(0, ${num(scale.activities - 1)}) AS n,
			LATERAL (SELECT ((n::bigint * 7919) % ${num(hamlets)})::int AS h, n + n / ${num(hamlets)} AS v) AS mixed`);
	onStep(`${(hamlets * scale.months).toLocaleString('en')} surveys`);
	await db.execute(sql`INSERT INTO skill_surveys (hamlet_id, month, adults_assessed, with_basic_skills,
			with_smartphone, with_epayment, with_vneid_level2, dataset_id)
		SELECT h + 1, (DATE '2026-01-01' + make_interval(months => m))::date, 100,
			LEAST(100, 30 + m * 4 + h % 20), LEAST(100, 60 + m * 2 + h % 15), LEAST(100, 20 + m * 3 + h % 10),
			LEAST(100, 25 + m * 4 + h % 25), ${DATASET}
		FROM generate_series(0, ${num(hamlets - 1)}) AS h, generate_series(0, ${num(scale.months - 1)}) AS m`);
	for (const [position, table] of BULK_TABLES.entries()) {
		onStep(`rebuild the keys and indexes of ${table}`);
		await runAll(db, deferred[position]!.rebuild);
	}
	onStep('vacuum and analyse');
	await db.execute(sql`VACUUM (ANALYZE) outreach_activities, skill_surveys`);
	await db.execute(sql`ANALYZE`);
	// Last: a run cut short leaves 'generating', which no scale matches, so the bench starts afresh.
	await db.execute(sql`UPDATE datasets SET source = ${scaleLabel(scale)} WHERE id = ${DATASET}`);
}

/** What the dataset's `source` records: a reused database is reused only at the same scale. */
export function scaleLabel(scale: NationalScale): string {
	return `npm run bench -- national: ${scale.communes} communes × ${scale.hamletsPerCommune} hamlets, ${scale.activities} activities, ${scale.months} months`;
}

/** The scale label of the synthetic dataset in this database, or null if it holds none. */
export async function generatedScale(db: Database): Promise<string | null> {
	const [row] = await selectRows<{ source: string }>(
		db,
		sql`SELECT source FROM datasets WHERE id = ${DATASET}`
	);
	return row?.source ?? null;
}

/** What an import of activities for one commune needs: the commune, its team's name and its hamlets. */
export interface ImportTarget {
	communeCode: string;
	teamName: string;
	hamletIds: number[];
}

/**
 * The commune with the most hamlets among those with a team (first by code), in the Hanoi region the
 * loaders accept points in (input-schemas.ts; the national grid has communes there too): the bench's
 * import target.
 */
export async function importTarget(db: Database): Promise<ImportTarget> {
	const [row] = await selectRows<ImportTarget>(
		db,
		sql`SELECT h.commune_code AS "communeCode", (SELECT min(t.name) FROM teams t WHERE t.commune_code = h.commune_code) AS "teamName",
				array_agg(h.id ORDER BY h.id) AS "hamletIds"
			FROM hamlets h
			WHERE EXISTS (SELECT 1 FROM teams t WHERE t.commune_code = h.commune_code)
				AND ST_Within(ST_PointOnSurface(h.geom), ST_MakeEnvelope(104.51, 20.01, 106.99, 21.99, 4326))
			GROUP BY h.commune_code
			ORDER BY count(*) DESC, h.commune_code
			LIMIT 1`
	);
	if (!row) throw new Error('no commune with hamlets and a team to import for');
	return row;
}
