// Spreadsheet imports in the database: the reference data an upload is matched against, the upload jobs
// and their progress, the commit (a dataset of kind 'uploaded', its rows added or updated, what they
// replaced kept for a withdrawal, one audit event; readers see all of it or nothing: activities are
// written invisibly in short transactions and published in one, see writeActivities), the withdrawal,
// and the history.
import { and, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { ImportKind } from '../../domain';
import type { ImportHistoryRow, ImportIssue, ImportJobStatus } from '../../import-report';
import { InputError } from '../../input-error';
import type { Named } from '../import/name-matching';
import type {
	ActivityRecord,
	HamletReference,
	ImportRecords,
	ReferenceData,
	RegisterRecord,
	SurveyRecord,
	TeamRecord
} from '../import/validate-rows';
import { inBatches } from './batches';
import { selectRows, type Database } from './index';
import { communes, datasets, importJobParts, importJobs, imports, teams } from './schema';
import {
	withUnpublishedWrite,
	withWrite,
	type Actor,
	type Transaction,
	type WriteContext,
	type Written
} from './write';
import { currentActivities, isPublishedActivityAs } from './current-activities';
import { yieldToRequests } from '../event-loop';
import { currentHamlets } from './current-hamlets';

/** The hamlets (with a point inside each), teams and commune codes an upload is matched against. */
export async function importReference(db: Database, today: string): Promise<ReferenceData> {
	const hamletRows = await selectRows<HamletReference>(
		db,
		sql`
			SELECT h.id, h.commune_code AS "communeCode", h.name, h.households, h.adults, h.elderly,
				h.minority_share AS "minorityShare", h.is_rural AS "isRural",
				ST_X(ST_PointOnSurface(h.geom)) AS lng, ST_Y(ST_PointOnSurface(h.geom)) AS lat
			FROM ${currentHamlets} h ORDER BY h.id`
	);
	const teamRows: Named[] = await db
		.select({ id: teams.id, communeCode: teams.communeCode, name: teams.name })
		.from(teams)
		.orderBy(teams.id);
	const codes = await db.select({ code: communes.code }).from(communes);
	return {
		hamlets: hamletRows.map((row) => ({ ...row, minorityShare: Number(row.minorityShare) })),
		teams: teamRows,
		communeCodes: new Set(codes.map((row) => row.code)),
		today
	};
}

/** A commune's hamlets with their ids, for the templates' second sheet; every hamlet for null. */
export async function hamletList(
	db: Database,
	communeCode: string | null
): Promise<{ id: number; communeCode: string; name: string }[]> {
	return selectRows(
		db,
		sql`
			SELECT id, commune_code AS "communeCode", name FROM ${currentHamlets} AS hamlets
			WHERE ${communeCode === null ? sql`true` : sql`commune_code = ${communeCode}`}
			ORDER BY commune_code, id`
	);
}

/** A commune's teams, for the templates' example row. */
export async function teamList(db: Database, communeCode: string | null): Promise<Named[]> {
	return db
		.select({ id: teams.id, communeCode: teams.communeCode, name: teams.name })
		.from(teams)
		.where(communeCode === null ? undefined : eq(teams.communeCode, communeCode))
		.orderBy(teams.id)
		.limit(200);
}

// ——— upload jobs (operational state like sessions: not audited; the commit is) ———

export interface NewImportJob {
	userId: string;
	kind: ImportKind;
	communeCode: string | null;
	fileName: string;
	sha256: string;
	content: Uint8Array;
}

export interface ImportJobRecord {
	id: string;
	userId: string;
	kind: ImportKind;
	communeCode: string | null;
	fileName: string;
	sha256: string;
	size: number;
	status: ImportJobStatus;
	rowsParsed: number;
	rowsValidated: number;
	rowsWritten: number;
	report: unknown;
	datasetId: string | null;
	updatedAt: Date;
}

const JOB_COLUMNS = {
	id: importJobs.id,
	userId: importJobs.userId,
	kind: importJobs.kind,
	communeCode: importJobs.communeCode,
	fileName: importJobs.fileName,
	sha256: importJobs.sha256,
	size: importJobs.size,
	status: importJobs.status,
	rowsParsed: importJobs.rowsParsed,
	rowsValidated: importJobs.rowsValidated,
	rowsWritten: importJobs.rowsWritten,
	report: importJobs.report,
	datasetId: importJobs.datasetId,
	updatedAt: importJobs.updatedAt
};

/** How long an upload is kept for its commit and downloads. */
const JOB_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** An upload's file is stored in parts of this size, a statement each (see importJobParts). */
const PART_BYTES = 512 * 1024;

/** Records an upload (its file included, so any instance can commit it); forgets those older than a day. */
export async function createImportJob(db: Database, job: NewImportJob): Promise<string> {
	await db.delete(importJobs).where(lt(importJobs.createdAt, new Date(Date.now() - JOB_LIFETIME_MS)));
	const { content, ...record } = job;
	const [row] = await db
		.insert(importJobs)
		.values({ ...record, size: content.byteLength })
		.returning({ id: importJobs.id });
	for (let seq = 0; seq * PART_BYTES < content.byteLength; seq++) {
		const bytes = content.subarray(seq * PART_BYTES, (seq + 1) * PART_BYTES);
		await db.insert(importJobParts).values({ jobId: row!.id, seq, bytes });
		await yieldToRequests();
	}
	return row!.id;
}

export async function findImportJob(db: Database, id: string): Promise<ImportJobRecord | undefined> {
	const [row] = await db.select(JOB_COLUMNS).from(importJobs).where(eq(importJobs.id, id));
	return row;
}

/** The uploaded file of a job, read a part a statement. */
export async function importJobContent(db: Database, id: string): Promise<Uint8Array | undefined> {
	const [job] = await db.select({ size: importJobs.size }).from(importJobs).where(eq(importJobs.id, id));
	if (!job) return undefined;
	const content = new Uint8Array(job.size);
	let offset = 0;
	for (let seq = 0; offset < job.size; seq++) {
		const [part] = await db
			.select({ bytes: importJobParts.bytes })
			.from(importJobParts)
			.where(and(eq(importJobParts.jobId, id), eq(importJobParts.seq, seq)));
		if (!part) throw new Error(`import job ${id}: part ${seq} of its file is missing`);
		content.set(new Uint8Array(part.bytes), offset);
		offset += part.bytes.byteLength;
		await yieldToRequests();
	}
	return content;
}

export type ImportJobPatch = Partial<
	Pick<ImportJobRecord, 'status' | 'rowsParsed' | 'rowsValidated' | 'rowsWritten' | 'report' | 'datasetId'>
>;

export async function updateImportJob(db: Database, id: string, patch: ImportJobPatch): Promise<void> {
	await db
		.update(importJobs)
		.set({ ...patch, updatedAt: new Date() })
		.where(eq(importJobs.id, id));
}

/**
 * Moves a job from one status to another only if it is still in the first: two clicks on "commit" (or
 * two instances) start one commit. Answers whether this call moved it.
 */
export async function claimImportJob(
	db: Database,
	id: string,
	from: ImportJobStatus,
	to: ImportJobStatus
): Promise<boolean> {
	const rows = await db
		.update(importJobs)
		.set({ status: to, updatedAt: new Date() })
		.where(and(eq(importJobs.id, id), eq(importJobs.status, from)))
		.returning({ id: importJobs.id });
	return rows.length === 1;
}

/** The import (not withdrawn) of this very file, if any. */
export async function activeImportOfFile(
	db: Database,
	sha256: string,
	kind: ImportKind
): Promise<{ datasetId: string; createdAt: Date; username: string } | undefined> {
	const [row] = await db
		.select({ datasetId: imports.datasetId, createdAt: imports.createdAt, username: imports.username })
		.from(imports)
		.where(and(eq(imports.sha256, sha256), eq(imports.kind, kind), isNull(imports.withdrawnAt)))
		.orderBy(desc(imports.createdAt))
		.limit(1);
	return row;
}

// ——— the commit ———

/** The upload a commit writes: its records, and the dataset's file name, hash and title. */
export interface ImportCommit {
	records: ImportRecords;
	fileName: string;
	sha256: string;
	title: string;
	/** The commune the upload was for (null: an admin's upload for several). */
	communeCode: string | null;
}

export interface ImportOutcome {
	added: number;
	updated: number;
	unchanged: number;
	/** Hamlets whose coverage passes 100% with this import (the row of the file that names them first). */
	warnings: ImportIssue[];
	/** The new dataset's id; null when nothing changed (then nothing was written). */
	datasetId: string | null;
}

const TABLE_OF_KIND: Record<ImportKind, string> = {
	activities: 'outreach_activities',
	surveys: 'skill_surveys',
	teams: 'teams',
	register: 'hamlets'
};

/** What a write did: rows added, updated (with what they were, for a withdrawal) and left unchanged. */
interface WriteCounts {
	added: number;
	updated: number;
	previous: unknown[];
	unchanged: number;
}

const countsOf = <T>({ added, updated, previous, unchanged }: Classified<T>): WriteCounts => ({
	added: added.length,
	updated: updated.length,
	previous,
	unchanged
});

/** Rows of one kind compared with what is stored: which to add, which to update (with what they were). */
interface Classified<T> {
	added: T[];
	updated: T[];
	previous: unknown[];
	unchanged: number;
}

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/**
 * Writes an upload's records: rows not stored yet are added, stored ones that differ are updated, the
 * same ones left alone; a dataset of kind 'uploaded' and its import record are created and one audit
 * event recorded. Readers see all of it at once or nothing: surveys, teams and the register (small files)
 * in one transaction; activities (up to 200,000 rows) written invisibly in short transactions, then
 * published in one (writeActivities). When nothing would change, nothing is kept (no dataset, no event, no
 * new data revision). `dryRun` runs it all and keeps nothing: the dry run's exact counts and warnings.
 * `onWritten` hears how many rows were written so far.
 */
export async function writeImport(
	db: Database,
	actor: Actor & { kind: 'user' },
	upload: ImportCommit,
	options: { dryRun?: boolean; context?: WriteContext; onWritten?: (rows: number) => void } = {}
): Promise<ImportOutcome> {
	const datasetId = `upload-${crypto.randomUUID()}`;
	const written = { rows: 0 };
	const progress = (rows: number) => {
		written.rows += rows;
		options.onWritten?.(written.rows);
	};
	const { records } = upload;
	if (records.kind === 'activities') {
		return writeActivities(db, actor, upload, records.rows, datasetId, progress, options);
	}
	return withWrite(
		db,
		actor,
		async (tx) => {
			await tx
				.insert(datasets)
				.values({ id: datasetId, kind: 'uploaded', title: upload.title, source: upload.fileName });
			let classified: WriteCounts;
			let touchedHamlets: number[] = [];
			if (records.kind === 'surveys') {
				classified = countsOf(await writeSurveys(tx, records.rows, datasetId, progress));
			} else if (records.kind === 'teams') {
				classified = countsOf(await writeTeams(tx, records.rows, datasetId, progress));
			} else {
				classified = countsOf(await writeRegister(tx, records.rows, progress));
				touchedHamlets = records.rows.map((row) => row.hamletId);
			}
			return recordImport(tx, actor, upload, datasetId, classified, touchedHamlets);
		},
		{ dryRun: options.dryRun, context: options.context }
	);
}

/**
 * The end of every import's write, in its transaction: the counts, the coverage warnings, and unless
 * nothing changed, the import record and the `dataset.import` event (with none, withWrite rolls back).
 */
async function recordImport(
	tx: Transaction,
	actor: Actor & { kind: 'user' },
	upload: ImportCommit,
	datasetId: string,
	classified: WriteCounts,
	touchedHamlets: number[]
): Promise<Written<ImportOutcome>> {
	const { records } = upload;
	const outcome: ImportOutcome = {
		added: classified.added,
		updated: classified.updated,
		unchanged: classified.unchanged,
		warnings: await coverageWarnings(tx, records.rows, touchedHamlets),
		datasetId
	};
	if (outcome.added + outcome.updated === 0) {
		return { value: { ...outcome, datasetId: null }, audit: null };
	}
	const communeCodes = [...new Set(records.rows.map((row) => row.communeCode))];
	const communeCode = upload.communeCode ?? (communeCodes.length === 1 ? communeCodes[0]! : null);
	await tx.insert(imports).values({
		datasetId,
		kind: records.kind,
		communeCode,
		fileName: upload.fileName,
		sha256: upload.sha256,
		userId: actor.id,
		username: actor.username,
		added: outcome.added,
		updated: outcome.updated,
		unchanged: outcome.unchanged,
		previous: classified.previous
	});
	return {
		value: outcome,
		audit: {
			action: 'dataset.import',
			entityType: TABLE_OF_KIND[records.kind],
			entityId: datasetId,
			communeCode,
			changes: {
				dataset: datasetId,
				kind: records.kind,
				fileName: upload.fileName,
				sha256: upload.sha256,
				added: outcome.added,
				updated: outcome.updated,
				unchanged: outcome.unchanged
			}
		}
	};
}

const BATCH = 10_000;

/** A record without where it came from in the file (its row) and its commune: what is stored. */
function withoutPlace<T extends { row: number; communeCode: string }>(
	record: T
): Omit<T, 'row' | 'communeCode'> {
	const copy: Partial<T> = { ...record };
	delete copy.row;
	delete copy.communeCode;
	return copy as Omit<T, 'row' | 'communeCode'>;
}

interface StoredActivity {
	id: string;
	hamletId: number;
	teamId: number;
	kind: string;
	occurredOn: string;
	lng: number;
	lat: number;
	householdsNew: number;
	householdsRevisited: number;
	peopleGuided: number;
	peopleAged60Plus: number | null;
	peopleFromMinorities: number | null;
	topics: string[];
	note: string;
	idempotencyKey: string;
	datasetId: string;
}

const ACTIVITY_RECORDSET = sql.raw(`(id uuid, "hamletId" integer, "teamId" integer, kind activity_kind,
	"occurredOn" date, lng double precision, lat double precision, "householdsNew" integer,
	"householdsRevisited" integer, "peopleGuided" integer, "peopleAged60Plus" integer,
	"peopleFromMinorities" integer, topics outreach_topic[], note text, "idempotencyKey" text, "datasetId" text)`);

/**
 * Rows per short transaction of an activities import, other requests' queries between them. Each statement holds
 * PGlite's thread: 1,000 rows take about 0.05–0.3 s; 5,000 took 0.4–0.9 s, and longer in all (measured).
 */
const PENDING_BATCH = 1_000;

/** An unpublished dataset older than this was left by an import that died: no import runs that long. */
const ABANDONED_AFTER = '1 hour';

/** The file's rows as a relation `s` with outreach_activities' column names (SAME_ACTIVITY compares them). */
function fileRows(batch: readonly ActivityRecord[], firstSeq: number) {
	const records = batch.map((record, index) => ({
		seq: firstSeq + index,
		id: record.id,
		hamlet_id: record.hamletId,
		team_id: record.teamId,
		kind: record.kind,
		occurred_on: record.occurredOn,
		lng: record.location[0],
		lat: record.location[1],
		households_new: record.householdsNew,
		households_revisited: record.householdsRevisited,
		people_guided: record.peopleGuided,
		people_aged_60_plus: record.peopleAged60Plus,
		people_from_minorities: record.peopleFromMinorities,
		topics: record.topics,
		note: record.note,
		idempotency_key: record.idempotencyKey
	}));
	return sql`(SELECT * FROM jsonb_to_recordset(${json(records)}) AS r${FILE_RECORDSET})`;
}

const FILE_RECORDSET = sql.raw(`(seq integer, id uuid, hamlet_id integer, team_id integer,
	kind activity_kind, occurred_on date, lng double precision, lat double precision, households_new integer,
	households_revisited integer, people_guided integer, people_aged_60_plus integer,
	people_from_minorities integer, topics outreach_topic[], note text, idempotency_key text)`);

/** A stored activity (o) equal to a file's row (s) in everything the file gives: unchanged. */
const SAME_ACTIVITY = sql.raw(`o.hamlet_id = s.hamlet_id AND o.team_id = s.team_id AND o.kind = s.kind
	AND o.occurred_on = s.occurred_on AND abs(ST_X(o.location) - s.lng) < 1e-9 AND abs(ST_Y(o.location) - s.lat) < 1e-9
	AND o.households_new = s.households_new AND o.households_revisited = s.households_revisited
	AND o.people_guided = s.people_guided AND o.people_aged_60_plus IS NOT DISTINCT FROM s.people_aged_60_plus
	AND o.people_from_minorities IS NOT DISTINCT FROM s.people_from_minorities AND o.note = s.note
	AND ARRAY(SELECT unnest(o.topics) ORDER BY 1) = ARRAY(SELECT unnest(s.topics) ORDER BY 1)`);

const INSERT_ACTIVITIES = sql.raw(`INSERT INTO outreach_activities (id, hamlet_id, team_id, kind, occurred_on,
	location, households_new, households_revisited, people_guided, people_aged_60_plus, people_from_minorities,
	topics, note, idempotency_key, dataset_id)`);

/**
 * An activities import, "written invisibly, published atomically": the dataset is created unpublished;
 * the rows whose key is not stored are inserted under it, 1,000 a short transaction with a yield between
 * them (on the embedded database, one connection, other requests' queries run in between: one long
 * transaction would hold them all); readers skip them (current-activities.ts) and they do not bump the
 * data revision (migration 0020). Then one short audited transaction updates the stored rows that differ
 * (what they were kept for a withdrawal), records the import and publishes the dataset: readers see every
 * row at once. A failure, a dry run or an import that changes nothing deletes the pending rows and the
 * dataset again (a dry run so writes then deletes: its counts and coverage warnings are the commit's own,
 * from the same code, and it holds no long transaction either). An import that died on the way leaves an
 * unpublished dataset: the next import removes those older than an hour (removeAbandonedImports).
 */
async function writeActivities(
	db: Database,
	actor: Actor & { kind: 'user' },
	upload: ImportCommit,
	rows: readonly ActivityRecord[],
	datasetId: string,
	progress: (rows: number) => void,
	options: { dryRun?: boolean; context?: WriteContext }
): Promise<ImportOutcome> {
	await removeAbandonedImports(db);
	await withUnpublishedWrite(db, (tx) =>
		tx.insert(datasets).values({
			id: datasetId,
			kind: 'uploaded',
			title: upload.title,
			source: upload.fileName,
			publishedAt: null
		})
	);
	const inserted: string[] = [];
	let published = false;
	try {
		const pending = await writePendingActivities(db, rows, datasetId, inserted, progress);
		const outcome = await withWrite(
			db,
			actor,
			async (tx) => {
				// Published first, so that the coverage warnings count this import's rows.
				await tx
					.update(datasets)
					.set({ publishedAt: sql`now()` })
					.where(eq(datasets.id, datasetId));
				const changed = await writeChangedActivities(tx, pending.candidates, datasetId);
				const accounted =
					pending.added + pending.unchanged + changed.added + changed.unchanged + changed.previous.length;
				if (accounted !== rows.length) {
					// The missing rows' keys belong to another import still being written (unique keys).
					throw InputError.invalid('import-in-progress', {
						vi: `${rows.length - accounted} hoạt động của tệp đang được một lần nhập khác ghi vào. Hãy thử lại khi lần nhập đó xong`,
						en: `${rows.length - accounted} activities of this file are being written by another import. Try again once it is done`
					});
				}
				const classified: WriteCounts = {
					added: pending.added + changed.added,
					updated: changed.previous.length,
					unchanged: pending.unchanged + changed.unchanged,
					previous: changed.previous
				};
				const touched = rows.map((row) => row.hamletId);
				return recordImport(tx, actor, upload, datasetId, classified, touched);
			},
			{ dryRun: options.dryRun, context: options.context }
		);
		published = outcome.datasetId !== null && !options.dryRun;
		return outcome;
	} finally {
		if (!published) await removePendingImport(db, datasetId, inserted);
	}
}

/**
 * Inserts the rows whose key is not stored under the unpublished dataset, a short transaction a batch;
 * answers how many were added and left the same, and the rows whose stored version differs (for the
 * publish to update). Rows are compared with the published ones only; a key another import is still
 * writing is left to the publish (which refuses it). `inserted` collects the keys added, for a clean-up by key.
 */
async function writePendingActivities(
	db: Database,
	rows: readonly ActivityRecord[],
	datasetId: string,
	inserted: string[],
	progress: (rows: number) => void
): Promise<{ added: number; unchanged: number; candidates: ActivityRecord[] }> {
	const result = { added: 0, unchanged: 0, candidates: [] as ActivityRecord[] };
	for (let first = 0; first < rows.length; first += PENDING_BATCH) {
		const batch = rows.slice(first, first + PENDING_BATCH);
		const [answer] = await withUnpublishedWrite(db, (tx) =>
			selectRows<{ added: string[]; unchanged: number; candidates: number[] }>(
				tx,
				sql`
					WITH s AS MATERIALIZED ${fileRows(batch, 0)},
					stored AS (SELECT s.seq, (${SAME_ACTIVITY}) AS same
						FROM s JOIN ${currentActivities} o ON o.idempotency_key = s.idempotency_key),
					added AS (
						${INSERT_ACTIVITIES}
						SELECT s.id, s.hamlet_id, s.team_id, s.kind, s.occurred_on, ST_SetSRID(ST_MakePoint(s.lng, s.lat), 4326),
							s.households_new, s.households_revisited, s.people_guided, s.people_aged_60_plus,
							s.people_from_minorities, s.topics, s.note, s.idempotency_key, ${datasetId}
						FROM s WHERE s.seq NOT IN (SELECT seq FROM stored) ORDER BY s.seq
						-- Another import's rows committed since this statement began: the publish decides.
						ON CONFLICT (idempotency_key) DO NOTHING
						RETURNING idempotency_key)
					SELECT (SELECT coalesce(jsonb_agg(idempotency_key), '[]') FROM added) AS added,
						(SELECT count(*) FILTER (WHERE same) FROM stored)::int AS unchanged,
						(SELECT coalesce(jsonb_agg(s.seq ORDER BY s.seq), '[]') FROM s
							WHERE s.seq NOT IN (SELECT seq FROM stored WHERE same)
								AND s.idempotency_key NOT IN (SELECT idempotency_key FROM added)) AS candidates`
			)
		);
		inserted.push(...answer!.added);
		result.added += answer!.added.length;
		result.unchanged += answer!.unchanged;
		for (const seq of answer!.candidates) result.candidates.push(batch[seq]!);
		progress(batch.length);
		await yieldToRequests();
	}
	return result;
}

/**
 * In the publish's transaction: the file's rows whose stored version differed are updated (what they were
 * returned, for a withdrawal); rows that turn out the same, or no longer stored, are counted or added.
 */
async function writeChangedActivities(
	tx: Transaction,
	rows: readonly ActivityRecord[],
	datasetId: string
): Promise<{ added: number; unchanged: number; previous: StoredActivity[] }> {
	const result = { added: 0, unchanged: 0, previous: [] as StoredActivity[] };
	for (let first = 0; first < rows.length; first += PENDING_BATCH) {
		const batch = rows.slice(first, first + PENDING_BATCH);
		const staged = fileRows(batch, first);
		const [counts] = await selectRows<{ unchanged: number }>(
			tx,
			sql`SELECT count(*)::int AS unchanged
				FROM ${staged} s JOIN ${currentActivities} o ON o.idempotency_key = s.idempotency_key WHERE ${SAME_ACTIVITY}`
		);
		const previous = await selectRows<StoredActivity>(
			tx,
			sql`
				SELECT o.id::text, o.hamlet_id AS "hamletId", o.team_id AS "teamId", o.kind::text,
					to_char(o.occurred_on, 'YYYY-MM-DD') AS "occurredOn", ST_X(o.location) AS lng, ST_Y(o.location) AS lat,
					o.households_new AS "householdsNew", o.households_revisited AS "householdsRevisited",
					o.people_guided AS "peopleGuided", o.people_aged_60_plus AS "peopleAged60Plus",
					o.people_from_minorities AS "peopleFromMinorities", o.topics::text[] AS topics, o.note,
					o.idempotency_key AS "idempotencyKey", o.dataset_id AS "datasetId"
				FROM ${staged} s JOIN ${currentActivities} o ON o.idempotency_key = s.idempotency_key
				WHERE NOT (${SAME_ACTIVITY})
				ORDER BY s.seq`
		);
		if (previous.length > 0) {
			await tx.execute(sql`
				UPDATE outreach_activities o SET hamlet_id = s.hamlet_id, team_id = s.team_id, kind = s.kind,
					occurred_on = s.occurred_on, location = ST_SetSRID(ST_MakePoint(s.lng, s.lat), 4326),
					households_new = s.households_new, households_revisited = s.households_revisited,
					people_guided = s.people_guided, people_aged_60_plus = s.people_aged_60_plus,
					people_from_minorities = s.people_from_minorities, topics = s.topics, note = s.note,
					dataset_id = ${datasetId}
				FROM ${staged} s
				WHERE o.idempotency_key = s.idempotency_key AND ${isPublishedActivityAs('o')} AND NOT (${SAME_ACTIVITY})`);
		}
		const [added] = await selectRows<{ n: number }>(
			tx,
			sql`WITH added AS (
					${INSERT_ACTIVITIES}
					SELECT s.id, s.hamlet_id, s.team_id, s.kind, s.occurred_on, ST_SetSRID(ST_MakePoint(s.lng, s.lat), 4326),
						s.households_new, s.households_revisited, s.people_guided, s.people_aged_60_plus,
						s.people_from_minorities, s.topics, s.note, s.idempotency_key, ${datasetId}
					FROM ${staged} s
					WHERE NOT EXISTS (SELECT 1 FROM outreach_activities o WHERE o.idempotency_key = s.idempotency_key)
					ORDER BY s.seq RETURNING 1)
				SELECT count(*)::int AS n FROM added`
		);
		result.added += added!.n;
		result.unchanged += counts!.unchanged;
		result.previous.push(...previous);
		await yieldToRequests();
	}
	return result;
}

/** Deletes an unpublished import's rows (by the keys it added, a short transaction a batch) and its dataset. */
async function removePendingImport(db: Database, datasetId: string, keys: readonly string[]): Promise<void> {
	for (const batch of inBatches([...keys], PENDING_BATCH)) {
		await withUnpublishedWrite(db, (tx) =>
			tx.execute(sql`
				DELETE FROM outreach_activities WHERE dataset_id = ${datasetId}
					AND idempotency_key IN (SELECT jsonb_array_elements_text(${json(batch)}))`)
		);
		await yieldToRequests();
	}
	await removeUnpublishedDataset(db, datasetId);
}

/** Deletes what is left of an unpublished dataset (its rows, in short batches) and the dataset itself. */
async function removeUnpublishedDataset(db: Database, datasetId: string): Promise<void> {
	for (;;) {
		const [gone] = await withUnpublishedWrite(db, (tx) =>
			selectRows<{ n: number }>(
				tx,
				sql`WITH gone AS (
						DELETE FROM outreach_activities WHERE id IN (
							SELECT o.id FROM outreach_activities o JOIN datasets d ON d.id = o.dataset_id
							WHERE o.dataset_id = ${datasetId} AND d.published_at IS NULL LIMIT ${PENDING_BATCH})
						RETURNING 1)
					SELECT count(*)::int AS n FROM gone`
			)
		);
		if (gone!.n === 0) break;
		await yieldToRequests();
	}
	await withUnpublishedWrite(db, (tx) =>
		tx.execute(sql`DELETE FROM datasets WHERE id = ${datasetId} AND published_at IS NULL`)
	);
}

/**
 * Removes what imports that died mid-way left (unpublished datasets older than an hour, and their rows);
 * every activities import calls it first. Answers the datasets removed.
 */
export async function removeAbandonedImports(db: Database): Promise<string[]> {
	const abandoned = await selectRows<{ id: string }>(
		db,
		sql`SELECT id FROM datasets
			WHERE published_at IS NULL AND created_at < now() - ${ABANDONED_AFTER}::interval ORDER BY id`
	);
	for (const { id } of abandoned) await removeUnpublishedDataset(db, id);
	return abandoned.map((row) => row.id);
}

/** Sets activities to the given records (by idempotency key); with `onlyOf`, only those still of that dataset. */
async function restoreActivities(tx: Transaction, records: unknown[], onlyOf: string | null): Promise<void> {
	for (const batch of inBatches(records, BATCH)) {
		await tx.execute(sql`
			UPDATE outreach_activities o SET hamlet_id = r."hamletId", team_id = r."teamId", kind = r.kind,
				occurred_on = r."occurredOn", location = ST_SetSRID(ST_MakePoint(r.lng, r.lat), 4326),
				households_new = r."householdsNew", households_revisited = r."householdsRevisited",
				people_guided = r."peopleGuided", people_aged_60_plus = r."peopleAged60Plus",
				people_from_minorities = r."peopleFromMinorities", topics = r.topics, note = r.note, dataset_id = r."datasetId"
			FROM jsonb_to_recordset(${json(batch)}) AS r${ACTIVITY_RECORDSET}
			WHERE o.idempotency_key = r."idempotencyKey" ${onlyOf === null ? sql`` : sql`AND o.dataset_id = ${onlyOf}`}`);
	}
}

const SURVEY_RECORDSET = sql.raw(`("hamletId" integer, month date, "adultsAssessed" integer,
	"withBasicSkills" integer, "withSmartphone" integer, "withEpayment" integer, "withVneidLevel2" integer,
	"datasetId" text)`);

type StoredSurvey = Omit<SurveyRecord, 'row' | 'communeCode'> & { datasetId: string };

async function writeSurveys(
	tx: Transaction,
	rows: SurveyRecord[],
	datasetId: string,
	progress: (rows: number) => void
): Promise<Classified<SurveyRecord>> {
	const result: Classified<SurveyRecord> = { added: [], updated: [], previous: [], unchanged: 0 };
	for (const batch of inBatches(rows, BATCH)) {
		const stored = new Map(
			(
				await selectRows<StoredSurvey>(
					tx,
					sql`
						SELECT s.hamlet_id AS "hamletId", to_char(s.month, 'YYYY-MM-DD') AS month, s.adults_assessed AS "adultsAssessed",
							s.with_basic_skills AS "withBasicSkills", s.with_smartphone AS "withSmartphone",
							s.with_epayment AS "withEpayment", s.with_vneid_level2 AS "withVneidLevel2", s.dataset_id AS "datasetId"
						FROM skill_surveys s
						JOIN jsonb_to_recordset(${json(batch.map(({ hamletId, month }) => ({ hamletId, month })))}) AS k("hamletId" integer, month date)
							ON k."hamletId" = s.hamlet_id AND k.month = s.month`
				)
			).map((row) => [`${row.hamletId}/${row.month}`, row])
		);
		const changed: StoredSurvey[] = [];
		for (const row of batch) {
			const before = stored.get(`${row.hamletId}/${row.month}`);
			const same =
				before &&
				before.adultsAssessed === row.adultsAssessed &&
				before.withBasicSkills === row.withBasicSkills &&
				before.withSmartphone === row.withSmartphone &&
				before.withEpayment === row.withEpayment &&
				before.withVneidLevel2 === row.withVneidLevel2;
			if (same) {
				result.unchanged++;
				continue;
			}
			if (before) {
				result.updated.push(row);
				result.previous.push(before);
			} else result.added.push(row);
			changed.push({ ...withoutPlace(row), datasetId });
		}
		if (changed.length > 0) await upsertSurveys(tx, changed, null);
		progress(batch.length);
	}
	return result;
}

/** Writes surveys (added or replaced); with `onlyOf`, replaces only those still of that dataset. */
async function upsertSurveys(tx: Transaction, records: StoredSurvey[], onlyOf: string | null): Promise<void> {
	for (const batch of inBatches(records, BATCH)) {
		await tx.execute(sql`
			INSERT INTO skill_surveys (hamlet_id, month, adults_assessed, with_basic_skills, with_smartphone,
				with_epayment, with_vneid_level2, dataset_id)
			SELECT r."hamletId", r.month, r."adultsAssessed", r."withBasicSkills", r."withSmartphone", r."withEpayment",
				r."withVneidLevel2", r."datasetId"
			FROM jsonb_to_recordset(${json(batch)}) AS r${SURVEY_RECORDSET}
			ON CONFLICT (hamlet_id, month) DO UPDATE SET adults_assessed = excluded.adults_assessed,
				with_basic_skills = excluded.with_basic_skills, with_smartphone = excluded.with_smartphone,
				with_epayment = excluded.with_epayment, with_vneid_level2 = excluded.with_vneid_level2,
				dataset_id = excluded.dataset_id
			${onlyOf === null ? sql`` : sql`WHERE skill_surveys.dataset_id = ${onlyOf}`}`);
	}
}

interface StoredTeam {
	id: number;
	communeCode: string;
	name: string;
	members: number;
	membersTrained: number;
	datasetId: string;
}

async function writeTeams(
	tx: Transaction,
	rows: TeamRecord[],
	datasetId: string,
	progress: (rows: number) => void
): Promise<Classified<TeamRecord>> {
	const result: Classified<TeamRecord> = { added: [], updated: [], previous: [], unchanged: 0 };
	const ids = rows.flatMap((row) => (row.id === null ? [] : [row.id]));
	const stored = new Map(
		(
			await tx
				.select({
					id: teams.id,
					communeCode: teams.communeCode,
					name: teams.name,
					members: teams.members,
					membersTrained: teams.membersTrained,
					datasetId: teams.datasetId
				})
				.from(teams)
				.where(inArray(teams.id, ids.length > 0 ? ids : [-1]))
		).map((row) => [row.id, row])
	);
	for (const row of rows) {
		const before = row.id === null ? undefined : stored.get(row.id);
		if (!before) {
			await tx.insert(teams).values({
				communeCode: row.communeCode,
				name: row.name,
				members: row.members,
				membersTrained: row.membersTrained,
				datasetId
			});
			result.added.push(row);
		} else if (
			before.name === row.name &&
			before.members === row.members &&
			before.membersTrained === row.membersTrained
		) {
			result.unchanged++;
		} else {
			await tx
				.update(teams)
				.set({ name: row.name, members: row.members, membersTrained: row.membersTrained, datasetId })
				.where(eq(teams.id, before.id));
			result.updated.push(row);
			result.previous.push(before);
		}
	}
	progress(rows.length);
	return result;
}

const REGISTER_FIELDS = ['households', 'adults', 'elderly', 'minorityShare', 'isRural'] as const;
type RegisterFigures = Pick<HamletReference, (typeof REGISTER_FIELDS)[number]>;

/** A hamlet's figures before and after an import, for its withdrawal. */
interface RegisterChange {
	id: number;
	before: RegisterFigures;
	after: RegisterFigures;
}

async function writeRegister(
	tx: Transaction,
	rows: RegisterRecord[],
	progress: (rows: number) => void
): Promise<Classified<RegisterRecord>> {
	const result: Classified<RegisterRecord> = { added: [], updated: [], previous: [], unchanged: 0 };
	const stored = new Map(
		(
			await selectRows<RegisterFigures & { id: number }>(
				tx,
				sql`
					SELECT id, households, adults, elderly, minority_share AS "minorityShare", is_rural AS "isRural"
					FROM hamlets WHERE id IN (SELECT jsonb_array_elements_text(${json(rows.map((row) => row.hamletId))})::int)`
			)
		).map((row) => [row.id, { ...row, minorityShare: Number(row.minorityShare) }])
	);
	const changes: RegisterChange[] = [];
	for (const row of rows) {
		const { id, ...before } = stored.get(row.hamletId)!;
		const after = { ...before };
		for (const field of REGISTER_FIELDS) {
			if (row[field] !== undefined) (after as Record<string, unknown>)[field] = row[field];
		}
		if (REGISTER_FIELDS.every((field) => after[field] === before[field])) {
			result.unchanged++;
			continue;
		}
		result.updated.push(row);
		changes.push({ id, before, after });
	}
	for (const batch of inBatches(changes, BATCH))
		await setRegister(
			tx,
			batch.map(({ id, after }) => ({ id, ...after })),
			null
		);
	result.previous = changes;
	progress(rows.length);
	return result;
}

/**
 * Sets hamlets' figures. With `unlessChangedFrom`, only where the hamlet still has those figures (a
 * withdrawal does not undo a later import's figures).
 */
async function setRegister(
	tx: Transaction,
	figures: (RegisterFigures & { id: number; expected?: RegisterFigures })[],
	unlessChangedFrom: 'expected' | null
): Promise<void> {
	await tx.execute(sql`
		UPDATE hamlets h SET households = r.households, adults = r.adults, elderly = r.elderly,
			minority_share = r."minorityShare", is_rural = r."isRural"
		FROM jsonb_to_recordset(${json(figures)}) AS r(id integer, households integer, adults integer, elderly integer,
			"minorityShare" double precision, "isRural" boolean, expected jsonb)
		WHERE h.id = r.id ${
			unlessChangedFrom === null
				? sql``
				: sql`AND h.households = (r.expected->>'households')::int AND h.adults = (r.expected->>'adults')::int
					AND h.elderly = (r.expected->>'elderly')::int AND h.minority_share = (r.expected->>'minorityShare')::float8
					AND h.is_rural = (r.expected->>'isRural')::boolean`
		}`);
}

/** Hamlets whose coverage (households reached ÷ households) passes 100% after the write, as warnings. */
async function coverageWarnings(
	tx: Transaction,
	rows: readonly { row: number; hamletId?: number }[],
	hamletIds: number[]
): Promise<ImportIssue[]> {
	if (hamletIds.length === 0) return [];
	const over = await selectRows<{ id: number; name: string; households: number; reached: number }>(
		tx,
		sql`
			SELECT h.id, h.name, h.households, sum(o.households_new)::int AS reached
			FROM hamlets h JOIN ${currentActivities} o ON o.hamlet_id = h.id
			WHERE h.id IN (SELECT jsonb_array_elements_text(${json([...new Set(hamletIds)])})::int)
			GROUP BY h.id, h.name, h.households
			HAVING sum(o.households_new) > h.households
			ORDER BY h.id`
	);
	return over.map((hamlet) => {
		const first = rows.find((row) => row.hamletId === hamlet.id);
		const share =
			hamlet.households > 0 ? Math.round((hamlet.reached / hamlet.households) * 1000) / 10 : Infinity;
		return {
			row: first?.row ?? 0,
			column: '',
			value: hamlet.name,
			code: 'coverage-over-100',
			vi: `Tỷ lệ hộ được tiếp cận của ${hamlet.name} (${hamlet.id}) sẽ vượt 100%: ${hamlet.reached} hộ / ${hamlet.households} hộ (${String(share).replace('.', ',')}%)`,
			en: `Outreach coverage of ${hamlet.name} (${hamlet.id}) would pass 100%: ${hamlet.reached} / ${hamlet.households} households (${share}%)`
		};
	});
}

// ——— withdrawal and history ———

/** Whose imports a person may see and withdraw: an admin's all, a commune officer's their communes'. */
export type ImportAccess = 'all' | readonly string[];

function accessCondition(access: ImportAccess) {
	return access === 'all' ? undefined : inArray(imports.communeCode, access.length > 0 ? [...access] : ['']);
}

/** Past imports, newest first, with their counts. */
export async function listImports(
	db: Database,
	access: ImportAccess,
	limit = 200
): Promise<ImportHistoryRow[]> {
	const rows = await db
		.select({
			datasetId: imports.datasetId,
			title: datasets.title,
			kind: imports.kind,
			communeCode: imports.communeCode,
			fileName: imports.fileName,
			sha256: imports.sha256,
			username: imports.username,
			createdAt: imports.createdAt,
			added: imports.added,
			updated: imports.updated,
			unchanged: imports.unchanged,
			withdrawnAt: imports.withdrawnAt,
			withdrawnBy: imports.withdrawnBy
		})
		.from(imports)
		.innerJoin(datasets, eq(datasets.id, imports.datasetId))
		.where(accessCondition(access))
		.orderBy(desc(imports.createdAt), desc(imports.datasetId))
		.limit(limit);
	return rows.map((row) => ({
		...row,
		createdAt: row.createdAt.toISOString(),
		withdrawnAt: row.withdrawnAt?.toISOString() ?? null
	}));
}

/**
 * Withdraws an import in one transaction: rows it added are deleted, rows it updated get back what they
 * were (unless a later import changed them since), the import is marked withdrawn, and one audit event
 * is recorded. Refused: an unknown or inaccessible import (404), one already withdrawn, and teams that
 * activities or plans still refer to.
 */
export async function withdrawImport(
	db: Database,
	actor: Actor & { kind: 'user' },
	datasetId: string,
	access: ImportAccess,
	context?: WriteContext
): Promise<{ removed: number; restored: number }> {
	return withWrite(
		db,
		actor,
		async (tx) => {
			const [record] = await tx
				.select()
				.from(imports)
				.where(and(eq(imports.datasetId, datasetId), accessCondition(access)))
				.for('update');
			if (!record) {
				throw InputError.notFound('unknown-import', {
					vi: `Không có lần nhập ${datasetId} (hoặc bạn không có quyền với nó)`,
					en: `No import ${datasetId} (or it is not yours to withdraw)`
				});
			}
			if (record.withdrawnAt) {
				throw InputError.invalid('already-withdrawn', {
					vi: 'Lần nhập này đã được rút trước đó',
					en: 'This import was already withdrawn'
				});
			}
			const previous = record.previous as unknown[];
			let removed = 0;
			if (record.kind === 'activities') {
				await restoreActivities(tx, previous, datasetId);
				removed = await deleteOfDataset(tx, 'outreach_activities', datasetId);
			} else if (record.kind === 'surveys') {
				await upsertSurveys(tx, previous as StoredSurvey[], datasetId);
				removed = await deleteOfDataset(tx, 'skill_surveys', datasetId);
			} else if (record.kind === 'teams') {
				const restoredIds = (previous as StoredTeam[]).map((team) => team.id);
				const [inUse] = await selectRows<{ activities: number; plans: number }>(
					tx,
					sql`
						WITH added AS (SELECT id FROM teams WHERE dataset_id = ${datasetId}
							AND NOT id IN (SELECT jsonb_array_elements_text(${json(restoredIds)})::int))
						SELECT (SELECT count(*)::int FROM outreach_activities WHERE team_id IN (SELECT id FROM added)) AS activities,
							(SELECT count(*)::int FROM plans WHERE team_id IN (SELECT id FROM added)) AS plans`
				);
				if (inUse && inUse.activities + inUse.plans > 0) {
					throw InputError.invalid('teams-in-use', {
						vi: `Không rút được: ${inUse.activities} hoạt động và ${inUse.plans} kế hoạch đang dùng các tổ CĐS do lần nhập này thêm. Hãy rút hoặc sửa chúng trước`,
						en: `Cannot withdraw: ${inUse.activities} activities and ${inUse.plans} plans refer to teams this import added. Withdraw or change them first`
					});
				}
				for (const team of previous as StoredTeam[]) {
					await tx
						.update(teams)
						.set({
							name: team.name,
							members: team.members,
							membersTrained: team.membersTrained,
							datasetId: team.datasetId
						})
						.where(and(eq(teams.id, team.id), eq(teams.datasetId, datasetId)));
				}
				removed = await deleteOfDataset(tx, 'teams', datasetId);
			} else {
				const changes = previous as RegisterChange[];
				for (const batch of inBatches(changes, BATCH)) {
					await setRegister(
						tx,
						batch.map(({ id, before, after }) => ({ id, ...before, expected: after })),
						'expected'
					);
				}
			}
			await tx
				.update(imports)
				.set({ withdrawnAt: new Date(), withdrawnBy: actor.username })
				.where(eq(imports.datasetId, datasetId));
			const value = { removed, restored: previous.length };
			return {
				value,
				audit: {
					action: 'dataset.withdraw',
					entityType: TABLE_OF_KIND[record.kind],
					entityId: datasetId,
					communeCode: record.communeCode,
					changes: { dataset: datasetId, kind: record.kind, fileName: record.fileName, ...value }
				}
			};
		},
		{ context }
	);
}

async function deleteOfDataset(
	tx: Transaction,
	table: 'outreach_activities' | 'skill_surveys' | 'teams',
	datasetId: string
): Promise<number> {
	const [row] = await selectRows<{ n: number }>(
		tx,
		sql`WITH gone AS (DELETE FROM ${sql.identifier(table)} WHERE dataset_id = ${datasetId} RETURNING 1) SELECT count(*)::int AS n FROM gone`
	);
	return row?.n ?? 0;
}
