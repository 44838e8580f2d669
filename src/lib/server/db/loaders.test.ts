import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActivities } from './activities';
import { loadCommunes } from './communes';
import { DEMO_DATASET } from './datasets';
import { loadHamlets, replaceHamletBoundaries } from './hamlets';
import { migrateDatabase, openDatabase, selectRows, type DatabaseHandle } from './index';
import { InputError } from '../../input-error';
import { loadSurveys } from './surveys';
import { loadTeams } from './teams';
import {
	BOWTIE,
	fixtureActivity,
	fixtureCommunesText,
	fixtureHamlets,
	fixtureTeams,
	loadFixtureData,
	tableFingerprint,
	TEST_ACTOR
} from './test-fixtures';
import { openTestDatabase, testDrivers } from './test-databases';
import { squarePolygon } from '../../analysis/test-squares';

const TABLES = ['datasets', 'communes', 'hamlets', 'teams', 'outreach_activities', 'skill_surveys'];

/** Equal fingerprints mean nothing was written to these tables. */
const fingerprint = (handle: DatabaseHandle) => tableFingerprint(handle, TABLES);

/** Runs `load`, expects an InputError with `code` whose message mentions `mention`, and no change at all. */
async function expectRefused(
	handle: DatabaseHandle,
	load: () => Promise<unknown>,
	code: string,
	mention: RegExp
): Promise<InputError> {
	const before = await fingerprint(handle);
	const error = await load().then(
		() => undefined,
		(thrown: unknown) => thrown
	);
	expect(error).toBeInstanceOf(InputError);
	const loadError = error as InputError;
	expect(loadError.code).toBe(code);
	expect(`${loadError.message} | ${loadError.messageEn}`).toMatch(mention);
	expect(await fingerprint(handle)).toEqual(before);
	return loadError;
}

describe.each(testDrivers())('loaders on %s', (driver) => {
	let handle: DatabaseHandle;

	beforeAll(async () => {
		handle = await openTestDatabase(driver);
		await loadFixtureData(handle.db);
	});
	afterAll(async () => {
		await handle?.close();
	});

	it('migrations re-apply as a no-op', async () => {
		const before = await fingerprint(handle);
		const countApplied = () =>
			selectRows(handle.db, sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
		const applied = await countApplied();
		// Every migration of drizzle/meta/_journal.json is recorded once.
		const journal = JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')) as { entries: unknown[] };
		expect(applied).toEqual([{ n: journal.entries.length }]);
		await migrateDatabase(handle);
		expect(await countApplied()).toEqual(applied);
		expect(await fingerprint(handle)).toEqual(before);
	});

	it('stores the loaded rows with their dataset', async () => {
		const counts = await fingerprint(handle);
		expect(counts.communes).toMatch(/^3:/);
		expect(counts.hamlets).toMatch(/^4:/);
		expect(counts.teams).toMatch(/^2:/);
		expect(counts.outreach_activities).toMatch(/^1:/);
		const kinds = await selectRows(
			handle.db,
			sql`SELECT d.kind, count(*)::int AS n FROM hamlets h JOIN datasets d ON d.id = h.dataset_id GROUP BY d.kind`
		);
		expect(kinds).toEqual([{ kind: 'demo', n: 4 }]);
	});

	it('refuses broken JSON in every loader', async () => {
		const brokenText = '{"type": "FeatureCollection", "features": [';
		const loaders: [string, () => Promise<unknown>][] = [
			['communes', () => loadCommunes(handle.db, TEST_ACTOR, brokenText)],
			['hamlets', () => loadHamlets(handle.db, TEST_ACTOR, brokenText, DEMO_DATASET)],
			['hamlet boundaries', () => replaceHamletBoundaries(handle.db, TEST_ACTOR, brokenText)],
			['teams', () => loadTeams(handle.db, TEST_ACTOR, '[{', DEMO_DATASET)],
			['outreach activities', () => loadActivities(handle.db, TEST_ACTOR, '[{', DEMO_DATASET)],
			['skill surveys', () => loadSurveys(handle.db, TEST_ACTOR, 'surveys.csv', DEMO_DATASET)]
		];
		for (const [file, load] of loaders) {
			await expectRefused(
				handle,
				load,
				'broken-json',
				new RegExp(`không phải JSON hợp lệ.*The ${file} file is not valid JSON`)
			);
		}
		await expectRefused(
			handle,
			() => loadHamlets(handle.db, TEST_ACTOR, '{"type": "Feature"}', DEMO_DATASET),
			'not-a-feature-collection',
			/phải là một GeoJSON FeatureCollection/
		);
	});

	it('refuses an invalid (self-intersecting) polygon and names the feature', async () => {
		const collection = fixtureHamlets();
		collection.features = collection.features.map((feature, index) => ({
			...feature,
			properties: { ...feature.properties, id: 5001 + index },
			geometry: index === 2 ? BOWTIE : squarePolygon(105.84 + index * 0.001, 21.044, 0.0008)
		}));
		const error = await expectRefused(
			handle,
			() => loadHamlets(handle.db, TEST_ACTOR, JSON.stringify(collection), DEMO_DATASET),
			'invalid-geometry',
			/Hình học không hợp lệ: Self-intersection/
		);
		expect(error.path).toBe('features[2].geometry');
	});

	it('refuses an invalid polygon in communes and in replacement boundaries too', async () => {
		const communes = JSON.parse(fixtureCommunesText()) as { features: { geometry: unknown }[] };
		communes.features[1]!.geometry = BOWTIE;
		const error = await expectRefused(
			handle,
			() => loadCommunes(handle.db, TEST_ACTOR, JSON.stringify(communes)),
			'invalid-geometry',
			/Self-intersection/
		);
		expect(error.path).toBe('features[1].geometry');
		await expectRefused(
			handle,
			() =>
				replaceHamletBoundaries(
					handle.db,
					TEST_ACTOR,
					JSON.stringify({
						type: 'FeatureCollection',
						features: [{ type: 'Feature', properties: { id: 4002 }, geometry: BOWTIE }]
					})
				),
			'invalid-geometry',
			/Self-intersection/
		);
	});

	it('refuses an unclosed ring before it reaches the database', async () => {
		const collection = fixtureHamlets();
		collection.features[0]!.properties.id = 6001;
		collection.features[0]!.geometry.coordinates[0]!.pop();
		await expectRefused(
			handle,
			() =>
				loadHamlets(
					handle.db,
					TEST_ACTOR,
					JSON.stringify({ ...collection, features: [collection.features[0]] }),
					DEMO_DATASET
				),
			'invalid-value',
			/vòng không khép kín/
		);
	});

	it('refuses an unknown commune code', async () => {
		const collection = fixtureHamlets();
		collection.features = collection.features.map((feature) => ({
			...feature,
			properties: { ...feature.properties, id: feature.properties.id + 100, communeCode: '99999' }
		}));
		const error = await expectRefused(
			handle,
			() => loadHamlets(handle.db, TEST_ACTOR, JSON.stringify(collection), DEMO_DATASET),
			'unknown-commune',
			/Không có xã\/phường mã 99999/
		);
		expect(error.path).toBe('features[0].properties.communeCode');
		await expectRefused(
			handle,
			() =>
				loadTeams(
					handle.db,
					TEST_ACTOR,
					[{ ...fixtureTeams()[0]!, id: 9, communeCode: '99999' }],
					DEMO_DATASET
				),
			'unknown-commune',
			/99999/
		);
	});

	it('refuses a hamlet drawn outside its commune', async () => {
		const collection = fixtureHamlets();
		const feature = {
			...collection.features[0]!,
			properties: { ...collection.features[0]!.properties, id: 7001 }
		};
		feature.geometry = squarePolygon(105.3, 21.05, 0.002); // in Ba Vì, 50 km west of Ba Đình
		await expectRefused(
			handle,
			() =>
				loadHamlets(
					handle.db,
					TEST_ACTOR,
					JSON.stringify({ type: 'FeatureCollection', features: [feature] }),
					DEMO_DATASET
				),
			'invalid-geometry',
			/nằm ngoài xã\/phường 00004/
		);
	});

	it('refuses a duplicate idempotency key, stored or within the input', async () => {
		await expectRefused(
			handle,
			() =>
				loadActivities(
					handle.db,
					TEST_ACTOR,
					[fixtureActivity(2), { ...fixtureActivity(3), idempotencyKey: 'fixture-1' }],
					DEMO_DATASET
				),
			'duplicate-idempotency-key',
			/"fixture-1" đã được ghi nhận/
		);
		const error = await expectRefused(
			handle,
			() => loadActivities(handle.db, TEST_ACTOR, [fixtureActivity(4), fixtureActivity(4)], DEMO_DATASET),
			'duplicate-idempotency-key',
			/xuất hiện hai lần/
		);
		expect(error.path).toBe('rows[1].idempotencyKey');
	});

	it('refuses activities of unknown hamlets, unknown teams or a team of another commune', async () => {
		await expectRefused(
			handle,
			() =>
				loadActivities(handle.db, TEST_ACTOR, [{ ...fixtureActivity(5), hamletId: 424242 }], DEMO_DATASET),
			'unknown-hamlet',
			/424242/
		);
		await expectRefused(
			handle,
			() => loadActivities(handle.db, TEST_ACTOR, [{ ...fixtureActivity(6), teamId: 99 }], DEMO_DATASET),
			'unknown-team',
			/99/
		);
		await expectRefused(
			handle,
			() => loadActivities(handle.db, TEST_ACTOR, [{ ...fixtureActivity(7), teamId: 2 }], DEMO_DATASET),
			'unknown-team',
			/thuộc xã\/phường 09700/
		);
	});

	it('refuses bad values with a path and a Vietnamese message', async () => {
		const error = await expectRefused(
			handle,
			() =>
				loadActivities(
					handle.db,
					TEST_ACTOR,
					[{ ...fixtureActivity(8), topics: ['gardening'] }],
					DEMO_DATASET
				),
			'invalid-value',
			/Giá trị không hợp lệ/
		);
		expect(error.path).toBe('rows[0].topics.0');
		await expectRefused(
			handle,
			() =>
				loadActivities(
					handle.db,
					TEST_ACTOR,
					[{ ...fixtureActivity(9), location: [21.036, 105.833] }],
					DEMO_DATASET
				),
			'invalid-value',
			/location/
		);
		await expectRefused(
			handle,
			() =>
				loadSurveys(
					handle.db,
					TEST_ACTOR,
					[
						{
							hamletId: 4001,
							month: '2026-03-01',
							adultsAssessed: 10,
							withBasicSkills: 11,
							withSmartphone: 1,
							withEpayment: 1,
							withVneidLevel2: 1
						}
					],
					DEMO_DATASET
				),
			'invalid-value',
			/lớn hơn số người được khảo sát/
		);
	});

	it('stores a survey and replaces it when a corrected one for the same month arrives', async () => {
		const survey = {
			hamletId: 4002,
			month: '2026-05-01',
			adultsAssessed: 80,
			withBasicSkills: 50,
			withSmartphone: 70,
			withEpayment: 40,
			withVneidLevel2: 60
		};
		expect(await loadSurveys(handle.db, TEST_ACTOR, [survey], DEMO_DATASET)).toBe(1);
		await loadSurveys(
			handle.db,
			TEST_ACTOR,
			JSON.stringify([{ ...survey, withBasicSkills: 55 }]),
			DEMO_DATASET
		);
		const stored = await selectRows<{ with_basic_skills: number; month: string }>(
			handle.db,
			sql`SELECT with_basic_skills, month::text FROM skill_surveys WHERE hamlet_id = 4002`
		);
		expect(stored).toEqual([{ with_basic_skills: 55, month: '2026-05-01' }]);
		await expectRefused(
			handle,
			() => loadSurveys(handle.db, TEST_ACTOR, [survey, survey], DEMO_DATASET),
			'duplicate-key',
			/4002\/2026-05-01/
		);
		await expectRefused(
			handle,
			() => loadSurveys(handle.db, TEST_ACTOR, [{ ...survey, month: '2026-05-15' }], DEMO_DATASET),
			'invalid-value',
			/month/
		);
	});

	it('replaces an approximate boundary with an official one, keeping the hamlet', async () => {
		const official = {
			type: 'FeatureCollection',
			features: [
				{ type: 'Feature', properties: { id: 4001 }, geometry: squarePolygon(105.8315, 21.0345, 0.003) }
			]
		};
		expect(await replaceHamletBoundaries(handle.db, TEST_ACTOR, JSON.stringify(official))).toBe(1);
		const [hamlet] = await selectRows<{ boundary_source: string; area: number }>(
			handle.db,
			sql`SELECT boundary_source, round(ST_Area(geom::geography))::int AS area FROM hamlets WHERE id = 4001`
		);
		expect(hamlet?.boundary_source).toBe('official');
		expect(hamlet?.area).toBeGreaterThan(90_000);
		await expectRefused(
			handle,
			() =>
				replaceHamletBoundaries(
					handle.db,
					TEST_ACTOR,
					JSON.stringify({ ...official, features: [{ ...official.features[0], properties: { id: 123 } }] })
				),
			'unknown-hamlet',
			/Không có thôn mã 123/
		);
	});
});

describe('opening a database', () => {
	it('explains in Vietnamese when PostgreSQL cannot be reached', async () => {
		// Port 9 (discard) on loopback: nothing listens there, so the connection is refused at once.
		await expect(openDatabase({ url: 'postgres://nobody:secret@127.0.0.1:9/none' })).rejects.toThrow(
			/Không kết nối được PostgreSQL \(cannot connect to PostgreSQL\)/
		);
	});
});
