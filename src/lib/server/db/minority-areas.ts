import { asc, inArray } from 'drizzle-orm';
import { firstDuplicate, rowsOf } from './batches';
import { ensureDataset, MINORITY_AREAS_DATASET, type DatasetRecord } from './datasets';
import type { MinorityArea } from '../seed/types';
import type { Database } from './index';
import { minorityAreaRowSchema, validateItems } from './input-schemas';
import { parseJsonInput, refusedLoad } from './load-error';
import { communes, minorityAreas } from './schema';
import { datasetLoadEvent } from './audit';
import { withWrite, type Actor } from './write';

const AREAS_FILE = { vi: 'vùng đồng bào dân tộc thiểu số', en: 'minority areas' };

/**
 * Replaces the designated areas with `input` (JSON text or parsed rows, as `parseMinorityAreas` reads
 * the CSV), all or nothing: a bad level, an area listed twice or an unknown commune leave the stored
 * designations as they were. Returns the number of areas loaded.
 */
export async function loadMinorityAreas(
	db: Database,
	actor: Actor,
	input: string | unknown[],
	dataset: DatasetRecord = MINORITY_AREAS_DATASET
): Promise<number> {
	const rows = validateItems(
		minorityAreaRowSchema,
		rowsOf(input, (text) => parseJsonInput(text, AREAS_FILE)),
		'rows'
	);
	const duplicate = firstDuplicate(rows.map((row) => `${row.communeCode}/${row.hamletName ?? ''}`));
	if (duplicate) {
		throw refusedLoad(
			'duplicate-key',
			{
				vi: `Vùng ${duplicate.value} được liệt kê hai lần`,
				en: `Area ${duplicate.value} is listed twice`
			},
			`rows[${duplicate.index}]`
		);
	}
	return withWrite(db, actor, async (tx) => {
		const codes = [...new Set(rows.map((row) => row.communeCode))];
		const known = new Set(
			(await tx.select({ code: communes.code }).from(communes).where(inArray(communes.code, codes))).map(
				(row) => row.code
			)
		);
		const unknownIndex = rows.findIndex((row) => !known.has(row.communeCode));
		if (unknownIndex >= 0) {
			const code = rows[unknownIndex]!.communeCode;
			throw refusedLoad(
				'unknown-commune',
				{ vi: `Không có xã/phường mã ${code}`, en: `No commune has code ${code}` },
				`rows[${unknownIndex}].communeCode`
			);
		}
		await ensureDataset(tx, dataset);
		await tx.delete(minorityAreas);
		if (rows.length > 0) {
			await tx.insert(minorityAreas).values(rows.map((row) => ({ ...row, datasetId: dataset.id })));
		}
		return { value: rows.length, audit: datasetLoadEvent('minority_areas', dataset, rows.length) };
	});
}

/** Every designated area, in the order they were loaded. */
export async function minorityAreaRecords(db: Database): Promise<MinorityArea[]> {
	return db
		.select({
			level: minorityAreas.level,
			communeCode: minorityAreas.communeCode,
			hamletName: minorityAreas.hamletName
		})
		.from(minorityAreas)
		.orderBy(asc(minorityAreas.id));
}
