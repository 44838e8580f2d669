import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { URBAN_UNIT_TYPE } from '../../analysis/rural';
import type { Bbox } from '../../places';
import type { HamletProperties, HamletRecord } from '../../hamlet-details';
import { firstDuplicate, inBatches } from './batches';
import { featureCollectionFromRows } from './geojson-rows';
import { ensureDataset, type DatasetRecord } from './datasets';
import { assertValidGeometries } from './geometry-validation';
import { OVERLAP_REFUSED_SHARE } from '../../boundary-upload';
import { selectRows, type Database } from './index';
import { hamletBoundaryFeatureSchema, hamletFeatureSchema, validFeatures } from './input-schemas';
import { refusedLoad } from './load-error';
import { communes, datasets, hamlets } from './schema';
import { datasetLoadEvent } from './audit';
import { withWrite, type Actor } from './write';
import { currentHamlets, isCurrentHamlet } from './current-hamlets';

const HAMLETS_FILE = { vi: 'thôn/tổ dân phố', en: 'hamlets' };
const BOUNDARIES_FILE = { vi: 'ranh giới thôn/tổ dân phố', en: 'hamlet boundaries' };

/** Refuses an input that lists the same hamlet id twice, naming the second occurrence. */
function assertUniqueHamletIds(ids: number[]): void {
	const duplicate = firstDuplicate(ids);
	if (duplicate) {
		throw refusedLoad(
			'duplicate-key',
			{ vi: `Mã thôn ${duplicate.value} bị trùng`, en: `Hamlet id ${duplicate.value} appears twice` },
			`features[${duplicate.index}].properties.id`
		);
	}
}

/** Codes that are not in the communes table, for a clear "unknown commune" error. */
async function findUnknownCommuneCode(db: Database, codes: string[]): Promise<string | undefined> {
	const unique = [...new Set(codes)];
	const known = await db.select({ code: communes.code }).from(communes).where(inArray(communes.code, unique));
	const knownCodes = new Set(known.map((row) => row.code));
	return unique.find((code) => !knownCodes.has(code));
}

/** Throws when a hamlet's interior point is outside the commune it claims to belong to. */
async function assertHamletsInsideCommunes(db: Database, ids: number[]): Promise<void> {
	const outside = await db
		.select({ id: hamlets.id, name: hamlets.name, communeCode: hamlets.communeCode })
		.from(hamlets)
		.innerJoin(communes, eq(communes.code, hamlets.communeCode))
		.where(
			and(
				inArray(hamlets.id, ids),
				sql`NOT ST_Intersects(ST_PointOnSurface(${hamlets.geom}), ${communes.geom})`
			)
		)
		.limit(1);
	const hamlet = outside[0];
	if (hamlet) {
		throw refusedLoad('invalid-geometry', {
			vi: `Thôn/tổ dân phố ${hamlet.id} (${hamlet.name}) nằm ngoài xã/phường ${hamlet.communeCode}`,
			en: `Hamlet ${hamlet.id} (${hamlet.name}) lies outside commune ${hamlet.communeCode}`
		});
	}
}

/**
 * Throws when one of the hamlets `ids` overlaps another hamlet by more than OVERLAP_REFUSED_SHARE of the
 * smaller one (neighbours that share an edge do not overlap). Uses the GiST index: only neighbours are
 * compared, and only those whose interiors meet are measured.
 */
export async function assertNoOverlappingHamlets(
	db: Database,
	ids: number[],
	pathOf: (index: number) => string = (index) => `features[${index}].geometry`
): Promise<void> {
	const [overlap] = await selectRows<{ a: number; b: number; share: number }>(
		db,
		sql`
			WITH touched AS (
				SELECT id, geom FROM hamlets
				WHERE id IN (SELECT value::int FROM jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))
			),
			pairs AS (
				SELECT t.id AS a, h.id AS b, t.geom AS ga, h.geom AS gb
				FROM touched t JOIN ${currentHamlets} h
					ON h.id <> t.id AND h.geom && t.geom
						AND ST_Relate(t.geom, h.geom, '2********')
			)
			SELECT a, b, ST_Area(ST_Intersection(ga, gb)) / least(ST_Area(ga), ST_Area(gb)) AS share
			FROM pairs
			WHERE ST_Area(ST_Intersection(ga, gb)) > ${OVERLAP_REFUSED_SHARE}::float8 * least(ST_Area(ga), ST_Area(gb))
			ORDER BY a, b
			LIMIT 1`
	);
	if (overlap) {
		const share = `${(Number(overlap.share) * 100).toFixed(1)}%`;
		throw refusedLoad(
			'overlapping-hamlets',
			{
				vi: `Thôn ${overlap.a} chồng lấn thôn ${overlap.b} (${share} thôn nhỏ hơn)`,
				en: `Hamlet ${overlap.a} overlaps hamlet ${overlap.b} (${share} of the smaller)`
			},
			pathOf(ids.indexOf(overlap.a))
		);
	}
}

/**
 * Loads hamlets with their figures from GeoJSON text, all or nothing. Refuses broken JSON, bad values,
 * duplicate ids, unknown commune codes, invalid polygons, hamlets outside their commune and overlapping
 * hamlets (and, before any SQL, empty files, too many vertices and coordinates away from Hanoi).
 * Returns the number of hamlets loaded.
 */
export async function loadHamlets(
	db: Database,
	actor: Actor,
	geojsonText: string,
	dataset: DatasetRecord
): Promise<number> {
	const features = validFeatures(hamletFeatureSchema, geojsonText, HAMLETS_FILE);
	assertUniqueHamletIds(features.map((feature) => feature.properties.id));
	return withWrite(db, actor, async (tx) => {
		const unknownCode = await findUnknownCommuneCode(
			tx,
			features.map((feature) => feature.properties.communeCode)
		);
		if (unknownCode !== undefined) {
			const index = features.findIndex((feature) => feature.properties.communeCode === unknownCode);
			throw refusedLoad(
				'unknown-commune',
				{ vi: `Không có xã/phường mã ${unknownCode}`, en: `No commune has code ${unknownCode}` },
				`features[${index}].properties.communeCode`
			);
		}
		await assertValidGeometries(
			tx,
			features.map((feature) => feature.geometry),
			'features'
		);
		await ensureDataset(tx, dataset);
		for (const batch of inBatches(features)) {
			await tx
				.insert(hamlets)
				.values(
					batch.map(({ properties, geometry }) => ({ ...properties, geom: geometry, datasetId: dataset.id }))
				);
		}
		const ids = features.map((feature) => feature.properties.id);
		await assertHamletsInsideCommunes(tx, ids);
		await assertNoOverlappingHamlets(tx, ids);
		return { value: features.length, audit: datasetLoadEvent('hamlets', dataset, features.length) };
	});
}

/**
 * Replaces the boundaries of existing hamlets (matched by id) with uploaded ones, e.g. official
 * boundaries drawn by the commune, and marks them 'official'. Their figures and history stay.
 * All or nothing; returns the number of hamlets updated.
 */
export async function replaceHamletBoundaries(
	db: Database,
	actor: Actor,
	geojsonText: string
): Promise<number> {
	const features = validFeatures(hamletBoundaryFeatureSchema, geojsonText, BOUNDARIES_FILE);
	const ids = features.map((feature) => feature.properties.id);
	assertUniqueHamletIds(ids);
	return withWrite(db, actor, async (tx) => {
		const stored = await tx
			.select({ id: hamlets.id, communeCode: hamlets.communeCode, boundarySource: hamlets.boundarySource })
			.from(hamlets)
			.where(inArray(hamlets.id, ids));
		const known = new Set(stored.map((row) => row.id));
		const unknownIndex = ids.findIndex((id) => !known.has(id));
		if (unknownIndex >= 0) {
			throw refusedLoad(
				'unknown-hamlet',
				{ vi: `Không có thôn mã ${ids[unknownIndex]}`, en: `No hamlet has id ${ids[unknownIndex]}` },
				`features[${unknownIndex}].properties.id`
			);
		}
		await assertValidGeometries(
			tx,
			features.map((feature) => feature.geometry),
			'features'
		);
		for (const feature of features) {
			await tx
				.update(hamlets)
				.set({ geom: feature.geometry, boundarySource: 'official' })
				.where(eq(hamlets.id, feature.properties.id));
		}
		await assertHamletsInsideCommunes(tx, ids);
		await assertNoOverlappingHamlets(tx, ids);
		// The polygons are too large for the trail: it keeps which hamlets changed and their former source.
		const communeCodes = [...new Set(stored.map((row) => row.communeCode))];
		return {
			value: features.length,
			audit: {
				action: 'hamlet-boundaries.replace',
				entityType: 'hamlets',
				entityId: null,
				communeCode: communeCodes.length === 1 ? communeCodes[0] : null,
				changes: {
					hamlets: stored.map(({ id, boundarySource }) => ({
						id,
						before: boundarySource,
						after: 'official'
					})),
					communeCodes
				}
			}
		};
	});
}

/** The columns of HamletProperties, shared by every query that returns them. */
const HAMLET_PROPERTY_COLUMNS = {
	id: hamlets.id,
	communeCode: hamlets.communeCode,
	name: hamlets.name,
	kind: hamlets.kind,
	households: hamlets.households,
	adults: hamlets.adults,
	elderly: hamlets.elderly,
	minorityShare: hamlets.minorityShare,
	isRural: hamlets.isRural,
	boundarySource: hamlets.boundarySource,
	datasetKind: datasets.kind
};

/** One hamlet with its commune's names and its bounding box, or undefined when the id is unknown. */
export async function hamletRecord(db: Database, id: number): Promise<HamletRecord | undefined> {
	const [row] = await db
		.select({
			...HAMLET_PROPERTY_COLUMNS,
			communeName: communes.name,
			communeFullName: communes.fullName,
			communeUnitType: communes.unitType,
			west: sql<number>`ST_XMin(${hamlets.geom})`,
			south: sql<number>`ST_YMin(${hamlets.geom})`,
			east: sql<number>`ST_XMax(${hamlets.geom})`,
			north: sql<number>`ST_YMax(${hamlets.geom})`
		})
		.from(hamlets)
		.innerJoin(datasets, eq(datasets.id, hamlets.datasetId))
		.innerJoin(communes, eq(communes.code, hamlets.communeCode))
		.where(and(eq(hamlets.id, id), isCurrentHamlet));
	if (!row) return undefined;
	const { communeName, communeFullName, communeUnitType, west, south, east, north, ...properties } = row;
	return {
		...properties,
		commune: {
			code: properties.communeCode,
			name: communeName,
			fullName: communeFullName,
			unitType: communeUnitType
		},
		bbox: [west, south, east, north]
	};
}

/** The id and name of every current (not retired) hamlet of a commune, by id. */
export async function hamletNamesInCommune(
	db: Database,
	communeCode: string
): Promise<{ id: number; name: string }[]> {
	return db
		.select({ id: hamlets.id, name: hamlets.name })
		.from(hamlets)
		.where(and(eq(hamlets.communeCode, communeCode), isCurrentHamlet))
		.orderBy(asc(hamlets.id));
}

/** How many current hamlets have a generated (approximate) boundary: the map's source line says so. */
export async function approximateBoundaryCount(db: Database): Promise<number> {
	const [row] = await db
		.select({ count: sql<number>`count(*)::int` })
		.from(hamlets)
		.where(and(eq(hamlets.boundarySource, 'approximate'), isCurrentHamlet));
	return row?.count ?? 0;
}

/** Hamlets whose polygon intersects a bbox, as GeoJSON ordered by id (uses the GiST index). */
export async function hamletsInBbox(
	db: Database,
	bbox: Bbox
): Promise<FeatureCollection<MultiPolygon, HamletProperties>> {
	const [west, south, east, north] = bbox;
	const envelope = sql`ST_MakeEnvelope(${west}, ${south}, ${east}, ${north}, 4326)`;
	const rows = await db
		.select({
			...HAMLET_PROPERTY_COLUMNS,
			geometry: sql<string>`ST_AsGeoJSON(${hamlets.geom}, 6)`
		})
		.from(hamlets)
		.innerJoin(datasets, eq(datasets.id, hamlets.datasetId))
		.where(
			and(
				sql`${hamlets.geom} && ${envelope}`,
				sql`ST_Intersects(${hamlets.geom}, ${envelope})`,
				isCurrentHamlet
			)
		)
		.orderBy(asc(hamlets.id));
	return featureCollectionFromRows<MultiPolygon, HamletProperties>(rows, (hamlet) => hamlet.id);
}

/** What the gap analysis reads of each hamlet: its figures that do not change by month, and its polygon. */
export interface HamletAnalysisRow {
	id: number;
	name: string;
	communeCode: string;
	/** Whether its commune is a phường. */
	isWard: boolean;
	isRural: boolean;
	elderly: number;
	minorityShare: number;
	/** The polygon as GeoJSON text (ST_AsGeoJSON, full precision). */
	geometry: string;
}

/** Every hamlet for the gap analysis, by id. */
export async function hamletAnalysisRows(db: Database): Promise<HamletAnalysisRow[]> {
	return selectRows<HamletAnalysisRow>(
		db,
		sql`
			SELECT h.id, h.name, h.commune_code AS "communeCode", c.unit_type = ${URBAN_UNIT_TYPE} AS "isWard",
				h.is_rural AS "isRural", h.elderly, h.minority_share AS "minorityShare",
				ST_AsGeoJSON(h.geom) AS geometry
			FROM ${currentHamlets} h JOIN communes c ON c.code = h.commune_code
			ORDER BY h.id`
	);
}
