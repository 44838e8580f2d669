import { sql } from 'drizzle-orm';
import {
	bigint,
	bigserial,
	boolean,
	customType,
	check,
	date,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	serial,
	text,
	timestamp,
	unique,
	uuid
} from 'drizzle-orm/pg-core';
import { multiPolygon, point } from './geometry';
import {
	ACTIVITY_KINDS,
	BOUNDARY_SOURCES,
	DATASET_KINDS,
	HAMLET_KINDS,
	IMPORT_KINDS,
	OUTREACH_TOPICS,
	UNIT_TYPES
} from '../../domain';
import type { GapComponent } from '../../analysis/types';
import { IMPORT_JOB_STATUSES } from '../../import-report';

export const datasetKind = pgEnum('dataset_kind', DATASET_KINDS);
export const unitType = pgEnum('unit_type', UNIT_TYPES);
export const hamletKind = pgEnum('hamlet_kind', HAMLET_KINDS);
export const boundarySource = pgEnum('boundary_source', BOUNDARY_SOURCES);
export const activityKind = pgEnum('activity_kind', ACTIVITY_KINDS);
export const outreachTopic = pgEnum('outreach_topic', OUTREACH_TOPICS);
export const minorityAreaLevel = pgEnum('minority_area_level', ['commune', 'hamlet']);

/** Where rows came from: every other table points here, so demo rows can never pass for real ones. */
export const datasets = pgTable('datasets', {
	id: text('id').primaryKey(),
	kind: datasetKind('kind').notNull(),
	title: text('title').notNull(),
	source: text('source').notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	/**
	 * When its rows became visible; NULL while an activities import is still writing them in short
	 * batches (current-activities.ts hides them until the import's audited publish sets it).
	 */
	publishedAt: timestamp('published_at', { withTimezone: true }).defaultNow()
});

/** Hanoi's 126 commune-level units since 1 July 2025 (51 phường, 75 xã). */
export const communes = pgTable(
	'communes',
	{
		/** Official 5-digit code (Quyết định 19/2025/QĐ-TTg), e.g. '00004'. */
		code: text('code').primaryKey(),
		name: text('name').notNull(),
		fullName: text('full_name').notNull(),
		unitType: unitType('unit_type').notNull(),
		population: integer('population').notNull(),
		areaKm2: doublePrecision('area_km2').notNull(),
		seat: point('seat').notNull(),
		geom: multiPolygon('geom').notNull(),
		datasetId: text('dataset_id')
			.notNull()
			.references(() => datasets.id)
	},
	(table) => [
		index('communes_geom_idx').using('gist', table.geom),
		check('communes_code_format', sql`${table.code} ~ '^[0-9]{5}$'`),
		check('communes_population_positive', sql`${table.population} >= 0`)
	]
);

/**
 * Hanoi's own boundary (the city is a province-level unit, code '01'), drawn around the map. A table,
 * not a file read at run time, so that an upload can replace it and the data revision sees the change.
 */
export const cityOutlines = pgTable(
	'city_outlines',
	{
		/** Official 2-digit province code, '01' for Hà Nội. */
		code: text('code').primaryKey(),
		name: text('name').notNull(),
		fullName: text('full_name').notNull(),
		geom: multiPolygon('geom').notNull(),
		datasetId: text('dataset_id')
			.notNull()
			.references(() => datasets.id)
	},
	(table) => [check('city_outlines_code_format', sql`${table.code} ~ '^[0-9]{2}$'`)]
);

/**
 * The ethnic-minority and mountainous areas designated by the city (Quyết định 201/QĐ-UBND for
 * 2026–2030): a whole xã, or a thôn of a commune named as the decision names it (hamlets are matched
 * by name, since the decision has no hamlet ids).
 */
export const minorityAreas = pgTable(
	'minority_areas',
	{
		id: serial('id').primaryKey(),
		level: minorityAreaLevel('level').notNull(),
		communeCode: text('commune_code')
			.notNull()
			.references(() => communes.code),
		/** The thôn's name for level 'hamlet'; null for a whole commune. */
		hamletName: text('hamlet_name'),
		datasetId: text('dataset_id')
			.notNull()
			.references(() => datasets.id)
	},
	(table) => [
		unique('minority_areas_once').on(table.level, table.communeCode, table.hamletName).nullsNotDistinct(),
		check(
			'minority_areas_hamlet_name_by_level',
			sql`(${table.level} = 'hamlet') = (${table.hamletName} IS NOT NULL)`
		)
	]
);

/** Residential communities below a commune: thôn, xóm, tổ dân phố, khu phố, bản. */
export const hamlets = pgTable(
	'hamlets',
	{
		id: integer('id').primaryKey(),
		communeCode: text('commune_code')
			.notNull()
			.references(() => communes.code),
		name: text('name').notNull(),
		kind: hamletKind('kind').notNull(),
		households: integer('households').notNull(),
		adults: integer('adults').notNull(),
		/** Residents aged 60 and over. */
		elderly: integer('elderly').notNull(),
		/** Share of residents from ethnic minorities, 0–1. */
		minorityShare: doublePrecision('minority_share').notNull(),
		isRural: boolean('is_rural').notNull(),
		boundarySource: boundarySource('boundary_source').notNull(),
		geom: multiPolygon('geom').notNull(),
		/**
		 * When an official boundary upload retired the hamlet (it no longer exists as drawn): it leaves the
		 * map, the search and the boundary checks, and keeps its figures and history. Null: current.
		 */
		retiredAt: timestamp('retired_at', { withTimezone: true }),
		datasetId: text('dataset_id')
			.notNull()
			.references(() => datasets.id)
	},
	(table) => [
		index('hamlets_geom_idx').using('gist', table.geom),
		index('hamlets_commune_idx').on(table.communeCode),
		check(
			'hamlets_counts_non_negative',
			sql`${table.households} >= 0 AND ${table.adults} >= 0 AND ${table.elderly} >= 0`
		),
		check('hamlets_minority_share_range', sql`${table.minorityShare} BETWEEN 0 AND 1`)
	]
);

/** Tổ Chuyển đổi số cộng đồng: one commune has several teams. */
export const teams = pgTable(
	'teams',
	{
		id: serial('id').primaryKey(),
		communeCode: text('commune_code')
			.notNull()
			.references(() => communes.code),
		name: text('name').notNull(),
		members: integer('members').notNull(),
		membersTrained: integer('members_trained').notNull(),
		datasetId: text('dataset_id')
			.notNull()
			.references(() => datasets.id)
	},
	(table) => [
		index('teams_commune_idx').on(table.communeCode),
		check('teams_trained_within_members', sql`${table.membersTrained} BETWEEN 0 AND ${table.members}`)
	]
);

/** One visit, class, event or online session of a team in a hamlet. */
export const outreachActivities = pgTable(
	'outreach_activities',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		hamletId: integer('hamlet_id')
			.notNull()
			.references(() => hamlets.id),
		teamId: integer('team_id')
			.notNull()
			.references(() => teams.id),
		kind: activityKind('kind').notNull(),
		occurredOn: date('occurred_on').notNull(),
		location: point('location').notNull(),
		/** Households reached for the first time: the only count that adds to coverage. */
		householdsNew: integer('households_new').notNull(),
		householdsRevisited: integer('households_revisited').notNull(),
		peopleGuided: integer('people_guided').notNull(),
		/**
		 * The plan's priority groups, counted among `peopleGuided` (counts only, never names); null when the
		 * record does not say (an import without the column, a gathering counted only in total): "chưa ghi".
		 */
		peopleAged60Plus: integer('people_aged_60_plus'),
		peopleFromMinorities: integer('people_from_minorities'),
		topics: outreachTopic('topics').array().notNull(),
		note: text('note').notNull().default(''),
		/** The account that recorded it in the field app (users.id); null for loaded datasets. */
		recordedBy: text('recorded_by'),
		/** When it was recorded or last corrected: a team member may correct their own entry for 7 days. */
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
		/** Set by the client that records the activity, so a retried submission is stored once. */
		idempotencyKey: text('idempotency_key').notNull().unique(),
		datasetId: text('dataset_id')
			.notNull()
			.references(() => datasets.id)
	},
	(table) => [
		index('outreach_activities_location_idx').using('gist', table.location),
		// The counts the month figures sum are in the key, so the per-hamlet sums are index-only scans:
		// at 10 million activities a heap fetch per activity made the map's page data grow with the
		// activities, far faster than with the hamlets (README, scaling). INCLUDE would do, but drizzle
		// cannot declare it.
		index('outreach_activities_hamlet_date_figures_idx').on(
			table.hamletId,
			table.occurredOn,
			table.householdsNew,
			table.householdsRevisited,
			table.peopleGuided,
			table.peopleAged60Plus,
			table.peopleFromMinorities,
			// Every read filters on the dataset being published (current-activities.ts): in the key too.
			table.datasetId
		),
		index('outreach_activities_team_date_idx').on(table.teamId, table.occurredOn),
		// The gap analysis reads the classes of the last 90 days: without this, a scan of every activity
		// (3.4 s at 10 million); rows arrive about in date order, so the range is a few pages.
		index('outreach_activities_class_date_idx')
			.on(table.occurredOn)
			.where(sql`${table.kind} = 'class'`),
		check(
			'outreach_activities_counts_non_negative',
			sql`${table.householdsNew} >= 0 AND ${table.householdsRevisited} >= 0 AND ${table.peopleGuided} >= 0`
		),
		check(
			'outreach_activities_aged_60_plus_within_guided',
			sql`${table.peopleAged60Plus} BETWEEN 0 AND ${table.peopleGuided}`
		),
		check(
			'outreach_activities_minorities_within_guided',
			sql`${table.peopleFromMinorities} BETWEEN 0 AND ${table.peopleGuided}`
		)
	]
);

/** Monthly skill survey of a hamlet's adults; `month` is the first day of the month. */
export const skillSurveys = pgTable(
	'skill_surveys',
	{
		hamletId: integer('hamlet_id')
			.notNull()
			.references(() => hamlets.id),
		month: date('month').notNull(),
		adultsAssessed: integer('adults_assessed').notNull(),
		withBasicSkills: integer('with_basic_skills').notNull(),
		withSmartphone: integer('with_smartphone').notNull(),
		withEpayment: integer('with_epayment').notNull(),
		withVneidLevel2: integer('with_vneid_level2').notNull(),
		datasetId: text('dataset_id')
			.notNull()
			.references(() => datasets.id)
	},
	(table) => [
		primaryKey({ columns: [table.hamletId, table.month] }),
		check('skill_surveys_month_is_first_day', sql`extract(day from ${table.month}) = 1`),
		check(
			'skill_surveys_counts_within_assessed',
			sql`${table.adultsAssessed} >= 0
				AND ${table.withBasicSkills} BETWEEN 0 AND ${table.adultsAssessed}
				AND ${table.withSmartphone} BETWEEN 0 AND ${table.adultsAssessed}
				AND ${table.withEpayment} BETWEEN 0 AND ${table.adultsAssessed}
				AND ${table.withVneidLevel2} BETWEEN 0 AND ${table.adultsAssessed}`
		)
	]
);

/**
 * One row that every write to the data tables bumps (statement triggers, migration 0003): tiles, cluster
 * indexes and analysis caches key on `tag`, so a CDN or an in-memory cache never serves stale data.
 */
export const dataRevision = pgTable(
	'data_revision',
	{
		singleton: boolean('singleton').primaryKey().default(true),
		revision: bigint('revision', { mode: 'number' }).notNull().default(0),
		/** Random on every change, so a rebuilt database never reuses an old revision's ETag. */
		tag: uuid('tag').notNull().defaultRandom(),
		changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [check('data_revision_singleton', sql`${table.singleton}`)]
);

/**
 * The geometry revision: bumped (statement triggers, migration 0012) by writes to the tables tiles are
 * drawn from (communes, hamlets, the city outline). Tile URLs carry it, so a recorded activity or survey,
 * which bumps only `data_revision` (the figures revision), never changes a tile URL or drops a tile.
 */
export const geometryRevision = pgTable(
	'geometry_revision',
	{
		singleton: boolean('singleton').primaryKey().default(true),
		revision: bigint('revision', { mode: 'number' }).notNull().default(0),
		tag: uuid('tag').notNull().defaultRandom(),
		changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [check('geometry_revision_singleton', sql`${table.singleton}`)]
);

/** A commune planner's plan: which hamlets a team visits, when, and how many households it expects to reach. */
export const plans = pgTable(
	'plans',
	{
		id: serial('id').primaryKey(),
		communeCode: text('commune_code')
			.notNull()
			.references(() => communes.code),
		name: text('name').notNull(),
		startsOn: date('starts_on').notNull(),
		endsOn: date('ends_on').notNull(),
		teamId: integer('team_id').references(() => teams.id),
		expectedHouseholds: integer('expected_households').notNull(),
		note: text('note').notNull().default(''),
		/** The gap weights the planner ranked with (null: the defaults, as for plans saved before weights were kept). */
		weights: jsonb('weights').$type<Record<GapComponent, number>>(),
		/** Set by a delete, which can be undone for PLAN_UNDO_MINUTES; a deleted plan is never listed or printed. */
		deletedAt: timestamp('deleted_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('plans_commune_idx').on(table.communeCode),
		check('plans_dates_ordered', sql`${table.endsOn} >= ${table.startsOn}`),
		check('plans_expected_households_non_negative', sql`${table.expectedHouseholds} >= 0`),
		check('plans_name_not_blank', sql`btrim(${table.name}) <> ''`)
	]
);

/** The hamlets of a plan, in the planner's order. */
export const planHamlets = pgTable(
	'plan_hamlets',
	{
		planId: integer('plan_id')
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		hamletId: integer('hamlet_id')
			.notNull()
			.references(() => hamlets.id),
		position: integer('position').notNull()
	},
	(table) => [primaryKey({ columns: [table.planId, table.hamletId] })]
);

export const actorKind = pgEnum('actor_kind', ['user', 'system']);

/**
 * The audit trail: one row per write (withWrite records it in the write's own transaction). Append-only:
 * a trigger refuses UPDATE, DELETE and TRUNCATE (migration 0007). The user's id, name and role are
 * copied as they were at the time, so the row stays true when the account changes or goes.
 */
export const auditEvents = pgTable(
	'audit_events',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
		actorKind: actorKind('actor_kind').notNull(),
		/** Plain text, no foreign key: the row outlives the account. Null for the system. */
		userId: text('user_id'),
		username: text('username'),
		role: text('role'),
		/** Why the system wrote (seeding, a script); null for a user. */
		systemReason: text('system_reason'),
		/** What was done, e.g. `plan.update` (AUDIT_ACTIONS in src/lib/audit.ts). */
		action: text('action').notNull(),
		entityType: text('entity_type').notNull(),
		entityId: text('entity_id'),
		communeCode: text('commune_code'),
		/** Before/after for an update, the key fields of a created row, the deleted row; never secrets. */
		changes: jsonb('changes'),
		requestId: text('request_id'),
		clientAddress: text('client_address')
	},
	(table) => [
		index('audit_events_occurred_idx').on(table.occurredAt, table.id),
		index('audit_events_commune_idx').on(table.communeCode),
		index('audit_events_user_idx').on(table.username),
		check(
			'audit_events_actor',
			sql`(${table.actorKind} = 'user' AND ${table.userId} IS NOT NULL AND ${table.username} IS NOT NULL AND ${table.role} IS NOT NULL AND ${table.systemReason} IS NULL) OR (${table.actorKind} = 'system' AND ${table.userId} IS NULL AND ${table.username} IS NULL AND ${table.role} IS NULL AND ${table.systemReason} IS NOT NULL)`
		)
	]
);

export const importKind = pgEnum('import_kind', IMPORT_KINDS);
export const importJobStatus = pgEnum('import_job_status', IMPORT_JOB_STATUSES);

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType() {
		return 'bytea';
	}
});

/**
 * A spreadsheet on its way in (/import): the file itself, so that any instance can commit it, and its
 * progress (rows parsed, validated, written) that the page polls. Operational state like sessions: its
 * updates are not audited; the commit that comes of it is.
 */
export const importJobs = pgTable(
	'import_jobs',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id').notNull(),
		kind: importKind('kind').notNull(),
		/** The commune the upload is for; null: an admin's upload for any commune. */
		communeCode: text('commune_code').references(() => communes.code),
		fileName: text('file_name').notNull(),
		sha256: text('sha256').notNull(),
		size: integer('size').notNull(),
		status: importJobStatus('status').notNull().default('parsing'),
		rowsParsed: integer('rows_parsed').notNull().default(0),
		rowsValidated: integer('rows_validated').notNull().default(0),
		rowsWritten: integer('rows_written').notNull().default(0),
		/** The dry run's report (counts, errors, warnings), or why the file was refused. */
		report: jsonb('report'),
		datasetId: text('dataset_id').references(() => datasets.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('import_jobs_user_idx').on(table.userId, table.createdAt)]
);

/**
 * An upload's file, in parts of 512 KB written and read one statement each: on the embedded database an
 * 11 MB file took 2.2 s to store and 0.7 s to read back in one statement, every other query waiting.
 */
export const importJobParts = pgTable(
	'import_job_parts',
	{
		jobId: uuid('job_id')
			.notNull()
			.references(() => importJobs.id, { onDelete: 'cascade' }),
		seq: integer('seq').notNull(),
		bytes: bytea('bytes').notNull()
	},
	(table) => [primaryKey({ columns: [table.jobId, table.seq] })]
);

/**
 * A committed import: the dataset (kind 'uploaded') its rows carry, the file it came from (name,
 * SHA-256), who and when, its counts, and what it replaced, so that withdrawing it can put that back.
 */
export const imports = pgTable(
	'imports',
	{
		datasetId: text('dataset_id')
			.primaryKey()
			.references(() => datasets.id),
		kind: importKind('kind').notNull(),
		communeCode: text('commune_code').references(() => communes.code),
		fileName: text('file_name').notNull(),
		sha256: text('sha256').notNull(),
		userId: text('user_id').notNull(),
		username: text('username').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		added: integer('added').notNull(),
		updated: integer('updated').notNull(),
		unchanged: integer('unchanged').notNull(),
		/** The rows (or hamlet figures) as they were before this import updated them. */
		previous: jsonb('previous').notNull(),
		withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
		withdrawnBy: text('withdrawn_by')
	},
	(table) => [
		index('imports_sha256_idx').on(table.sha256),
		index('imports_commune_idx').on(table.communeCode, table.createdAt)
	]
);

export * from './auth-schema';

/**
 * A committed official boundary upload of one commune, with what it replaced: each hamlet's former
 * geometry and boundary source, the hamlets it created and those it retired, so that the boundaries page
 * can undo it (the commune's latest upload not undone yet) and put every hamlet back as it was.
 */
export const boundaryUploads = pgTable(
	'boundary_uploads',
	{
		id: serial('id').primaryKey(),
		communeCode: text('commune_code')
			.notNull()
			.references(() => communes.code),
		fileName: text('file_name').notNull(),
		sha256: text('sha256').notNull(),
		userId: text('user_id'),
		username: text('username'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		/** `[{ id, boundarySource, ewkb }]`: the replaced hamlets as they were (EWKB in hex: exact). */
		previous: jsonb('previous').notNull(),
		created: integer('created').array().notNull(),
		retired: integer('retired').array().notNull(),
		undoneAt: timestamp('undone_at', { withTimezone: true }),
		undoneBy: text('undone_by')
	},
	(table) => [index('boundary_uploads_commune_idx').on(table.communeCode, table.createdAt)]
);
