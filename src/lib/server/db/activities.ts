import { and, inArray, sql } from 'drizzle-orm';
import { firstDuplicate, inBatches, rowsOf } from './batches';
import { ensureDataset, type DatasetRecord } from './datasets';
import { selectRows, type Database } from './index';
import { parseJsonInput, refusedLoad } from './load-error';
import type { ActivityPointProperties } from '../../activity-clusters';
import { validateActivityRow } from '../../activity-input';
import { hamlets, outreachActivities, teams } from './schema';
import { datasetLoadEvent } from './audit';
import { withWrite, type Actor } from './write';
import { currentHamlets, isCurrentHamlet } from './current-hamlets';
import { currentActivities } from './current-activities';

const ACTIVITIES_FILE = { vi: 'hoạt động tiếp cận', en: 'outreach activities' };

/**
 * Records outreach activities (JSON text or parsed rows), all or nothing. Refuses bad values,
 * unknown hamlets or teams, a team from another commune than the hamlet, and any idempotency key
 * seen twice in the input or already stored. Returns the number recorded.
 */
export async function loadActivities(
	db: Database,
	actor: Actor,
	input: string | unknown[],
	dataset: DatasetRecord
): Promise<number> {
	const rows = rowsOf(input, (text) => parseJsonInput(text, ACTIVITIES_FILE)).map((item, index) => {
		const result = validateActivityRow(item, `rows[${index}]`);
		if (result.ok) return result.value;
		const [first] = result.issues;
		throw refusedLoad(
			'invalid-value',
			{ vi: `Giá trị không hợp lệ: ${first!.vi}`, en: `Invalid value: ${first!.en}` },
			first!.path
		);
	});
	const duplicateKey = firstDuplicate(rows.map((row) => row.idempotencyKey));
	if (duplicateKey) {
		throw refusedLoad(
			'duplicate-idempotency-key',
			{
				vi: `Khóa chống trùng "${duplicateKey.value}" xuất hiện hai lần`,
				en: `Idempotency key "${duplicateKey.value}" appears twice`
			},
			`rows[${duplicateKey.index}].idempotencyKey`
		);
	}
	return withWrite(db, actor, async (tx) => {
		const keys = rows.map((row) => row.idempotencyKey);
		for (const batch of inBatches(keys, 10_000)) {
			// One JSON parameter rather than 10,000 bind parameters (each a round through PGlite's WASM boundary).
			const [stored] = await selectRows<{ key: string }>(
				tx,
				sql`SELECT idempotency_key AS key FROM ${outreachActivities}
					WHERE idempotency_key IN (SELECT jsonb_array_elements_text(${JSON.stringify(batch)}::jsonb)) LIMIT 1`
			);
			const key = stored?.key;
			if (key !== undefined) {
				throw refusedLoad(
					'duplicate-idempotency-key',
					{
						vi: `Hoạt động có khóa chống trùng "${key}" đã được ghi nhận trước đó`,
						en: `An activity with idempotency key "${key}" is already recorded`
					},
					`rows[${keys.indexOf(key)}].idempotencyKey`
				);
			}
		}
		const hamletCommunes = new Map(
			(
				await tx
					.select({ id: hamlets.id, communeCode: hamlets.communeCode })
					.from(hamlets)
					.where(and(inArray(hamlets.id, [...new Set(rows.map((row) => row.hamletId))]), isCurrentHamlet))
			).map((row) => [row.id, row.communeCode])
		);
		const teamCommunes = new Map(
			(
				await tx
					.select({ id: teams.id, communeCode: teams.communeCode })
					.from(teams)
					.where(inArray(teams.id, [...new Set(rows.map((row) => row.teamId))]))
			).map((row) => [row.id, row.communeCode])
		);
		rows.forEach((row, index) => {
			const hamletCommune = hamletCommunes.get(row.hamletId);
			if (hamletCommune === undefined) {
				throw refusedLoad(
					'unknown-hamlet',
					{ vi: `Không có thôn mã ${row.hamletId}`, en: `No hamlet has id ${row.hamletId}` },
					`rows[${index}].hamletId`
				);
			}
			const teamCommune = teamCommunes.get(row.teamId);
			if (teamCommune === undefined) {
				throw refusedLoad(
					'unknown-team',
					{ vi: `Không có tổ CĐS mã ${row.teamId}`, en: `No team has id ${row.teamId}` },
					`rows[${index}].teamId`
				);
			}
			if (teamCommune !== hamletCommune) {
				throw refusedLoad(
					'unknown-team',
					{
						vi: `Tổ CĐS ${row.teamId} thuộc xã/phường ${teamCommune}, không phải ${hamletCommune} của thôn ${row.hamletId}`,
						en: `Team ${row.teamId} belongs to commune ${teamCommune}, not ${hamletCommune} of hamlet ${row.hamletId}`
					},
					`rows[${index}].teamId`
				);
			}
		});
		await ensureDataset(tx, dataset);
		// One JSON parameter per batch instead of 13 bind parameters per row: several times faster on
		// PGlite, where each bind parameter costs a round through the WASM boundary.
		for (const batch of inBatches(rows, 10_000)) {
			const records = batch.map(({ location: [lng, lat], ...row }) => ({ ...row, lng, lat }));
			await tx.execute(sql`
				INSERT INTO ${outreachActivities} (id, hamlet_id, team_id, kind, occurred_on, location,
					households_new, households_revisited, people_guided, people_aged_60_plus, people_from_minorities,
					topics, note, idempotency_key, dataset_id)
				SELECT r.id, r."hamletId", r."teamId", r.kind, r."occurredOn", ST_SetSRID(ST_MakePoint(r.lng, r.lat), 4326),
					r."householdsNew", r."householdsRevisited", r."peopleGuided", r."peopleAged60Plus", r."peopleFromMinorities",
					r.topics, r.note, r."idempotencyKey", ${dataset.id}
				FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS r(id uuid, "hamletId" integer, "teamId" integer,
					kind activity_kind, "occurredOn" date, lng double precision, lat double precision, "householdsNew" integer,
					"householdsRevisited" integer, "peopleGuided" integer, "peopleAged60Plus" integer,
					"peopleFromMinorities" integer, topics outreach_topic[], note text, "idempotencyKey" text)`);
		}
		return { value: rows.length, audit: datasetLoadEvent('outreach_activities', dataset, rows.length) };
	});
}

/** Where and when a class was held: the gap analysis measures each hamlet's distance to the nearest. */
export interface ClassLocation {
	lng: number;
	lat: number;
	/** YYYY-MM-DD. */
	occurredOn: string;
}

/** The classes held from `firstDay` to `lastDay` (YYYY-MM-DD, both included), by date then id. */
export async function classLocations(
	db: Database,
	firstDay: string,
	lastDay: string
): Promise<ClassLocation[]> {
	return selectRows<ClassLocation>(
		db,
		sql`
			SELECT ST_X(location) AS lng, ST_Y(location) AS lat, to_char(occurred_on, 'YYYY-MM-DD') AS "occurredOn"
			FROM ${currentActivities} AS outreach_activities
			WHERE kind = 'class' AND occurred_on BETWEEN ${firstDay}::date AND ${lastDay}::date
			ORDER BY occurred_on, id`
	);
}

/** Households the commune's teams reached for the first time from `firstDay` to `lastDay` (both included). */
export async function householdsReachedInCommune(
	db: Database,
	communeCode: string,
	firstDay: string,
	lastDay: string
): Promise<number> {
	const [row] = await selectRows<{ reached: number }>(
		db,
		sql`
			SELECT coalesce(sum(o.households_new), 0)::int AS reached
			FROM ${currentActivities} o JOIN ${currentHamlets} h ON h.id = o.hamlet_id
			WHERE h.commune_code = ${communeCode} AND o.occurred_on BETWEEN ${firstDay}::date AND ${lastDay}::date`
	);
	return Number(row?.reached ?? 0);
}

/** An activity as the map's clusters show it, with its location. */
export interface ActivityPointRow extends Omit<ActivityPointProperties, 'cluster'> {
	lng: number;
	lat: number;
}

/** Activities on or after `month` (YYYY-MM-01) and before the next month, by id (so repeatable). */
export async function activitiesOfMonth(db: Database, month: string): Promise<ActivityPointRow[]> {
	return selectRows<ActivityPointRow>(
		db,
		sql`
			SELECT o.id::text AS id, o.kind::text AS kind, to_char(o.occurred_on, 'YYYY-MM-DD') AS "occurredOn",
				t.name AS "teamName", h.name AS "hamletName", o.people_guided AS "peopleGuided",
				ST_X(o.location) AS lng, ST_Y(o.location) AS lat
			FROM ${currentActivities} o
			JOIN teams t ON t.id = o.team_id
			JOIN ${currentHamlets} h ON h.id = o.hamlet_id
			WHERE o.occurred_on >= ${month}::date AND o.occurred_on < ${month}::date + interval '1 month'
			ORDER BY o.id`
	);
}

/** Where and by whom the latest activity was recorded: what a synthetic stream of records copies. */
export interface ActivityTemplate {
	hamletId: number;
	teamId: number;
	occurredOn: string;
	lng: number;
	lat: number;
}

/** The latest recorded activity's hamlet, team, day and place; null when none is recorded. */
export async function latestActivityTemplate(db: Database): Promise<ActivityTemplate | null> {
	const [row] = await selectRows<ActivityTemplate>(
		db,
		sql`
			SELECT o.hamlet_id AS "hamletId", o.team_id AS "teamId", to_char(o.occurred_on, 'YYYY-MM-DD') AS "occurredOn",
				ST_X(o.location) AS lng, ST_Y(o.location) AS lat
			FROM ${currentActivities} o
			ORDER BY o.occurred_on DESC, o.id
			LIMIT 1`
	);
	return row ?? null;
}
