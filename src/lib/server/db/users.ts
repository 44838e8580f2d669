// People and their access: the users table as the product reads and changes it. Sign-in, sessions and
// password checks are better-auth's (auth/auth.ts); every change made by a person or a script goes
// through withWrite with its actor, so the audit trail records it.
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Role } from '../../roles';
import { accounts, communes, sessions, userCommunes, users } from './schema';
import type { Database } from './index';
import type { AuditEntry } from './audit';
import { withWrite, type Actor, type Transaction, type WriteContext } from './write';

/** better-auth's provider id for username/password accounts. */
const CREDENTIAL_PROVIDER = 'credential';

/** What the admin page lists about a person. */
export interface UserRow {
	id: string;
	username: string;
	role: Role;
	communeCodes: string[];
	disabled: boolean;
	mustChangePassword: boolean;
	lastSignInAt: Date | null;
	createdAt: Date;
}

/** What a user is allowed to do, read at each request next to better-auth's session. */
export interface UserAccess {
	role: Role;
	communeCodes: string[];
	mustChangePassword: boolean;
}

export interface NewUser {
	username: string;
	role: Role;
	communeCodes: readonly string[];
	/** A hash from auth/passwords.ts, never the password. */
	passwordHash: string;
	mustChangePassword: boolean;
}

/** A user's audit event: what changed about whom, never a password or its hash. */
function userEvent(
	action: AuditEntry['action'],
	userId: string,
	changes: Record<string, unknown> | null
): AuditEntry {
	return { action, entityType: 'user', entityId: userId, changes };
}

/** The reserved address given to staff without e-mail: better-auth requires one, `.invalid` never delivers. */
const placeholderEmail = (username: string) => `${username}@users.invalid`;

async function communeCodesOf(db: Database | Transaction, userIds: string[]): Promise<Map<string, string[]>> {
	const byUser = new Map<string, string[]>(userIds.map((id) => [id, []]));
	if (userIds.length === 0) return byUser;
	const rows = await db
		.select({ userId: userCommunes.userId, code: userCommunes.communeCode })
		.from(userCommunes)
		.where(inArray(userCommunes.userId, userIds))
		.orderBy(asc(userCommunes.communeCode));
	for (const row of rows) byUser.get(row.userId)?.push(row.code);
	return byUser;
}

/** The commune codes among `codes` that name no commune. */
export async function unknownCommuneCodes(db: Database, codes: readonly string[]): Promise<string[]> {
	if (codes.length === 0) return [];
	const found = await db
		.select({ code: communes.code })
		.from(communes)
		.where(inArray(communes.code, [...codes]));
	const known = new Set(found.map((row) => row.code));
	return codes.filter((code) => !known.has(code));
}

async function replaceCommunes(tx: Transaction, userId: string, codes: readonly string[]): Promise<void> {
	await tx.delete(userCommunes).where(eq(userCommunes.userId, userId));
	if (codes.length > 0) {
		await tx.insert(userCommunes).values([...new Set(codes)].map((communeCode) => ({ userId, communeCode })));
	}
}

export async function listUsers(db: Database): Promise<UserRow[]> {
	const rows = await db
		.select({
			id: users.id,
			username: users.username,
			role: users.role,
			banned: users.banned,
			mustChangePassword: users.mustChangePassword,
			lastSignInAt: users.lastSignInAt,
			createdAt: users.createdAt
		})
		.from(users)
		.orderBy(asc(users.username));
	const codes = await communeCodesOf(
		db,
		rows.map((row) => row.id)
	);
	return rows.map((row) => ({
		id: row.id,
		username: row.username ?? '',
		role: row.role as Role,
		communeCodes: codes.get(row.id) ?? [],
		disabled: row.banned === true,
		mustChangePassword: row.mustChangePassword,
		lastSignInAt: row.lastSignInAt,
		createdAt: row.createdAt
	}));
}

/** The access of an enabled user, or null (unknown or disabled). */
export async function userAccess(db: Database, userId: string): Promise<UserAccess | null> {
	const [row] = await db
		.select({ role: users.role, banned: users.banned, mustChangePassword: users.mustChangePassword })
		.from(users)
		.where(eq(users.id, userId));
	if (!row || row.banned) return null;
	const codes = await communeCodesOf(db, [userId]);
	return {
		role: row.role as Role,
		communeCodes: codes.get(userId) ?? [],
		mustChangePassword: row.mustChangePassword
	};
}

export async function usernameTaken(db: Database, username: string): Promise<boolean> {
	const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
	return row !== undefined;
}

export async function adminCount(db: Database): Promise<number> {
	const [row] = await db.select({ count: count() }).from(users).where(eq(users.role, 'admin'));
	return row?.count ?? 0;
}

/** Creates a user with a username/password account, as better-auth's own sign-up would store it. */
export function createUser(
	db: Database,
	actor: Actor,
	user: NewUser,
	context?: WriteContext
): Promise<{ id: string }> {
	return withWrite(
		db,
		actor,
		async (tx) => {
			const id = randomUUID();
			await tx.insert(users).values({
				id,
				name: user.username,
				email: placeholderEmail(user.username),
				username: user.username,
				displayUsername: user.username,
				role: user.role,
				mustChangePassword: user.mustChangePassword
			});
			await tx.insert(accounts).values({
				id: randomUUID(),
				accountId: id,
				providerId: CREDENTIAL_PROVIDER,
				userId: id,
				password: user.passwordHash
			});
			await replaceCommunes(tx, id, user.communeCodes);
			const { username, role, communeCodes, mustChangePassword } = user;
			return {
				value: { id },
				audit: userEvent('user.create', id, { username, role, communeCodes, mustChangePassword })
			};
		},
		{ context }
	);
}

/** Changes a user's role and communes; false when no such user. */
export function updateUserAccess(
	db: Database,
	actor: Actor,
	userId: string,
	access: { role: Role; communeCodes: readonly string[] },
	context?: WriteContext
): Promise<boolean> {
	return withWrite(
		db,
		actor,
		async (tx) => {
			const [before] = await tx.select({ role: users.role }).from(users).where(eq(users.id, userId));
			if (!before) return { value: false, audit: null };
			const beforeCodes = (await communeCodesOf(tx, [userId])).get(userId) ?? [];
			await tx
				.update(users)
				.set({ role: access.role, updatedAt: sql`now()` })
				.where(eq(users.id, userId));
			await replaceCommunes(tx, userId, access.communeCodes);
			return {
				value: true,
				audit: userEvent('user.access', userId, {
					before: { role: before.role, communeCodes: beforeCodes },
					after: { role: access.role, communeCodes: [...new Set(access.communeCodes)].sort() }
				})
			};
		},
		{ context }
	);
}

/** Disables (ending every session at once) or enables a user; false when no such user. */
export function setUserDisabled(
	db: Database,
	actor: Actor,
	userId: string,
	disabled: boolean,
	context?: WriteContext
): Promise<boolean> {
	return withWrite(
		db,
		actor,
		async (tx) => {
			const updated = await tx
				.update(users)
				.set({ banned: disabled, updatedAt: sql`now()` })
				.where(eq(users.id, userId))
				.returning({ id: users.id });
			if (updated.length === 0) return { value: false, audit: null };
			if (disabled) await tx.delete(sessions).where(eq(sessions.userId, userId));
			return { value: true, audit: userEvent(disabled ? 'user.disable' : 'user.enable', userId, null) };
		},
		{ context }
	);
}

/**
 * Sets a new password hash. An admin's reset makes it temporary (`mustChange`) and ends the user's
 * sessions; the user's own change clears the flag and keeps only `keepSessionId`.
 */
export function setPassword(
	db: Database,
	actor: Actor,
	userId: string,
	change: { passwordHash: string; mustChange: boolean; keepSessionId?: string },
	context?: WriteContext
): Promise<boolean> {
	return withWrite(
		db,
		actor,
		async (tx) => {
			const updated = await tx
				.update(accounts)
				.set({ password: change.passwordHash, updatedAt: sql`now()` })
				.where(and(eq(accounts.userId, userId), eq(accounts.providerId, CREDENTIAL_PROVIDER)))
				.returning({ id: accounts.id });
			if (updated.length === 0) return { value: false, audit: null };
			await tx
				.update(users)
				.set({ mustChangePassword: change.mustChange, updatedAt: sql`now()` })
				.where(eq(users.id, userId));
			const others = change.keepSessionId
				? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${change.keepSessionId}`)
				: eq(sessions.userId, userId);
			await tx.delete(sessions).where(others);
			// Whether an admin set a temporary password or the user chose their own; never the password.
			return { value: true, audit: userEvent('user.password', userId, { temporary: change.mustChange }) };
		},
		{ context }
	);
}

/** The stored password hash of a user's account, to check the current password before a change. */
export async function passwordHashOf(db: Database, userId: string): Promise<string | null> {
	const [row] = await db
		.select({ password: accounts.password })
		.from(accounts)
		.where(and(eq(accounts.userId, userId), eq(accounts.providerId, CREDENTIAL_PROVIDER)));
	return row?.password ?? null;
}

/** Notes a successful sign-in (the admin page's "last sign-in"); bookkeeping, not a product write. */
export async function noteSignIn(db: Database, userId: string): Promise<void> {
	await db
		.update(users)
		.set({ lastSignInAt: sql`now()` })
		.where(eq(users.id, userId));
}

/** Ends one session (past its absolute lifetime); better-auth's own expiry handles the idle one. */
export async function endSession(db: Database, sessionId: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}
