import { sql } from 'drizzle-orm';
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
 * Empties every data table, demo and real rows alike (plans go with their communes), and restarts the
 * ids: what `npm run seed -- --reset` does before seeding again.
 */
export async function emptyDatabase(db: Database, actor: Actor): Promise<void> {
	await withWrite(db, actor, async (tx) => {
		await tx.execute(
			sql`TRUNCATE ${outreachActivities}, ${skillSurveys}, ${teams}, ${hamlets}, ${minorityAreas}, ${cityOutlines}, ${communes}, ${datasets} RESTART IDENTITY CASCADE`
		);
	});
}
