// What the field app's routes share: the signed-in member as a writer, and a record read from a request.
import { validateActivityRecord, activityInputError, type ActivityRecord } from '../activity-input';
import { InputError } from '../input-error';
import type { SessionUser } from '../roles';
import { actorOf } from './auth/actor';
import type { Actor } from './db/write';

/** The field app writes as a signed-in user (the permission table lets only commune and team users in). */
export function fieldActor(user: SessionUser): Extract<Actor, { kind: 'user' }> {
	return actorOf(user) as Extract<Actor, { kind: 'user' }>;
}

/** A team id as JSON or a form gives it: a whole number in an `integer` column's range. */
function readTeamId(value: unknown): number {
	const id = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value;
	if (typeof id === 'number' && Number.isInteger(id) && id >= 1 && id <= 2_147_483_647) return id;
	throw InputError.invalid('team-invalid', { vi: 'Cần chọn tổ CĐS', en: 'Pick a team' }, 'teamId');
}

/**
 * A record with its team, validated by the one activity definition; throws an InputError listing every
 * problem (each in Vietnamese and English).
 */
export function readFieldRecord(input: unknown): ActivityRecord & { teamId: number } {
	const teamId = readTeamId((input as { teamId?: unknown } | null)?.teamId);
	const result = validateActivityRecord(input);
	if (!result.ok) throw activityInputError(result.issues);
	return { ...result.value, teamId };
}
