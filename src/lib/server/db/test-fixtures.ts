import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { squarePolygon } from '../../analysis/test-squares';
import { parseMinorityAreas } from '../seed/read-sources';
import { loadActivities } from './activities';
import { loadCommunes } from './communes';
import { DEMO_DATASET } from './datasets';
import { loadHamlets } from './hamlets';
import type { Database, DatabaseHandle } from './index';
import { sessions } from './schema';
import { loadTeams } from './teams';
import type { Actor } from './write';

/** Who writes in the tests. */
export const TEST_ACTOR: Actor = { kind: 'system', reason: 'test' };

/** Real communes used by the database tests: Ba Đình, Ngọc Hà (phường) and Ba Vì (xã). */
const FIXTURE_COMMUNE_CODES = ['00004', '00008', '09700'];

/** A FeatureCollection with the fixture communes (or those of `codes`), cut from the committed geodata file. */
export function fixtureCommunesText(codes: readonly string[] = FIXTURE_COMMUNE_CODES): string {
	const all = JSON.parse(
		readFileSync('geodata/hanoi_2025_communes_full.geojson', 'utf8')
	) as FeatureCollection;
	return JSON.stringify({
		type: 'FeatureCollection',
		features: all.features.filter((feature) => codes.includes(String(feature.properties?.code)))
	});
}

/** The designated minority areas (geodata CSV) that lie in the fixture communes: all of Xã Ba Vì. */
export function fixtureMinorityAreas() {
	return parseMinorityAreas(readFileSync('geodata/hanoi_ethnic_minority_areas_2026.csv', 'utf8')).filter(
		(area) => FIXTURE_COMMUNE_CODES.includes(area.communeCode)
	);
}

/** Four tổ dân phố in a 2×2 grid inside Phường Ba Đình (ids 4001–4004). */
export function fixtureHamlets() {
	const corners: [number, number][] = [
		[105.831, 21.034],
		[105.8345, 21.034],
		[105.831, 21.0375],
		[105.8345, 21.0375]
	];
	return {
		type: 'FeatureCollection' as const,
		features: corners.map(([lng, lat], index) => ({
			type: 'Feature' as const,
			properties: {
				id: 4001 + index,
				communeCode: '00004',
				name: `Tổ dân phố ${index + 1}`,
				kind: 'tổ dân phố' as const,
				households: 500 + index * 10,
				adults: 1400 + index * 20,
				elderly: 250 + index,
				minorityShare: 0.0125 * index,
				isRural: false,
				boundarySource: 'approximate' as const
			},
			geometry: squarePolygon(lng, lat, 0.0035)
		}))
	};
}

/** The 15 approximate hamlets of Xã Ba Vì (09700) from the committed geodata, with made-up figures, as loadHamlets takes them. */
export function fixtureBaViHamletsText(): string {
	const all = JSON.parse(readFileSync('geodata/hamlets-approximate.geojson', 'utf8')) as FeatureCollection<
		MultiPolygon | Polygon,
		{ id: number; communeCode: string; name: string }
	>;
	const features = all.features
		.filter((feature) => feature.properties.communeCode === '09700')
		.map(({ properties: { id, name }, geometry }) => ({
			type: 'Feature',
			properties: {
				id,
				communeCode: '09700',
				name,
				kind: 'thôn',
				households: 100 + (id % 100),
				adults: 250,
				elderly: 40,
				minorityShare: 0.5,
				isRural: true,
				boundarySource: 'approximate'
			},
			geometry
		}));
	return JSON.stringify({ type: 'FeatureCollection', features });
}

/** One team in Ba Đình (id 1) and one in Ba Vì (id 2). */
export function fixtureTeams() {
	return [
		{ id: 1, communeCode: '00004', name: 'Tổ CĐS số 1', members: 10, membersTrained: 8 },
		{ id: 2, communeCode: '09700', name: 'Tổ CĐS số 1', members: 7, membersTrained: 3 }
	];
}

/** An outreach activity of team 1 in hamlet 4001; `key` makes it unique. */
export function fixtureActivity(key: number) {
	return {
		id: `00000000-0000-4000-8000-${String(key).padStart(12, '0')}`,
		hamletId: 4001,
		teamId: 1,
		kind: 'door-to-door' as const,
		occurredOn: '2026-03-14',
		location: [105.833, 21.036] as [number, number],
		householdsNew: 12,
		householdsRevisited: 3,
		peopleGuided: 30,
		topics: ['vneid', 'payment'] as ('vneid' | 'payment')[],
		idempotencyKey: `fixture-${key}`
	};
}

/**
 * One skill-survey row, as `loadSurveys` takes it: `adultsAssessed` adults of `hamletId` assessed in
 * `month` (YYYY-MM-01), `withBasicSkills` of them skilled. Unless `others` says otherwise, all of them
 * have a smartphone, none pays electronically and the skilled ones have VNeID level 2.
 */
export function fixtureSurvey(
	hamletId: number,
	month: string,
	adultsAssessed: number,
	withBasicSkills: number,
	others: { withSmartphone?: number; withEpayment?: number; withVneidLevel2?: number } = {}
) {
	return {
		hamletId,
		month,
		adultsAssessed,
		withBasicSkills,
		withSmartphone: adultsAssessed,
		withEpayment: 0,
		withVneidLevel2: withBasicSkills,
		...others
	};
}

/** Loads the fixture communes, hamlets, teams and `activityCount` activities through the real loaders. */
export async function loadFixtureData(db: Database, activityCount = 1): Promise<void> {
	await loadCommunes(db, TEST_ACTOR, fixtureCommunesText());
	await loadHamlets(db, TEST_ACTOR, JSON.stringify(fixtureHamlets()), DEMO_DATASET);
	await loadTeams(db, TEST_ACTOR, fixtureTeams(), DEMO_DATASET);
	const activities = Array.from({ length: activityCount }, (_, index) => fixtureActivity(index + 1));
	await loadActivities(db, TEST_ACTOR, activities, DEMO_DATASET);
}

/**
 * A digest of each table's whole content: equal fingerprints before and after a refused input prove
 * that nothing was written.
 */
export async function tableFingerprint(
	handle: DatabaseHandle,
	tables: readonly string[]
): Promise<Record<string, string>> {
	const entries = await Promise.all(
		tables.map(async (table) => {
			const rows = await handle.db
				.select({
					digest: sql<string>`count(*) || ':' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '')`
				})
				.from(sql.raw(`${table} AS t`));
			return [table, rows[0]!.digest] as const;
		})
	);
	return Object.fromEntries(entries);
}

/** A self-intersecting "bow tie" inside Phường Ba Đình: an invalid polygon for the loaders to refuse. */
export const BOWTIE = {
	type: 'Polygon' as const,
	coordinates: [
		[
			[105.834, 21.044],
			[105.838, 21.048],
			[105.838, 21.044],
			[105.834, 21.048],
			[105.834, 21.044]
		]
	]
};

/** Moves a session's expiry or creation into the past, as time passing would. */
export async function ageSession(
	db: Database,
	id: string,
	times: { expiresAt?: Date; createdAt?: Date }
): Promise<void> {
	if (times.expiresAt)
		await db.update(sessions).set({ expiresAt: times.expiresAt }).where(eq(sessions.id, id));
	if (times.createdAt)
		await db.update(sessions).set({ createdAt: times.createdAt }).where(eq(sessions.id, id));
}

export async function sessionExists(db: Database, id: string): Promise<boolean> {
	return (await db.$count(sessions, eq(sessions.id, id))) > 0;
}
