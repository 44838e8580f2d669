// The tables of better-auth (core, `username` and `admin` plugins), as its documented schema defines
// them, with timestamps with time zone, plural table names (the adapter's `usePlural`), and our own
// fields: the communes a user works for, and the temporary-password flag. Re-exported by schema.ts.
import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	date,
	index,
	integer,
	pgEnum,
	pgTable,
	primaryKey,
	serial,
	text,
	timestamp
} from 'drizzle-orm/pg-core';
import { TEAM_MEMBER_ROLES } from '../../domain';
import { communes, teams } from './schema';

const stamp = (name: string) => timestamp(name, { withTimezone: true });

export const users = pgTable(
	'users',
	{
		id: text('id').primaryKey(),
		name: text('name').notNull(),
		// better-auth requires an e-mail; staff without one get a reserved `.invalid` address (users.ts).
		email: text('email').notNull().unique(),
		emailVerified: boolean('email_verified').notNull().default(false),
		image: text('image'),
		createdAt: stamp('created_at').notNull().defaultNow(),
		updatedAt: stamp('updated_at').notNull().defaultNow(),
		username: text('username').unique(),
		displayUsername: text('display_username'),
		role: text('role').notNull().default('team'),
		banned: boolean('banned').default(false),
		banReason: text('ban_reason'),
		banExpires: stamp('ban_expires'),
		mustChangePassword: boolean('must_change_password').notNull().default(false),
		lastSignInAt: stamp('last_sign_in_at')
	},
	(table) => [check('users_role_known', sql`${table.role} IN ('admin', 'city', 'commune', 'team')`)]
);

/** Which communes a user works for (commune and team roles): rows, so a commune code is a real commune. */
export const userCommunes = pgTable(
	'user_communes',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		communeCode: text('commune_code')
			.notNull()
			.references(() => communes.code)
	},
	(table) => [primaryKey({ columns: [table.userId, table.communeCode] })]
);

export const sessions = pgTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		expiresAt: stamp('expires_at').notNull(),
		token: text('token').notNull().unique(),
		createdAt: stamp('created_at').notNull().defaultNow(),
		updatedAt: stamp('updated_at').notNull().defaultNow(),
		ipAddress: text('ip_address'),
		userAgent: text('user_agent'),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		impersonatedBy: text('impersonated_by')
	},
	(table) => [index('sessions_user_idx').on(table.userId)]
);

export const accounts = pgTable(
	'accounts',
	{
		id: text('id').primaryKey(),
		accountId: text('account_id').notNull(),
		providerId: text('provider_id').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		accessToken: text('access_token'),
		refreshToken: text('refresh_token'),
		idToken: text('id_token'),
		accessTokenExpiresAt: stamp('access_token_expires_at'),
		refreshTokenExpiresAt: stamp('refresh_token_expires_at'),
		scope: text('scope'),
		password: text('password'),
		createdAt: stamp('created_at').notNull().defaultNow(),
		updatedAt: stamp('updated_at').notNull().defaultNow()
	},
	(table) => [index('accounts_user_idx').on(table.userId)]
);

export const verifications = pgTable(
	'verifications',
	{
		id: text('id').primaryKey(),
		identifier: text('identifier').notNull(),
		value: text('value').notNull(),
		expiresAt: stamp('expires_at').notNull(),
		createdAt: stamp('created_at').notNull().defaultNow(),
		updatedAt: stamp('updated_at').notNull().defaultNow()
	},
	(table) => [index('verifications_identifier_idx').on(table.identifier)]
);

/**
 * Failed sign-ins, one row per failure and key ('user:<name>' or 'ip:<address>'): in the database, so
 * every app instance counts the same failures (throttle.ts).
 */
export const loginFailures = pgTable(
	'login_failures',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		key: text('key').notNull(),
		failedAt: stamp('failed_at').notNull().defaultNow()
	},
	(table) => [index('login_failures_key_idx').on(table.key, table.failedAt)]
);

export const teamMemberRole = pgEnum('team_member_role', TEAM_MEMBER_ROLES);

/**
 * A team's roster (the plan's 100%-trained target): the training rate comes from these records. Here,
 * beside the accounts, because a member may be linked to the account they sign in with (their team).
 */
export const teamMembers = pgTable(
	'team_members',
	{
		id: serial('id').primaryKey(),
		teamId: integer('team_id')
			.notNull()
			.references(() => teams.id, { onDelete: 'cascade' }),
		/** A name or initials: the roster needs no more. */
		name: text('name').notNull(),
		role: teamMemberRole('role').notNull(),
		trained: boolean('trained').notNull().default(false),
		trainedOn: date('trained_on'),
		course: text('course').notNull().default(''),
		/** Đại sứ số: a member who also acts as a digital ambassador. */
		digitalAmbassador: boolean('digital_ambassador').notNull().default(false),
		/** The member's account, so the field app knows their team; one team per account. */
		userId: text('user_id')
			.unique()
			.references(() => users.id, { onDelete: 'set null' })
	},
	(table) => [
		index('team_members_team_idx').on(table.teamId),
		check('team_members_name_not_blank', sql`btrim(${table.name}) <> ''`),
		check('team_members_trained_has_date', sql`NOT ${table.trained} OR ${table.trainedOn} IS NOT NULL`)
	]
);
