import { isNotNull } from 'drizzle-orm';
import type { DatasetKind } from '../../domain';
import type { Database } from './index';
import { datasets } from './schema';

export interface DatasetRecord {
	id: string;
	kind: DatasetKind;
	title: string;
	source: string;
}

/** The dataset of Hanoi's official units (communes and city outline). */
export const OFFICIAL_UNITS_DATASET: DatasetRecord = {
	id: 'hanoi-units-2025',
	kind: 'official',
	title: 'Đơn vị hành chính cấp xã Hà Nội từ 1/7/2025 (Hanoi commune-level units since 1 July 2025)',
	source: 'geodata/hanoi_2025_communes_full.geojson'
};

/** The areas designated by Quyết định 201/QĐ-UBND (ethnic-minority and mountainous areas, 2026–2030). */
export const MINORITY_AREAS_DATASET: DatasetRecord = {
	id: 'hanoi-minority-areas-2026',
	kind: 'official',
	title:
		'Vùng đồng bào dân tộc thiểu số và miền núi Hà Nội 2026–2030, Quyết định 201/QĐ-UBND (Hanoi ethnic-minority and mountainous areas)',
	source: 'geodata/hanoi_ethnic_minority_areas_2026.csv'
};

/** The generated demo dataset: approximate hamlets with synthetic figures, teams, surveys and activities. */
export const DEMO_DATASET: DatasetRecord = {
	id: 'demo-2026',
	kind: 'demo',
	title: 'Dữ liệu minh họa 2026 (demo data 2026)',
	source: 'npm run seed (src/lib/server/seed)'
};

/** Records a dataset once; loading the same id again keeps the first record. */
export async function ensureDataset(db: Database, dataset: DatasetRecord): Promise<void> {
	await db.insert(datasets).values(dataset).onConflictDoNothing({ target: datasets.id });
}

/** All datasets, oldest first; not those an activities import is still writing (current-activities.ts). */
export async function listDatasets(db: Database): Promise<DatasetRecord[]> {
	return db
		.select({ id: datasets.id, kind: datasets.kind, title: datasets.title, source: datasets.source })
		.from(datasets)
		.where(isNotNull(datasets.publishedAt))
		.orderBy(datasets.createdAt, datasets.id);
}
