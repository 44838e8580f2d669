import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadActivities } from '../db/activities';
import { cityOutlineCollection, loadCityOutline } from '../db/city-outline';
import { communeCount, loadCommunes } from '../db/communes';
import { DEMO_DATASET, OFFICIAL_UNITS_DATASET } from '../db/datasets';
import { loadHamlets } from '../db/hamlets';
import type { Database } from '../db/index';
import { loadMinorityAreas } from '../db/minority-areas';
import { loadSurveys } from '../db/surveys';
import { loadTeamMembers, loadTeams } from '../db/teams';
import { withWrite, type Actor, type Transaction } from '../db/write';
import { generateDemoData } from './demo-data';
import { DEMO_SOURCE_FILES, parseMinorityAreas, readDemoDataInput } from './read-sources';
import type { DemoData, HamletFeature } from './types';

export interface SeedOptions {
	/** Folder with the committed geodata (see geodata/README.md). */
	geodataDir?: string;
	/** Also load the demo dataset: approximate hamlets with generated figures, teams, surveys, activities. */
	demo?: boolean;
	/** Passed to the generator; the defaults give the committed demo (seed 'go-tung-nha-2026', 100,000 activities). */
	seed?: string;
	activityCount?: number;
}

/** Approximate hamlet polygons joined with their generated figures, as the hamlet loader reads them. */
function demoHamletCollection(features: HamletFeature[], demo: DemoData) {
	const figures = new Map(demo.hamlets.map((hamlet) => [hamlet.id, hamlet]));
	return {
		type: 'FeatureCollection',
		features: features.map((feature) => {
			const { id, communeCode, name, kind, boundarySource } = feature.properties;
			const hamlet = figures.get(id);
			if (!hamlet) throw new Error(`The demo generator gave no figures for hamlet ${id}`);
			return {
				type: 'Feature',
				properties: { ...hamlet, communeCode, name, kind, boundarySource },
				geometry: feature.geometry
			};
		})
	};
}

/** Hanoi's outline since 1 July 2025, in the geodata directory. */
const CITY_OUTLINE_FILE = 'hanoi_2025_province.geojson';

/**
 * Loads the city outline and the designated minority areas (which need the communes) from the geodata
 * files, inside the caller's write (each load records its own event).
 */
async function loadOfficialAreas(tx: Transaction, actor: Actor, geodataDir: string): Promise<void> {
	const outlineText = await readFile(resolve(geodataDir, CITY_OUTLINE_FILE), 'utf8');
	const areasText = await readFile(resolve(geodataDir, DEMO_SOURCE_FILES.minorityAreas), 'utf8');
	await loadCityOutline(tx, actor, outlineText);
	await loadMinorityAreas(tx, actor, parseMinorityAreas(areasText));
}

/**
 * Loads the official communes, the city outline and the designated minority areas and, unless
 * disabled, the demo dataset, through the same validating loaders as any upload, in one transaction:
 * a failure leaves the database empty, never half-seeded.
 */
export async function seedDatabase(db: Database, actor: Actor, options: SeedOptions = {}): Promise<void> {
	const geodataDir = resolve(options.geodataDir ?? 'geodata');
	const communesText = await readFile(resolve(geodataDir, DEMO_SOURCE_FILES.communes), 'utf8');
	const withDemo = options.demo ?? true;
	const input = withDemo ? readDemoDataInput(geodataDir) : undefined;
	const demo = input
		? generateDemoData(input, { seed: options.seed, activityCount: options.activityCount })
		: undefined;
	await withWrite(db, actor, async (tx) => {
		await loadCommunes(tx, actor, communesText, OFFICIAL_UNITS_DATASET);
		await loadOfficialAreas(tx, actor, geodataDir);
		if (input && demo) {
			await loadHamlets(tx, actor, JSON.stringify(demoHamletCollection(input.hamlets, demo)), DEMO_DATASET);
			await loadTeams(tx, actor, demo.teams, DEMO_DATASET);
			await loadTeamMembers(tx, actor, demo.teamMembers, DEMO_DATASET);
			await loadSurveys(tx, actor, demo.surveys, DEMO_DATASET);
			await loadActivities(tx, actor, demo.activities, DEMO_DATASET);
		}
		// One event for the seed as a whole; each load above recorded its own with its counts.
		const changes = demo
			? { demo: true, seed: options.seed ?? null, activities: demo.activities.length }
			: { demo: false };
		return { value: undefined, audit: { action: 'seed', entityType: 'database', entityId: null, changes } };
	});
}

/**
 * Seeds a database that has no communes yet. One that has them is left alone, except that a database
 * seeded before the city outline and the minority areas were tables (migration 0004) gets them now.
 * Returns whether it wrote anything.
 */
export async function seedIfEmpty(db: Database, actor: Actor, options: SeedOptions = {}): Promise<boolean> {
	if ((await communeCount(db)) === 0) {
		await seedDatabase(db, actor, options);
		return true;
	}
	if ((await cityOutlineCollection(db)).features.length > 0) return false;
	await withWrite(db, actor, async (tx) => {
		await loadOfficialAreas(tx, actor, resolve(options.geodataDir ?? 'geodata'));
		return {
			value: undefined,
			audit: {
				action: 'seed',
				entityType: 'database',
				entityId: null,
				changes: { upgrade: 'official areas' }
			}
		};
	});
	return true;
}
