import { getTableName, sql } from 'drizzle-orm';
import type { Database } from './index';
import {
	cityOutlines,
	communes,
	datasets,
	hamlets,
	minorityAreas,
	outreachActivities,
	skillSurveys,
	teams
} from './schema';
import { withWrite, type Actor } from './write';

/**
 * The data tables, children first; TRUNCATE … CASCADE takes the plans with their communes and the
 * imports and upload jobs with their datasets, the boundary uploads with their communes.
 */
const DATA_TABLES = [
	outreachActivities,
	skillSurveys,
	teams,
	hamlets,
	minorityAreas,
	cityOutlines,
	communes,
	datasets
];

/**
 * Empties every data table, demo and real rows alike (plans go with their communes), and restarts the
 * ids: what `npm run seed -- --reset` does before seeding again. The audit trail stays (append-only).
 */
export async function emptyDatabase(db: Database, actor: Actor): Promise<void> {
	await withWrite(db, actor, async (tx) => {
		await tx.execute(sql`TRUNCATE ${sql.join(DATA_TABLES, sql`, `)} RESTART IDENTITY CASCADE`);
		return {
			value: undefined,
			audit: {
				action: 'data.reset',
				entityType: 'database',
				entityId: null,
				changes: {
					emptied: [
						...DATA_TABLES.map((table) => getTableName(table)),
						'plans',
						'plan_hamlets',
						'imports',
						'import_jobs',
						'import_job_parts',
						'boundary_uploads'
					]
				}
			}
		};
	});
}
