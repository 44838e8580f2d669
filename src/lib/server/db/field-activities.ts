// The field app's writes and reads: an activity recorded on a phone (stored once per idempotency key),
// the team's history, its corrections and deletions, and the hamlets a phone caches for offline use.
import { sql } from 'drizzle-orm';
import { hanoiToday, type ActivityRecord } from '../../activity-input';
import {
	canChangeActivity,
	type FieldHamlet,
	type HistoryActivity,
	type RecordReceipt
} from '../../field-records';
import { InputError } from '../../input-error';
import { datasetLoadEvent, type AuditEntry } from './audit';
import { DEMO_DATASET, ensureDataset, type DatasetRecord } from './datasets';
import { selectRows, type Database } from './index';
import { withWrite, type Actor, type Transaction, type WriteContext } from './write';
import { currentHamlets } from './current-hamlets';
import { currentActivities } from './current-activities';

/** The activities recorded in the field app: real records, not demo data. */
export const FIELD_DATASET: DatasetRecord = {
	id: 'field-app',
	kind: 'official',
	title: 'Ghi nhận tại hiện trường (field records)',
	source: '/record'
};

/** The user actor the field app writes as (a system actor never records in the field). */
type UserActor = Extract<Actor, { kind: 'user' }>;

function unknownHamlet(hamletId: number): InputError {
	return InputError.invalid(
		'unknown-hamlet',
		{
			vi: `Thôn, tổ dân phố mã ${hamletId} không còn hoặc không thuộc xã/phường của bạn`,
			en: `Hamlet ${hamletId} no longer exists or is not in your commune`
		},
		'hamletId'
	);
}

function unknownTeam(teamId: number): InputError {
	return InputError.invalid(
		'unknown-team',
		{
			vi: `Tổ CĐS mã ${teamId} không thuộc xã/phường của thôn này`,
			en: `Team ${teamId} is not a team of this hamlet's commune`
		},
		'teamId'
	);
}

/** The team a team member's account is linked to on the roster, or null. */
export async function linkedTeamId(db: Database | Transaction, userId: string): Promise<number | null> {
	const [row] = await selectRows<{ teamId: number }>(
		db,
		sql`SELECT team_id AS "teamId" FROM team_members WHERE user_id = ${userId}`
	);
	return row?.teamId ?? null;
}

/** Checks the hamlet (of the actor's communes) and the team (of its commune, the member's own if linked). */
async function checkedReferences(
	tx: Transaction,
	actor: UserActor,
	hamletId: number,
	teamId: number
): Promise<{ communeCode: string; hamletName: string; teamName: string }> {
	const [hamlet] = await selectRows<{ communeCode: string; name: string }>(
		tx,
		sql`SELECT commune_code AS "communeCode", name FROM ${currentHamlets} AS hamlets WHERE id = ${hamletId}`
	);
	if (!hamlet || !actor.communeCodes.includes(hamlet.communeCode)) throw unknownHamlet(hamletId);
	const [team] = await selectRows<{ name: string }>(
		tx,
		sql`SELECT name FROM teams WHERE id = ${teamId} AND commune_code = ${hamlet.communeCode}`
	);
	if (!team) throw unknownTeam(teamId);
	if (actor.role === 'team') {
		const own = await linkedTeamId(tx, actor.id);
		if (own !== null && own !== teamId) throw unknownTeam(teamId);
	}
	return { communeCode: hamlet.communeCode, hamletName: hamlet.name, teamName: team.name };
}

/** The stored point: the phone's when it lies in the hamlet, else the hamlet's representative point. */
function storedPoint(hamletId: number, location: [number, number] | null) {
	const phone = location
		? sql`ST_SetSRID(ST_MakePoint(${location[0]}::double precision, ${location[1]}::double precision), 4326)`
		: sql`NULL::geometry`;
	return sql`(SELECT CASE WHEN ST_Intersects(geom, ${phone}) THEN ${phone} ELSE ST_PointOnSurface(geom) END
		FROM hamlets WHERE id = ${hamletId})`;
}

function activityEvent(
	action: 'activity.record' | 'activity.update' | 'activity.delete',
	id: string,
	communeCode: string,
	changes: Record<string, unknown>
): AuditEntry {
	return { action, entityType: 'outreach_activity', entityId: id, communeCode, changes };
}

/**
 * Records an activity from the field app for `teamId`, once per idempotency key: a replay of a stored
 * key changes nothing and answers the stored activity (`stored: false`). Refuses a hamlet outside the
 * actor's communes (or gone) and a team of another commune.
 */
export async function recordActivity(
	db: Database,
	actor: UserActor,
	record: ActivityRecord & { teamId: number },
	context?: WriteContext
): Promise<RecordReceipt> {
	return withWrite(
		db,
		actor,
		async (tx) => {
			const replay = await storedReceipt(tx, record.idempotencyKey);
			if (replay) return { value: replay, audit: null };
			const references = await checkedReferences(tx, actor, record.hamletId, record.teamId);
			await ensureDataset(tx, FIELD_DATASET);
			// ON CONFLICT: two sends of one key racing each other still store it once.
			const inserted = await selectRows<{ id: string; fromPhone: boolean }>(
				tx,
				sql`
					INSERT INTO outreach_activities (hamlet_id, team_id, kind, occurred_on, location, households_new,
						households_revisited, people_guided, people_aged_60_plus, people_from_minorities, topics, note,
						idempotency_key, dataset_id, recorded_by, recorded_at)
					VALUES (${record.hamletId}, ${record.teamId}, ${record.kind}::activity_kind, ${record.occurredOn}::date,
						${storedPoint(record.hamletId, record.location)}, ${record.householdsNew}, ${record.householdsRevisited},
						${record.peopleGuided}, ${record.peopleAged60Plus}, ${record.peopleFromMinorities},
						${`{${record.topics.join(',')}}`}::outreach_topic[], ${record.note}, ${record.idempotencyKey},
						${FIELD_DATASET.id}, ${actor.id}, now())
					ON CONFLICT (idempotency_key) DO NOTHING
					RETURNING id::text AS id, ${record.location ? sql`ST_Equals(location, ST_SetSRID(ST_MakePoint(${record.location[0]}::double precision, ${record.location[1]}::double precision), 4326))` : sql`false`} AS "fromPhone"`
			);
			const row = inserted[0];
			if (!row) return { value: (await storedReceipt(tx, record.idempotencyKey))!, audit: null };
			const receipt: RecordReceipt = {
				id: row.id,
				stored: true,
				hamletName: references.hamletName,
				teamName: references.teamName,
				position: row.fromPhone ? 'phone' : 'hamlet'
			};
			const { idempotencyKey, ...fields } = record;
			return {
				value: receipt,
				audit: activityEvent('activity.record', row.id, references.communeCode, {
					...fields,
					idempotencyKey,
					position: receipt.position
				})
			};
		},
		{ context }
	);
}

/** The activity stored under an idempotency key, as a replay's answer. */
async function storedReceipt(tx: Transaction, key: string): Promise<RecordReceipt | null> {
	const [row] = await selectRows<Omit<RecordReceipt, 'stored'>>(
		tx,
		sql`
			SELECT o.id::text AS id, h.name AS "hamletName", t.name AS "teamName",
				CASE WHEN ST_Equals(o.location, ST_PointOnSurface(h.geom)) THEN 'hamlet' ELSE 'phone' END AS position
			FROM outreach_activities o JOIN hamlets h ON h.id = o.hamlet_id JOIN teams t ON t.id = o.team_id
			WHERE o.idempotency_key = ${key}`
	);
	return row ? { ...row, stored: false } : null;
}

const HISTORY_COLUMNS = sql`
	o.id::text AS id, to_char(o.occurred_on, 'YYYY-MM-DD') AS "occurredOn", o.kind::text AS kind,
	o.hamlet_id AS "hamletId", h.name AS "hamletName", h.commune_code AS "communeCode", o.team_id AS "teamId",
	t.name AS "teamName", o.households_new AS "householdsNew", o.households_revisited AS "householdsRevisited",
	o.people_guided AS "peopleGuided", o.people_aged_60_plus AS "peopleAged60Plus",
	o.people_from_minorities AS "peopleFromMinorities", o.topics::text[] AS topics, o.note,
	o.recorded_by AS "recordedBy", u.name AS "recordedByName",
	to_char(o.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt"`;

/** Whose activities a history shows: a commune's teams, or one team, or what one person recorded. */
export type HistoryScope =
	| { communeCodes: readonly string[]; teamId?: undefined; recordedBy?: undefined }
	| { communeCodes: readonly string[]; teamId: number; recordedBy?: undefined }
	| { communeCodes: readonly string[]; teamId?: undefined; recordedBy: string };

function scopeCondition(scope: HistoryScope) {
	const communes = sql`h.commune_code IN (${sql.join(
		scope.communeCodes.map((code) => sql`${code}`),
		sql`, `
	)})`;
	if (scope.teamId !== undefined) return sql`${communes} AND o.team_id = ${scope.teamId}`;
	if (scope.recordedBy !== undefined) return sql`${communes} AND o.recorded_by = ${scope.recordedBy}`;
	return communes;
}

/** The activities of `scope` from `since` to `until` (YYYY-MM-DD, both included), newest first. */
export async function activityHistory(
	db: Database,
	scope: HistoryScope,
	since: string,
	until: string
): Promise<HistoryActivity[]> {
	if (scope.communeCodes.length === 0) return [];
	return selectRows<HistoryActivity>(
		db,
		sql`
			SELECT ${HISTORY_COLUMNS}
			FROM ${currentActivities} o
			JOIN hamlets h ON h.id = o.hamlet_id
			JOIN teams t ON t.id = o.team_id
			LEFT JOIN users u ON u.id = o.recorded_by
			WHERE ${scopeCondition(scope)} AND o.occurred_on BETWEEN ${since}::date AND ${until}::date
			ORDER BY o.occurred_on DESC, o.recorded_at DESC, o.id`
	);
}

/** The month's totals of `scope` (activities, households new and revisited, people and the priority groups). */
export interface MonthTotals {
	activities: number;
	householdsNew: number;
	householdsRevisited: number;
	peopleGuided: number;
	peopleAged60Plus: number;
	peopleFromMinorities: number;
	/** Activities that did not record the group's count ("chưa ghi"): not counted as nobody. */
	agedUnrecorded: number;
	minoritiesUnrecorded: number;
}

/** Totals of `scope` in the month of `day` (YYYY-MM-DD), up to `day`. */
export async function monthTotals(db: Database, scope: HistoryScope, day: string): Promise<MonthTotals> {
	const empty = {
		activities: 0,
		householdsNew: 0,
		householdsRevisited: 0,
		peopleGuided: 0,
		peopleAged60Plus: 0,
		peopleFromMinorities: 0,
		agedUnrecorded: 0,
		minoritiesUnrecorded: 0
	};
	if (scope.communeCodes.length === 0) return empty;
	const [row] = await selectRows<MonthTotals>(
		db,
		sql`
			SELECT count(*)::int AS activities, coalesce(sum(o.households_new), 0)::int AS "householdsNew",
				coalesce(sum(o.households_revisited), 0)::int AS "householdsRevisited",
				coalesce(sum(o.people_guided), 0)::int AS "peopleGuided",
				coalesce(sum(o.people_aged_60_plus), 0)::int AS "peopleAged60Plus",
				coalesce(sum(o.people_from_minorities), 0)::int AS "peopleFromMinorities",
				(count(*) FILTER (WHERE o.people_aged_60_plus IS NULL))::int AS "agedUnrecorded",
				(count(*) FILTER (WHERE o.people_from_minorities IS NULL))::int AS "minoritiesUnrecorded"
			FROM ${currentActivities} o JOIN ${currentHamlets} h ON h.id = o.hamlet_id
			WHERE ${scopeCondition(scope)}
				AND o.occurred_on BETWEEN date_trunc('month', ${day}::date)::date AND ${day}::date`
	);
	return row ?? empty;
}

/** One activity as the history shows it, or null. */
async function historyActivity(db: Database | Transaction, id: string): Promise<HistoryActivity | null> {
	const [row] = await selectRows<HistoryActivity>(
		db,
		sql`
			SELECT ${HISTORY_COLUMNS}
			FROM ${currentActivities} o
			JOIN hamlets h ON h.id = o.hamlet_id
			JOIN teams t ON t.id = o.team_id
			LEFT JOIN users u ON u.id = o.recorded_by
			WHERE o.id = ${id}::uuid`
	);
	return row ?? null;
}

/** Why a change was refused: no such activity (of the user's communes), or not (or no longer) theirs to change. */
export type ChangeOutcome = 'changed' | 'not-found' | 'forbidden';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The activity if `actor` may change it at `now`, or why not. */
async function changeable(
	tx: Transaction,
	actor: UserActor,
	id: string,
	now: Date
): Promise<HistoryActivity | 'not-found' | 'forbidden'> {
	if (!UUID.test(id)) return 'not-found';
	const activity = await historyActivity(tx, id);
	if (!activity || !actor.communeCodes.includes(activity.communeCode)) return 'not-found';
	return canChangeActivity(actor, activity, now) ? activity : 'forbidden';
}

/**
 * Corrects an activity's fields (its key and position stay): a commune user any of their communes', a
 * team member their own within the edit window. The record's date bound is today in Hanoi.
 */
export async function updateActivity(
	db: Database,
	actor: UserActor,
	id: string,
	record: ActivityRecord & { teamId: number },
	options: { now?: Date; context?: WriteContext } = {}
): Promise<ChangeOutcome> {
	const now = options.now ?? new Date();
	return withWrite(
		db,
		actor,
		async (tx) => {
			const before = await changeable(tx, actor, id, now);
			if (typeof before === 'string') return { value: before, audit: null };
			const references = await checkedReferences(tx, actor, record.hamletId, record.teamId);
			await tx.execute(sql`
				UPDATE outreach_activities SET hamlet_id = ${record.hamletId}, team_id = ${record.teamId},
					kind = ${record.kind}::activity_kind, occurred_on = ${record.occurredOn}::date,
					location = CASE WHEN hamlet_id = ${record.hamletId} THEN location ELSE ${storedPoint(record.hamletId, null)} END,
					households_new = ${record.householdsNew}, households_revisited = ${record.householdsRevisited},
					people_guided = ${record.peopleGuided}, people_aged_60_plus = ${record.peopleAged60Plus},
					people_from_minorities = ${record.peopleFromMinorities},
					topics = ${`{${record.topics.join(',')}}`}::outreach_topic[], note = ${record.note}
				WHERE id = ${id}::uuid`);
			const after = { ...record, location: undefined, idempotencyKey: undefined };
			return {
				value: 'changed',
				audit: activityEvent('activity.update', id, references.communeCode, { before, after })
			};
		},
		{ context: options.context }
	);
}

/** Deletes an activity under the same rule as a correction. */
export async function deleteActivity(
	db: Database,
	actor: UserActor,
	id: string,
	options: { now?: Date; context?: WriteContext } = {}
): Promise<ChangeOutcome> {
	const now = options.now ?? new Date();
	return withWrite(
		db,
		actor,
		async (tx) => {
			const before = await changeable(tx, actor, id, now);
			if (typeof before === 'string') return { value: before, audit: null };
			await tx.execute(sql`DELETE FROM outreach_activities WHERE id = ${id}::uuid`);
			return {
				value: 'changed',
				audit: activityEvent('activity.delete', id, before.communeCode, { ...before })
			};
		},
		{ context: options.context }
	);
}

/** The hamlets of the communes with their boundaries and representative points: what a phone caches. */
export async function fieldHamlets(db: Database, communeCodes: readonly string[]): Promise<FieldHamlet[]> {
	if (communeCodes.length === 0) return [];
	const rows = await selectRows<Omit<FieldHamlet, 'geometry'> & { geometry: string }>(
		db,
		sql`
			SELECT id, name, commune_code AS "communeCode", ST_AsGeoJSON(geom, 6) AS geometry,
				json_build_array(round(ST_X(ST_PointOnSurface(geom))::numeric, 6), round(ST_Y(ST_PointOnSurface(geom))::numeric, 6)) AS "representativePoint"
			FROM ${currentHamlets} AS hamlets
			WHERE commune_code IN (${sql.join(
				communeCodes.map((code) => sql`${code}`),
				sql`, `
			)})
			ORDER BY name, id`
	);
	return rows.map((row) => ({
		...row,
		geometry: JSON.parse(row.geometry),
		representativePoint: (typeof row.representativePoint === 'string'
			? JSON.parse(row.representativePoint)
			: row.representativePoint
		).map(Number) as [number, number]
	}));
}

/** The teams of the communes, for the field app's team choice. */
export async function fieldTeams(
	db: Database,
	communeCodes: readonly string[]
): Promise<{ id: number; name: string; communeCode: string }[]> {
	if (communeCodes.length === 0) return [];
	return selectRows(
		db,
		sql`SELECT id, name, commune_code AS "communeCode" FROM teams
			WHERE commune_code IN (${sql.join(
				communeCodes.map((code) => sql`${code}`),
				sql`, `
			)}) ORDER BY commune_code, id`
	);
}

/** Today in Hanoi and the first day of the history window. */
export function historyWindow(days: number, now: Date = new Date()): { since: string; until: string } {
	const until = hanoiToday(now);
	const since = new Date(Date.parse(`${until}T00:00:00Z`) - days * 24 * 60 * 60 * 1000)
		.toISOString()
		.slice(0, 10);
	return { since, until };
}

/** The hamlets of the communes by name (no boundaries): what a correction may move an activity to. */
export async function hamletChoices(
	db: Database,
	communeCodes: readonly string[]
): Promise<{ id: number; name: string }[]> {
	if (communeCodes.length === 0) return [];
	return selectRows(
		db,
		sql`SELECT id, name FROM ${currentHamlets} AS hamlets WHERE commune_code IN (${sql.join(
			communeCodes.map((code) => sql`${code}`),
			sql`, `
		)}) ORDER BY name, id`
	);
}

/** A demo entry of the field app: an activity as a team member recorded it, `recordedAt` in the past. */
export interface DemoFieldRecord extends Omit<ActivityRecord, 'location'> {
	teamId: number;
	recordedAt: Date;
}

/**
 * Stores entries of the demo dataset as if `recordedBy` had recorded them in the field app at their
 * `recordedAt` (at the hamlet's representative point), so the history has entries of every age: its own
 * within the 7 days a member may correct, and older ones only the commune's staff may. A key stored
 * before is skipped. Returns how many were stored.
 */
export async function loadDemoFieldRecords(
	db: Database,
	actor: Actor,
	recordedBy: string,
	records: readonly DemoFieldRecord[]
): Promise<number> {
	if (records.length === 0) return 0;
	return withWrite(db, actor, async (tx) => {
		await ensureDataset(tx, DEMO_DATASET);
		let stored = 0;
		for (const record of records) {
			const inserted = await selectRows<{ id: string }>(
				tx,
				sql`
					INSERT INTO outreach_activities (hamlet_id, team_id, kind, occurred_on, location, households_new,
						households_revisited, people_guided, people_aged_60_plus, people_from_minorities, topics, note,
						idempotency_key, dataset_id, recorded_by, recorded_at)
					VALUES (${record.hamletId}, ${record.teamId}, ${record.kind}::activity_kind, ${record.occurredOn}::date,
						${storedPoint(record.hamletId, null)}, ${record.householdsNew}, ${record.householdsRevisited},
						${record.peopleGuided}, ${record.peopleAged60Plus}, ${record.peopleFromMinorities},
						${`{${record.topics.join(',')}}`}::outreach_topic[], ${record.note}, ${record.idempotencyKey},
						${DEMO_DATASET.id}, ${recordedBy}, ${record.recordedAt.toISOString()}::timestamptz)
					ON CONFLICT (idempotency_key) DO NOTHING
					RETURNING id::text AS id`
			);
			stored += inserted.length;
		}
		return { value: stored, audit: datasetLoadEvent('outreach_activities', DEMO_DATASET, stored) };
	});
}
