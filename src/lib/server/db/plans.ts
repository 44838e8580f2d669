import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import * as z from 'zod';
import type { Label } from '../../domain';
import type { Database } from './index';
import { LoadError } from './load-error';
import { communes, hamlets, planHamlets, plans, teams } from './schema';

/** A hamlet of a plan, in the planner's order. */
export interface PlanHamlet {
	id: number;
	name: string;
	/** 0-based order within the plan. */
	position: number;
	households: number;
	adults: number;
}

/** A saved plan (Kế hoạch) of a commune; plain data, safe to send to the browser. */
export interface Plan {
	id: number;
	communeCode: string;
	name: string;
	/** YYYY-MM-DD. */
	startsOn: string;
	/** YYYY-MM-DD, on or after `startsOn`. */
	endsOn: string;
	teamId: number | null;
	teamName: string | null;
	expectedHouseholds: number;
	note: string;
	/** ISO 8601 timestamps. */
	createdAt: string;
	updatedAt: string;
	hamlets: PlanHamlet[];
}

/** The fields a planner enters; `hamletIds` in the order the plan lists them. */
export interface PlanInput {
	name: string;
	startsOn: string;
	endsOn: string;
	teamId: number | null;
	expectedHouseholds: number;
	note?: string;
	hamletIds: number[];
}

/** The fields of a plan a validation problem can point at. */
export type PlanField = keyof PlanInput;

/** One problem with a plan's input: which field, and why (Vietnamese first, English second). */
export interface PlanIssue {
	field: PlanField;
	message: string;
	messageEn: string;
}

/**
 * A plan refused because of its input. Every problem found is listed, so a form can show them all at
 * once next to their fields; `message` is the first one's. Thrown before anything is written.
 */
export class PlanInputError extends LoadError {
	readonly issues: PlanIssue[];

	constructor(issues: PlanIssue[]) {
		const first = issues[0]!;
		super('invalid-value', { vi: first.message, en: first.messageEn }, first.field);
		this.name = 'PlanInputError';
		this.issues = issues;
	}
}

const MESSAGES = {
	nameRequired: { vi: 'Cần nhập tên kế hoạch', en: 'A plan name is required' },
	nameTooLong: { vi: 'Tên kế hoạch dài quá 200 ký tự', en: 'The plan name is longer than 200 characters' },
	startsOnInvalid: {
		vi: 'Ngày bắt đầu phải là một ngày có thật, dạng YYYY-MM-DD',
		en: 'The start date must be a real date, YYYY-MM-DD'
	},
	endsOnInvalid: {
		vi: 'Ngày kết thúc phải là một ngày có thật, dạng YYYY-MM-DD',
		en: 'The end date must be a real date, YYYY-MM-DD'
	},
	endsBeforeStart: {
		vi: 'Ngày kết thúc phải bằng hoặc sau ngày bắt đầu',
		en: 'The end date must be on or after the start date'
	},
	teamInvalid: { vi: 'Tổ CĐS không hợp lệ', en: 'Invalid team' },
	expectedInvalid: {
		vi: 'Số hộ dự kiến phải là số nguyên không âm',
		en: 'Expected households must be a whole number, 0 or more'
	},
	noteTooLong: { vi: 'Ghi chú dài quá 2.000 ký tự', en: 'The note is longer than 2,000 characters' },
	hamletsRequired: {
		vi: 'Cần chọn ít nhất một thôn, tổ dân phố',
		en: 'Pick at least one hamlet'
	},
	hamletsInvalid: { vi: 'Danh sách thôn, tổ dân phố không hợp lệ', en: 'Invalid list of hamlets' }
} satisfies Record<string, Label>;

type MessageKey = keyof typeof MESSAGES;

const isoDay = (key: MessageKey) => z.iso.date({ error: key });

/**
 * The plan's fields, each checked on its own: the pairs (end ≥ start, no hamlet twice) are checked by
 * `validatePlanInput`, and the references (team and hamlets of the commune) against the database.
 * Messages are keys of MESSAGES, turned into Vietnamese and English by `validatePlanInput`.
 */
const planInputSchema = z.object({
	name: z
		.string({ error: 'nameRequired' })
		.trim()
		.min(1, { error: 'nameRequired' })
		.max(200, { error: 'nameTooLong' }),
	startsOn: isoDay('startsOnInvalid'),
	endsOn: isoDay('endsOnInvalid'),
	teamId: z
		.number({ error: 'teamInvalid' })
		.int({ error: 'teamInvalid' })
		.positive({ error: 'teamInvalid' })
		.nullable(),
	expectedHouseholds: z
		.number({ error: 'expectedInvalid' })
		.int({ error: 'expectedInvalid' })
		.min(0, { error: 'expectedInvalid' })
		.max(10_000_000, { error: 'expectedInvalid' }),
	note: z.string({ error: 'noteTooLong' }).trim().max(2000, { error: 'noteTooLong' }).default(''),
	hamletIds: z
		.array(
			z
				.number({ error: 'hamletsInvalid' })
				.int({ error: 'hamletsInvalid' })
				.positive({ error: 'hamletsInvalid' }),
			{
				error: 'hamletsInvalid'
			}
		)
		.min(1, { error: 'hamletsRequired' })
});

export type ValidPlanInput = z.infer<typeof planInputSchema>;

function issue(field: PlanField, message: Label): PlanIssue {
	return { field, message: message.vi, messageEn: message.en };
}

/** Every problem with the input's own fields (not its references), or the validated input. */
export function validatePlanInput(
	input: unknown
): { ok: true; value: ValidPlanInput } | { ok: false; issues: PlanIssue[] } {
	const result = planInputSchema.safeParse(input);
	const issues: PlanIssue[] = [];
	if (!result.success) {
		for (const zodIssue of result.error.issues) {
			const field = (zodIssue.path[0] ?? 'name') as PlanField;
			const known = MESSAGES[zodIssue.message as MessageKey];
			// Only a field whose type is wholly wrong reaches here without one of our keys.
			issues.push(
				known
					? issue(field, known)
					: {
							field,
							message: `Giá trị không hợp lệ: ${zodIssue.message}`,
							messageEn: `Invalid value: ${zodIssue.message}`
						}
			);
		}
	}
	// Cross-field checks, so that they are reported together with the others.
	const raw = (input ?? {}) as Partial<Record<PlanField, unknown>>;
	const startsOk = isoDay('startsOnInvalid').safeParse(raw.startsOn).success;
	const endsOk = isoDay('endsOnInvalid').safeParse(raw.endsOn).success;
	if (startsOk && endsOk && String(raw.endsOn) < String(raw.startsOn)) {
		issues.push(issue('endsOn', MESSAGES.endsBeforeStart));
	}
	if (Array.isArray(raw.hamletIds)) {
		const seen = new Set<unknown>();
		const repeated = new Set<unknown>();
		for (const id of raw.hamletIds) {
			if (seen.has(id)) repeated.add(id);
			seen.add(id);
		}
		if (repeated.size > 0) {
			const list = [...repeated].join(', ');
			issues.push(
				issue('hamletIds', {
					vi: `Thôn, tổ dân phố được chọn hai lần: ${list}`,
					en: `Hamlets picked twice: ${list}`
				})
			);
		}
	}
	if (issues.length > 0 || !result.success) return { ok: false, issues };
	return { ok: true, value: result.data };
}

/** The largest `serial` id: a larger one in a URL would make PostgreSQL fail rather than find nothing. */
const MAX_ID = 2_147_483_647;

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Refuses a commune code that does not exist; returns the commune's full name. */
async function communeNameOf(tx: Transaction | Database, communeCode: string): Promise<string> {
	const [row] = await tx
		.select({ fullName: communes.fullName })
		.from(communes)
		.where(eq(communes.code, communeCode))
		.limit(1);
	if (!row) {
		throw new LoadError('unknown-commune', {
			vi: `Không có xã/phường mã ${communeCode}`,
			en: `No commune has code ${communeCode}`
		});
	}
	return row.fullName;
}

/** Validates fields and references (team and hamlets of the commune); throws PlanInputError with every problem. */
async function checkedInput(tx: Transaction, communeCode: string, input: unknown): Promise<ValidPlanInput> {
	const communeName = await communeNameOf(tx, communeCode);
	const validation = validatePlanInput(input);
	if (!validation.ok) throw new PlanInputError(validation.issues);
	const value = validation.value;
	const issues: PlanIssue[] = [];
	if (value.teamId !== null) {
		const [team] = await tx
			.select({ communeCode: teams.communeCode })
			.from(teams)
			.where(eq(teams.id, value.teamId))
			.limit(1);
		if (team?.communeCode !== communeCode) {
			issues.push(
				issue('teamId', {
					vi: `Tổ CĐS mã ${value.teamId} không thuộc ${communeName}`,
					en: `Team ${value.teamId} does not belong to ${communeName}`
				})
			);
		}
	}
	const found = await tx
		.select({ id: hamlets.id })
		.from(hamlets)
		.where(and(inArray(hamlets.id, value.hamletIds), eq(hamlets.communeCode, communeCode)));
	const foundIds = new Set(found.map((row) => row.id));
	const outside = value.hamletIds.filter((id) => !foundIds.has(id));
	if (outside.length > 0) {
		const list = outside.join(', ');
		issues.push(
			issue('hamletIds', {
				vi: `Thôn, tổ dân phố mã ${list} không thuộc ${communeName}`,
				en: `Hamlets ${list} do not belong to ${communeName}`
			})
		);
	}
	if (issues.length > 0) throw new PlanInputError(issues);
	return value;
}

async function insertPlanHamlets(tx: Transaction, planId: number, hamletIds: number[]): Promise<void> {
	await tx
		.insert(planHamlets)
		.values(hamletIds.map((hamletId, position) => ({ planId, hamletId, position })));
}

/**
 * Saves a new plan of the commune with its hamlets, in one transaction. Throws a PlanInputError listing
 * every problem (or a LoadError for an unknown commune); a refused plan writes nothing.
 */
export async function createPlan(db: Database, communeCode: string, input: unknown): Promise<Plan> {
	const id = await db.transaction(async (tx) => {
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
				note: value.note
			})
			.returning({ id: plans.id });
		await insertPlanHamlets(tx, row!.id, value.hamletIds);
		return row!.id;
	});
	return (await getPlan(db, communeCode, id))!;
}

/**
 * Replaces a plan's fields and hamlets, in one transaction. Returns null when the commune has no such
 * plan; throws like `createPlan` on bad input, leaving the plan as it was.
 */
export async function updatePlan(
	db: Database,
	communeCode: string,
	id: number,
	input: unknown
): Promise<Plan | null> {
	if (!Number.isSafeInteger(id) || id <= 0 || id > MAX_ID) return null;
	const updated = await db.transaction(async (tx) => {
		const [existing] = await tx
			.select({ id: plans.id })
			.from(plans)
			.where(and(eq(plans.id, id), eq(plans.communeCode, communeCode)))
			.limit(1);
		if (!existing) return false;
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
				updatedAt: sql`now()`
			})
			.where(eq(plans.id, id));
		await tx.delete(planHamlets).where(eq(planHamlets.planId, id));
		await insertPlanHamlets(tx, id, value.hamletIds);
		return true;
	});
	return updated ? getPlan(db, communeCode, id) : null;
}

/** Deletes a plan of the commune (its hamlet list goes with it); false when there is no such plan. */
export async function deletePlan(db: Database, communeCode: string, id: number): Promise<boolean> {
	if (!Number.isSafeInteger(id) || id <= 0 || id > MAX_ID) return false;
	return db.transaction(async (tx) => {
		const rows = await tx
			.delete(plans)
			.where(and(eq(plans.id, id), eq(plans.communeCode, communeCode)))
			.returning({ id: plans.id });
		return rows.length > 0;
	});
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
			? eq(plans.communeCode, communeCode)
			: and(eq(plans.communeCode, communeCode), eq(plans.id, id));
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
