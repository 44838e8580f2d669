import { and, inArray, sql } from 'drizzle-orm';
import { firstDuplicate, inBatches, rowsOf } from './batches';
import { ensureDataset, type DatasetRecord } from './datasets';
import type { Database } from './index';
import { surveyRowSchema, validateItems } from './input-schemas';
import { parseJsonInput, refusedLoad } from './load-error';
import { hamlets, skillSurveys } from './schema';
import { datasetLoadEvent } from './audit';
import { withWrite, type Actor } from './write';
import { isCurrentHamlet } from './current-hamlets';

const SURVEYS_FILE = { vi: 'khảo sát kỹ năng số', en: 'skill surveys' };

/**
 * Loads monthly skill surveys (JSON text or parsed rows), all or nothing. A survey for a hamlet and
 * month already stored is replaced (a corrected survey); the same pair twice in one input is refused.
 */
export async function loadSurveys(
	db: Database,
	actor: Actor,
	input: string | unknown[],
	dataset: DatasetRecord
): Promise<number> {
	const rows = validateItems(
		surveyRowSchema,
		rowsOf(input, (text) => parseJsonInput(text, SURVEYS_FILE)),
		'rows'
	);
	const duplicate = firstDuplicate(rows.map((row) => `${row.hamletId}/${row.month}`));
	if (duplicate) {
		throw refusedLoad(
			'duplicate-key',
			{
				vi: `Khảo sát của thôn và tháng ${duplicate.value} bị trùng`,
				en: `The survey for hamlet and month ${duplicate.value} appears twice`
			},
			`rows[${duplicate.index}]`
		);
	}
	return withWrite(db, actor, async (tx) => {
		const ids = [...new Set(rows.map((row) => row.hamletId))];
		const known = new Set(
			(
				await tx
					.select({ id: hamlets.id })
					.from(hamlets)
					.where(and(inArray(hamlets.id, ids), isCurrentHamlet))
			).map((row) => row.id)
		);
		const unknownIndex = rows.findIndex((row) => !known.has(row.hamletId));
		if (unknownIndex >= 0) {
			const id = rows[unknownIndex]?.hamletId;
			throw refusedLoad(
				'unknown-hamlet',
				{ vi: `Không có thôn mã ${id}`, en: `No hamlet has id ${id}` },
				`rows[${unknownIndex}].hamletId`
			);
		}
		await ensureDataset(tx, dataset);
		// One JSON parameter per batch (see loadActivities): far fewer bind parameters on PGlite.
		for (const batch of inBatches(rows, 10_000)) {
			await tx.execute(sql`
				INSERT INTO ${skillSurveys} (hamlet_id, month, adults_assessed, with_basic_skills, with_smartphone,
					with_epayment, with_vneid_level2, dataset_id)
				SELECT r."hamletId", r.month, r."adultsAssessed", r."withBasicSkills", r."withSmartphone",
					r."withEpayment", r."withVneidLevel2", ${dataset.id}
				FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) AS r("hamletId" integer, month date,
					"adultsAssessed" integer, "withBasicSkills" integer, "withSmartphone" integer, "withEpayment" integer,
					"withVneidLevel2" integer)
				ON CONFLICT (hamlet_id, month) DO UPDATE SET adults_assessed = excluded.adults_assessed,
					with_basic_skills = excluded.with_basic_skills, with_smartphone = excluded.with_smartphone,
					with_epayment = excluded.with_epayment, with_vneid_level2 = excluded.with_vneid_level2,
					dataset_id = excluded.dataset_id`);
		}
		return { value: rows.length, audit: datasetLoadEvent('skill_surveys', dataset, rows.length) };
	});
}
