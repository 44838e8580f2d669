import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { InputError, type InputIssue } from '../../input-error';
import {
	MAX_ID,
	PLAN_UNDO_MINUTES,
	planInputError,
	planIssue,
	validatePlanInput,
	type Plan,
	type PlanHamlet,
	type ValidPlanInput
} from '../../plans';
import type { Database } from './index';
import { findCommune } from './communes';
import { hamlets, planHamlets, plans, teams } from './schema';
import type { AuditEntry } from './audit';
import { withWrite, type Actor, type Transaction, type WriteContext } from './write';
import { isCurrentHamlet } from './current-hamlets';

/**
 * Validates fields and references (team and hamlets of the commune); throws every problem at once, or
 * a not-found InputError for a commune that does not exist.
 */
async function checkedInput(tx: Transaction, communeCode: string, input: unknown): Promise<ValidPlanInput> {
	const commune = await findCommune(tx, communeCode);
	if (!commune) {
		throw InputError.notFound(
			'unknown-commune',
			{ vi: `Không có xã/phường mã ${communeCode}`, en: `No commune has code ${communeCode}` },
			'communeCode'
		);
	}
	const communeName = commune.fullName;
	const validation = validatePlanInput(input);
	if (!validation.ok) throw planInputError(validation.issues);
	const value = validation.value;
	const issues: InputIssue[] = [];
	if (value.teamId !== null) {
		const [team] = await tx
			.select({ communeCode: teams.communeCode })
			.from(teams)
			.where(eq(teams.id, value.teamId))
			.limit(1);
		if (team?.communeCode !== communeCode) {
			issues.push(
				planIssue('teamId', 'team-of-another-commune', {
					vi: `Tổ CĐS mã ${value.teamId} không thuộc ${communeName}`,
					en: `Team ${value.teamId} does not belong to ${communeName}`
				})
			);
		}
	}
	const found = await tx
		.select({ id: hamlets.id })
		.from(hamlets)
		.where(and(inArray(hamlets.id, value.hamletIds), eq(hamlets.communeCode, communeCode), isCurrentHamlet));
	const foundIds = new Set(found.map((row) => row.id));
	const outside = value.hamletIds.filter((id) => !foundIds.has(id));
	if (outside.length > 0) {
		const list = outside.join(', ');
		issues.push(
			planIssue('hamletIds', 'hamlet-of-another-commune', {
				vi: `Thôn, tổ dân phố mã ${list} không thuộc ${communeName}`,
				en: `Hamlets ${list} do not belong to ${communeName}`
			})
		);
	}
	if (issues.length > 0) throw planInputError(issues);
	return value;
}

async function insertPlanHamlets(tx: Transaction, planId: number, hamletIds: number[]): Promise<void> {
	await tx
		.insert(planHamlets)
		.values(hamletIds.map((hamletId, position) => ({ planId, hamletId, position })));
}

/** The plan's fields and hamlets as stored now (an event's before), or null when the commune has no plan with that id. */
async function storedSnapshot(
	tx: Transaction,
	communeCode: string,
	id: number
): Promise<ValidPlanInput | null> {
	const [row] = await tx
		.select({
			name: plans.name,
			startsOn: plans.startsOn,
			endsOn: plans.endsOn,
			teamId: plans.teamId,
			expectedHouseholds: plans.expectedHouseholds,
			note: plans.note,
			weights: plans.weights
		})
		.from(plans)
		.where(and(eq(plans.id, id), eq(plans.communeCode, communeCode), isNull(plans.deletedAt)))
		.limit(1);
	if (!row) return null;
	const members = await tx
		.select({ hamletId: planHamlets.hamletId })
		.from(planHamlets)
		.where(eq(planHamlets.planId, id))
		.orderBy(asc(planHamlets.position));
	return { ...row, hamletIds: members.map((member) => member.hamletId) };
}

/** The audit event of a plan write. */
function planEvent(
	action: 'plan.create' | 'plan.update' | 'plan.delete' | 'plan.restore',
	communeCode: string,
	id: number,
	changes: Record<string, unknown>
): AuditEntry {
	return { action, entityType: 'plan', entityId: id, communeCode, changes };
}

/**
 * Saves a new plan of the commune with its hamlets, in one transaction. Throws an InputError listing
 * every problem (a not-found one for an unknown commune); a refused plan writes nothing.
 */
export async function createPlan(
	db: Database,
	actor: Actor,
	communeCode: string,
	input: unknown,
	context?: WriteContext
): Promise<Plan> {
	const id = await withWrite(
		db,
		actor,
		async (tx) => {
			const value = await checkedInput(tx, communeCode, input);
			const [row] = await tx
				.insert(plans)
				.values({
					communeCode,
					name: value.name,
					startsOn: value.startsOn,
					endsOn: value.endsOn,
					teamId: value.teamId,
					expectedHouseholds: value.expectedHouseholds,
					note: value.note,
					weights: value.weights
				})
				.returning({ id: plans.id });
			await insertPlanHamlets(tx, row!.id, value.hamletIds);
			return { value: row!.id, audit: planEvent('plan.create', communeCode, row!.id, value) };
		},
		{ context }
	);
	return (await getPlan(db, communeCode, id))!;
}

/**
 * Replaces a plan's fields and hamlets, in one transaction. Returns null when the commune has no such
 * plan; throws like `createPlan` on bad input, leaving the plan as it was.
 */
export async function updatePlan(
	db: Database,
	actor: Actor,
	communeCode: string,
	id: number,
	input: unknown,
	context?: WriteContext
): Promise<Plan | null> {
	if (!Number.isSafeInteger(id) || id <= 0 || id > MAX_ID) return null;
	const updated = await withWrite(
		db,
		actor,
		async (tx) => {
			const before = await storedSnapshot(tx, communeCode, id);
			if (!before) return { value: false, audit: null };
			const value = await checkedInput(tx, communeCode, input);
			await tx
				.update(plans)
				.set({
					name: value.name,
					startsOn: value.startsOn,
					endsOn: value.endsOn,
					teamId: value.teamId,
					expectedHouseholds: value.expectedHouseholds,
					note: value.note,
					weights: value.weights,
					updatedAt: sql`now()`
				})
				.where(eq(plans.id, id));
			await tx.delete(planHamlets).where(eq(planHamlets.planId, id));
			await insertPlanHamlets(tx, id, value.hamletIds);
			return { value: true, audit: planEvent('plan.update', communeCode, id, { before, after: value }) };
		},
		{ context }
	);
	return updated ? getPlan(db, communeCode, id) : null;
}

/**
 * Deletes a plan of the commune: it disappears from every list, print and export at once, and can be
 * restored for PLAN_UNDO_MINUTES (`restorePlan`); false when there is no such plan.
 */
export async function deletePlan(
	db: Database,
	actor: Actor,
	communeCode: string,
	id: number,
	context?: WriteContext
): Promise<boolean> {
	if (!Number.isSafeInteger(id) || id <= 0 || id > MAX_ID) return false;
	return withWrite(
		db,
		actor,
		async (tx) => {
			const deleted = await storedSnapshot(tx, communeCode, id);
			if (!deleted) return { value: false, audit: null };
			await tx
				.update(plans)
				.set({ deletedAt: sql`now()` })
				.where(and(eq(plans.id, id), eq(plans.communeCode, communeCode)));
			return { value: true, audit: planEvent('plan.delete', communeCode, id, { deleted }) };
		},
		{ context }
	);
}

const withinUndoWindow = () =>
	and(
		isNotNull(plans.deletedAt),
		gt(plans.deletedAt, sql`now() - make_interval(mins => ${PLAN_UNDO_MINUTES})`)
	);

/** A plan of the commune deleted less than PLAN_UNDO_MINUTES ago (what "Hoàn tác" offers), else null. */
export async function recentlyDeletedPlan(
	db: Database,
	communeCode: string,
	id: number
): Promise<{ id: number; name: string } | null> {
	if (!Number.isSafeInteger(id) || id <= 0 || id > MAX_ID) return null;
	const [row] = await db
		.select({ id: plans.id, name: plans.name })
		.from(plans)
		.where(and(eq(plans.id, id), eq(plans.communeCode, communeCode), withinUndoWindow()))
		.limit(1);
	return row ?? null;
}

/**
 * Undoes a delete made less than PLAN_UNDO_MINUTES ago: the plan is back as it was, with its id, so its
 * links work again. Returns false when the commune has no such deleted plan; throws an InputError when
 * the undo comes too late.
 */
export async function restorePlan(
	db: Database,
	actor: Actor,
	communeCode: string,
	id: number,
	context?: WriteContext
): Promise<boolean> {
	if (!Number.isSafeInteger(id) || id <= 0 || id > MAX_ID) return false;
	return withWrite(
		db,
		actor,
		async (tx) => {
			const [row] = await tx
				.select({ recent: sql<boolean>`${withinUndoWindow()}` })
				.from(plans)
				.where(and(eq(plans.id, id), eq(plans.communeCode, communeCode), isNotNull(plans.deletedAt)))
				.limit(1);
			if (!row) return { value: false, audit: null };
			if (!row.recent) {
				throw InputError.invalid(
					'undo-expired',
					{
						vi: `Đã quá ${PLAN_UNDO_MINUTES} phút kể từ khi xóa: không thể hoàn tác kế hoạch này nữa`,
						en: `More than ${PLAN_UNDO_MINUTES} minutes since it was deleted: this plan can no longer be restored`
					},
					'planId'
				);
			}
			await tx.update(plans).set({ deletedAt: null }).where(eq(plans.id, id));
			return { value: true, audit: planEvent('plan.restore', communeCode, id, {}) };
		},
		{ context }
	);
}

/** The commune's plans, latest start first, each with its hamlets in order. */
export async function listPlans(db: Database, communeCode: string): Promise<Plan[]> {
	return selectPlans(db, communeCode);
}

/** One plan of the commune, or null when the commune has no plan with that id. */
export async function getPlan(db: Database, communeCode: string, id: number): Promise<Plan | null> {
	if (!Number.isSafeInteger(id) || id <= 0 || id > MAX_ID) return null;
	const [plan] = await selectPlans(db, communeCode, id);
	return plan ?? null;
}

async function selectPlans(db: Database, communeCode: string, id?: number): Promise<Plan[]> {
	const condition =
		id === undefined
			? and(eq(plans.communeCode, communeCode), isNull(plans.deletedAt))
			: and(eq(plans.communeCode, communeCode), eq(plans.id, id), isNull(plans.deletedAt));
	const rows = await db
		.select({
			id: plans.id,
			communeCode: plans.communeCode,
			name: plans.name,
			startsOn: plans.startsOn,
			endsOn: plans.endsOn,
			teamId: plans.teamId,
			teamName: teams.name,
			expectedHouseholds: plans.expectedHouseholds,
			note: plans.note,
			weights: plans.weights,
			createdAt: plans.createdAt,
			updatedAt: plans.updatedAt
		})
		.from(plans)
		.leftJoin(teams, eq(teams.id, plans.teamId))
		.where(condition)
		.orderBy(desc(plans.startsOn), desc(plans.id));
	if (rows.length === 0) return [];
	const members = await db
		.select({
			planId: planHamlets.planId,
			id: hamlets.id,
			name: hamlets.name,
			position: planHamlets.position,
			households: hamlets.households,
			adults: hamlets.adults
		})
		.from(planHamlets)
		.innerJoin(hamlets, eq(hamlets.id, planHamlets.hamletId))
		.where(
			inArray(
				planHamlets.planId,
				rows.map((row) => row.id)
			)
		)
		.orderBy(asc(planHamlets.planId), asc(planHamlets.position));
	const byPlan = new Map<number, PlanHamlet[]>();
	for (const { planId, ...hamlet } of members) {
		const list = byPlan.get(planId) ?? [];
		list.push(hamlet);
		byPlan.set(planId, list);
	}
	return rows.map((row) => ({
		...row,
		createdAt: row.createdAt.toISOString(),
		updatedAt: row.updatedAt.toISOString(),
		hamlets: byPlan.get(row.id) ?? []
	}));
}
