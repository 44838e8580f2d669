import { asc, eq, sql } from 'drizzle-orm';
import { firstDuplicate, inBatches, rowsOf } from './batches';
import { ensureDataset, type DatasetRecord } from './datasets';
import { selectRows, type Database } from './index';
import { teamRowSchema, validateItems } from './input-schemas';
import { parseJsonInput, refusedLoad } from './load-error';
import { communes, teams } from './schema';
import type { Label } from '../../domain';
import { InputError } from '../../input-error';
import {
	validateTeamMember,
	type RosterTeam,
	type TeamMember,
	type TeamMemberInput
} from '../../team-roster';
import { datasetLoadEvent, type AuditEntry } from './audit';
import { FIELD_DATASET } from './field-activities';
import { withWrite, type Actor, type Transaction, type WriteContext } from './write';

const TEAMS_FILE = { vi: 'tổ CĐS', en: 'teams' };

/**
 * Loads teams (JSON text or parsed rows) with explicit ids, all or nothing: unknown communes,
 * duplicate ids and more trained members than members are refused. Returns the number loaded.
 */
export async function loadTeams(
	db: Database,
	actor: Actor,
	input: string | unknown[],
	dataset: DatasetRecord
): Promise<number> {
	const rows = validateItems(
		teamRowSchema,
		rowsOf(input, (text) => parseJsonInput(text, TEAMS_FILE)),
		'rows'
	);
	const duplicate = firstDuplicate(rows.map((row) => row.id));
	if (duplicate) {
		throw refusedLoad(
			'duplicate-key',
			{ vi: `Mã tổ ${duplicate.value} bị trùng`, en: `Team id ${duplicate.value} appears twice` },
			`rows[${duplicate.index}].id`
		);
	}
	return withWrite(db, actor, async (tx) => {
		const knownCodes = new Set(
			(await tx.select({ code: communes.code }).from(communes)).map((row) => row.code)
		);
		const unknownIndex = rows.findIndex((row) => !knownCodes.has(row.communeCode));
		if (unknownIndex >= 0) {
			const code = rows[unknownIndex]?.communeCode;
			throw refusedLoad(
				'unknown-commune',
				{ vi: `Không có xã/phường mã ${code}`, en: `No commune has code ${code}` },
				`rows[${unknownIndex}].communeCode`
			);
		}
		await ensureDataset(tx, dataset);
		for (const batch of inBatches(rows)) {
			await tx.insert(teams).values(batch.map((row) => ({ ...row, datasetId: dataset.id })));
		}
		// Explicit ids bypass the serial sequence; move it past them so later teams get fresh ids.
		await tx.execute(
			sql`SELECT setval(pg_get_serial_sequence('teams', 'id'), GREATEST((SELECT max(id) FROM teams), 1))`
		);
		return { value: rows.length, audit: datasetLoadEvent('teams', dataset, rows.length) };
	});
}

/** A roster member as a dataset gives it (the demo's rosters): the roster's fields and the team's id. */
export type TeamMemberRow = Omit<TeamMemberInput, 'userId'> & { teamId: number };

/**
 * Loads the rosters of teams already loaded, each member checked by the roster's own definition, all or
 * nothing; the teams' member and trained counts are then set from them, as a roster write sets them.
 */
export async function loadTeamMembers(
	db: Database,
	actor: Actor,
	rows: readonly TeamMemberRow[],
	dataset: DatasetRecord
): Promise<number> {
	const members = rows.map((row, index) => {
		const checked = validateTeamMember({ ...row, userId: null });
		if (!checked.ok) {
			const [issue] = checked.issues;
			throw refusedLoad(issue!.code, { vi: issue!.vi, en: issue!.en }, `rows[${index}].${issue!.path}`);
		}
		return { ...checked.value, teamId: row.teamId };
	});
	return withWrite(db, actor, async (tx) => {
		const known = new Set((await tx.select({ id: teams.id }).from(teams)).map((row) => row.id));
		const unknown = members.findIndex((member) => !known.has(member.teamId));
		if (unknown >= 0) {
			const id = members[unknown]!.teamId;
			throw refusedLoad(
				'unknown-team',
				{ vi: `Không có tổ CĐS mã ${id}`, en: `No team has id ${id}` },
				`rows[${unknown}].teamId`
			);
		}
		for (const batch of inBatches(members, 10_000)) {
			await tx.execute(sql`
				INSERT INTO team_members (team_id, name, role, trained, trained_on, course, digital_ambassador)
				SELECT r."teamId", r.name, r.role, r.trained, r."trainedOn", r.course, r."digitalAmbassador"
				FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) AS r("teamId" integer, name text,
					role team_member_role, trained boolean, "trainedOn" date, course text, "digitalAmbassador" boolean)`);
		}
		await tx.execute(sql`
			UPDATE teams SET members = r.members, members_trained = r.trained
			FROM (SELECT team_id, count(*)::int AS members, count(*) FILTER (WHERE trained)::int AS trained
				FROM team_members GROUP BY team_id) r
			WHERE teams.id = r.team_id`);
		return { value: members.length, audit: datasetLoadEvent('team_members', dataset, members.length) };
	});
}

/** The commune's teams, for the plan form's team selector. */
export async function communeTeams(
	db: Database,
	communeCode: string
): Promise<{ id: number; name: string }[]> {
	return db
		.select({ id: teams.id, name: teams.name })
		.from(teams)
		.where(eq(teams.communeCode, communeCode))
		.orderBy(asc(teams.id));
}

/** A commune's teams as the plan's 100%-trained target counts them. */
export interface TeamTraining {
	teams: number;
	members: number;
	trained: number;
	/** Members who are also Đại sứ số (digital ambassadors), from the rosters. */
	ambassadors: number;
}

/**
 * The commune's members and trained members: each team's counts, which its roster sets on every change
 * (a team without a roster keeps the counts it was loaded with).
 */
export async function teamTraining(db: Database, communeCode: string): Promise<TeamTraining> {
	const [row] = await selectRows<TeamTraining>(
		db,
		sql`
			SELECT count(*)::int AS teams, coalesce(sum(members), 0)::int AS members,
				coalesce(sum(members_trained), 0)::int AS trained,
				(SELECT count(*) FROM team_members m JOIN teams t ON t.id = m.team_id
					WHERE t.commune_code = ${communeCode} AND m.digital_ambassador)::int AS ambassadors
			FROM teams WHERE commune_code = ${communeCode}`
	);
	return row ?? { teams: 0, members: 0, trained: 0, ambassadors: 0 };
}

/** The commune's teams with their rosters, by team id then role and name. */
export async function communeRoster(db: Database, communeCode: string): Promise<RosterTeam[]> {
	const teamRows = await selectRows<Omit<RosterTeam, 'roster'>>(
		db,
		sql`SELECT id, name, members, members_trained AS "membersTrained" FROM teams
			WHERE commune_code = ${communeCode} ORDER BY id`
	);
	const memberRows = await selectRows<TeamMember>(
		db,
		sql`
			SELECT m.id, m.team_id AS "teamId", m.name, m.role::text AS role, m.trained,
				to_char(m.trained_on, 'YYYY-MM-DD') AS "trainedOn", m.course,
				m.digital_ambassador AS "digitalAmbassador", m.user_id AS "userId", u.username
			FROM team_members m JOIN teams t ON t.id = m.team_id LEFT JOIN users u ON u.id = m.user_id
			WHERE t.commune_code = ${communeCode}
			ORDER BY m.team_id, array_position(ARRAY['leader', 'deputy', 'member']::team_member_role[], m.role), m.name, m.id`
	);
	return teamRows.map((team) => ({
		...team,
		roster: memberRows.filter((member) => member.teamId === team.id)
	}));
}

/** The commune's `team` accounts, which a roster may link to its members. */
export async function teamAccounts(
	db: Database,
	communeCode: string
): Promise<{ id: string; username: string; name: string }[]> {
	return selectRows(
		db,
		sql`SELECT u.id, u.username, u.name FROM users u JOIN user_communes c ON c.user_id = u.id
			WHERE c.commune_code = ${communeCode} AND u.role = 'team' ORDER BY u.username`
	);
}

function rosterEvent(
	action: 'team.create' | 'team-member.add' | 'team-member.update' | 'team-member.remove',
	communeCode: string,
	entityId: number,
	changes: Record<string, unknown>
): AuditEntry {
	return {
		action,
		entityType: action === 'team.create' ? 'team' : 'team_member',
		entityId,
		communeCode,
		changes
	};
}

/** A roster write refused because of what it names (a team or member of another commune, an account). */
function rosterRefusal(code: string, message: Label, path: string): InputError {
	return InputError.invalid(code, message, path);
}

/** Sets the team's counts from its roster: the trained rate the planner shows comes from the records. */
async function syncTeamCounts(tx: Transaction, teamId: number): Promise<void> {
	await tx.execute(sql`
		UPDATE teams SET members = r.members, members_trained = r.trained
		FROM (SELECT count(*)::int AS members, count(*) FILTER (WHERE trained)::int AS trained
			FROM team_members WHERE team_id = ${teamId}) r
		WHERE teams.id = ${teamId}`);
}

/** Checks a member's account link: a `team` account of the commune (or none). */
async function checkAccount(tx: Transaction, communeCode: string, userId: string | null): Promise<void> {
	if (userId === null) return;
	const [row] = await selectRows<{ id: string }>(
		tx,
		sql`SELECT u.id FROM users u JOIN user_communes c ON c.user_id = u.id
			WHERE u.id = ${userId} AND c.commune_code = ${communeCode} AND u.role = 'team'`
	);
	if (!row) {
		throw rosterRefusal(
			'unknown-account',
			{
				vi: 'Tài khoản này không phải của một thành viên tổ ở xã/phường này',
				en: 'No team account of this commune'
			},
			'userId'
		);
	}
}

async function teamOfCommune(tx: Transaction, communeCode: string, teamId: number): Promise<void> {
	const [row] = await selectRows<{ id: number }>(
		tx,
		sql`SELECT id FROM teams WHERE id = ${teamId} AND commune_code = ${communeCode}`
	);
	if (!row) {
		throw rosterRefusal(
			'unknown-team',
			{ vi: 'Không có tổ CĐS này ở xã/phường', en: 'No such team in this commune' },
			'teamId'
		);
	}
}

/** Creates a team of the commune (its roster starts empty, so its counts are 0). */
export async function createTeam(
	db: Database,
	actor: Actor,
	communeCode: string,
	name: string,
	context?: WriteContext
): Promise<number> {
	return withWrite(
		db,
		actor,
		async (tx) => {
			await ensureDataset(tx, FIELD_DATASET);
			const [row] = await tx
				.insert(teams)
				.values({ communeCode, name, members: 0, membersTrained: 0, datasetId: FIELD_DATASET.id })
				.returning({ id: teams.id });
			return { value: row!.id, audit: rosterEvent('team.create', communeCode, row!.id, { name }) };
		},
		{ context }
	);
}

/** Adds a member to a team of the commune. */
export async function addTeamMember(
	db: Database,
	actor: Actor,
	communeCode: string,
	teamId: number,
	member: TeamMemberInput,
	context?: WriteContext
): Promise<number> {
	return withWrite(
		db,
		actor,
		async (tx) => {
			await teamOfCommune(tx, communeCode, teamId);
			await checkAccount(tx, communeCode, member.userId);
			const [row] = await selectRows<{ id: number }>(
				tx,
				sql`INSERT INTO team_members (team_id, name, role, trained, trained_on, course, digital_ambassador, user_id)
					VALUES (${teamId}, ${member.name}, ${member.role}::team_member_role, ${member.trained},
						${member.trainedOn}::date, ${member.course}, ${member.digitalAmbassador}, ${member.userId})
					ON CONFLICT (user_id) DO NOTHING RETURNING id`
			);
			if (!row) {
				throw rosterRefusal(
					'account-taken',
					{
						vi: 'Tài khoản này đã gắn với một thành viên khác',
						en: 'This account is linked to another member'
					},
					'userId'
				);
			}
			await syncTeamCounts(tx, teamId);
			return {
				value: row.id,
				audit: rosterEvent('team-member.add', communeCode, row.id, { teamId, ...member })
			};
		},
		{ context }
	);
}

/** The member (of the commune's teams) before a change, or null. */
async function memberOfCommune(tx: Transaction, communeCode: string, memberId: number) {
	const [row] = await selectRows<{ teamId: number } & Record<string, unknown>>(
		tx,
		sql`SELECT m.team_id AS "teamId", m.name, m.role::text AS role, m.trained,
				to_char(m.trained_on, 'YYYY-MM-DD') AS "trainedOn", m.course, m.digital_ambassador AS "digitalAmbassador",
				m.user_id AS "userId"
			FROM team_members m JOIN teams t ON t.id = m.team_id
			WHERE m.id = ${memberId} AND t.commune_code = ${communeCode}`
	);
	return row ?? null;
}

/** Changes a member's fields; false when the commune has no such member. */
export async function updateTeamMember(
	db: Database,
	actor: Actor,
	communeCode: string,
	memberId: number,
	member: TeamMemberInput,
	context?: WriteContext
): Promise<boolean> {
	return withWrite(
		db,
		actor,
		async (tx) => {
			const before = await memberOfCommune(tx, communeCode, memberId);
			if (!before) return { value: false, audit: null };
			await checkAccount(tx, communeCode, member.userId);
			const taken = await selectRows<{ id: number }>(
				tx,
				sql`SELECT id FROM team_members WHERE user_id = ${member.userId} AND id <> ${memberId}`
			);
			if (taken.length > 0) {
				throw rosterRefusal(
					'account-taken',
					{
						vi: 'Tài khoản này đã gắn với một thành viên khác',
						en: 'This account is linked to another member'
					},
					'userId'
				);
			}
			await tx.execute(sql`
				UPDATE team_members SET name = ${member.name}, role = ${member.role}::team_member_role,
					trained = ${member.trained}, trained_on = ${member.trainedOn}::date, course = ${member.course},
					digital_ambassador = ${member.digitalAmbassador}, user_id = ${member.userId}
				WHERE id = ${memberId}`);
			await syncTeamCounts(tx, before.teamId);
			return {
				value: true,
				audit: rosterEvent('team-member.update', communeCode, memberId, { before, after: member })
			};
		},
		{ context }
	);
}

/** Removes a member from the roster; false when the commune has no such member. */
export async function removeTeamMember(
	db: Database,
	actor: Actor,
	communeCode: string,
	memberId: number,
	context?: WriteContext
): Promise<boolean> {
	return withWrite(
		db,
		actor,
		async (tx) => {
			const before = await memberOfCommune(tx, communeCode, memberId);
			if (!before) return { value: false, audit: null };
			await tx.execute(sql`DELETE FROM team_members WHERE id = ${memberId}`);
			await syncTeamCounts(tx, before.teamId);
			return { value: true, audit: rosterEvent('team-member.remove', communeCode, memberId, before) };
		},
		{ context }
	);
}
