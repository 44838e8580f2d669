import { inArray, sql } from 'drizzle-orm';
import { firstDuplicate, inBatches, rowsOf } from './batches';
import { ensureDataset, type DatasetRecord } from './datasets';
import type { Database } from './index';
import { surveyRowSchema, validateItems } from './input-schemas';
import { LoadError, parseJsonInput } from './load-error';
import { hamlets, skillSurveys } from './schema';

const SURVEYS_FILE = { vi: 'khảo sát kỹ năng số', en: 'skill surveys' };

/**
 * Loads monthly skill surveys (JSON text or parsed rows), all or nothing. A survey for a hamlet and
 * month already stored is replaced (a corrected survey); the same pair twice in one input is refused.
 */
export async function loadSurveys(
	db: Database,
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
		throw new LoadError(
			'duplicate-key',
			{
				vi: `Khảo sát của thôn và tháng ${duplicate.value} bị trùng`,
				en: `The survey for hamlet and month ${duplicate.value} appears twice`
			},
			`rows[${duplicate.index}]`
		);
	}
	return db.transaction(async (tx) => {
		const ids = [...new Set(rows.map((row) => row.hamletId))];
		const known = new Set(
			(await tx.select({ id: hamlets.id }).from(hamlets).where(inArray(hamlets.id, ids))).map((row) => row.id)
		);
		const unknownIndex = rows.findIndex((row) => !known.has(row.hamletId));
		if (unknownIndex >= 0) {
			const id = rows[unknownIndex]?.hamletId;
			throw new LoadError(
				'unknown-hamlet',
				{ vi: `Không có thôn mã ${id}`, en: `No hamlet has id ${id}` },
				`rows[${unknownIndex}].hamletId`
			);
		}
		await ensureDataset(tx, dataset);
		for (const batch of inBatches(rows)) {
			await tx
				.insert(skillSurveys)
				.values(batch.map((row) => ({ ...row, datasetId: dataset.id })))
				.onConflictDoUpdate({
					target: [skillSurveys.hamletId, skillSurveys.month],
					set: {
						adultsAssessed: sql`excluded.adults_assessed`,
						withBasicSkills: sql`excluded.with_basic_skills`,
						withSmartphone: sql`excluded.with_smartphone`,
						withEpayment: sql`excluded.with_epayment`,
						withVneidLevel2: sql`excluded.with_vneid_level2`,
						datasetId: sql`excluded.dataset_id`
					}
				});
		}
		return rows.length;
	});
}
