import { asc, eq, sql } from 'drizzle-orm';
import { firstDuplicate, inBatches, rowsOf } from './batches';
import { ensureDataset, type DatasetRecord } from './datasets';
import type { Database } from './index';
import { teamRowSchema, validateItems } from './input-schemas';
import { parseJsonInput, refusedLoad } from './load-error';
import { communes, teams } from './schema';
import { datasetLoadEvent } from './audit';
import { withWrite, type Actor } from './write';

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
