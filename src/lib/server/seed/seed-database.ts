import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadCommunes } from '../db/communes';
import { OFFICIAL_UNITS_DATASET } from '../db/datasets';
import type { Database } from '../db/index';
import { communes } from '../db/schema';

export interface SeedOptions {
	/** Folder with the committed geodata (see geodata/README.md). */
	geodataDir?: string;
	/** Also load the generated demo dataset (hamlets' figures, teams, surveys, activities). */
	demo?: boolean;
}

/** Loads the official communes and, unless disabled, the demo dataset, in one transaction. */
export async function seedDatabase(db: Database, options: SeedOptions = {}): Promise<void> {
	const geodataDir = resolve(options.geodataDir ?? 'geodata');
	const communesText = await readFile(resolve(geodataDir, 'hanoi_2025_communes_full.geojson'), 'utf8');
	await db.transaction(async (tx) => {
		await loadCommunes(tx, communesText, OFFICIAL_UNITS_DATASET);
	});
}

/** Seeds a database that has no communes yet; a database that has them is left alone. Returns whether it seeded. */
export async function seedIfEmpty(db: Database, options: SeedOptions = {}): Promise<boolean> {
	if ((await db.$count(communes)) > 0) return false;
	await seedDatabase(db, options);
	return true;
}
