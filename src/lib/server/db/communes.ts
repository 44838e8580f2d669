import { asc, eq, sql } from 'drizzle-orm';
import type { FeatureCollection, MultiPolygon, Point } from 'geojson';
import type { DatasetKind, UnitType } from '../../domain';
import { ensureDataset, OFFICIAL_UNITS_DATASET, type DatasetRecord } from './datasets';
import { featureCollectionFromRows } from './geojson-rows';
import { assertValidGeometries } from './geometry-validation';
import type { Database } from './index';
import { communeFeatureSchema, toUnitType, validFeatures } from './input-schemas';
import { refusedLoad } from './load-error';
import { communes, datasets } from './schema';
import { datasetLoadEvent } from './audit';
import { withWrite, type Actor } from './write';

export interface CommuneProperties {
	code: string;
	name: string;
	fullName: string;
	unitType: UnitType;
	population: number;
	areaKm2: number;
	datasetKind: DatasetKind;
}

export interface CommuneLabelProperties {
	code: string;
	name: string;
	fullName: string;
	unitType: UnitType;
}

/** The columns that name a commune, shared by the outline and label queries. */
const COMMUNE_LABEL_COLUMNS = {
	code: communes.code,
	name: communes.name,
	fullName: communes.fullName,
	unitType: communes.unitType
};

const COMMUNES_FILE = { vi: 'xã/phường', en: 'communes' };

/**
 * Loads Hanoi's commune-level units from GeoJSON text (the shape of geodata/hanoi_2025_communes_full.geojson),
 * all or nothing: a broken file, a bad code, a duplicate or an invalid polygon leaves the table unchanged.
 * Returns the number of communes loaded.
 */
export async function loadCommunes(
	db: Database,
	actor: Actor,
	geojsonText: string,
	dataset: DatasetRecord = OFFICIAL_UNITS_DATASET
): Promise<number> {
	const features = validFeatures(communeFeatureSchema, geojsonText, COMMUNES_FILE);
	const seen = new Set<string>();
	features.forEach((feature, index) => {
		const code = feature.properties.code;
		if (seen.has(code)) {
			throw refusedLoad(
				'duplicate-key',
				{ vi: `Mã xã/phường ${code} bị trùng`, en: `Commune code ${code} appears twice` },
				`features[${index}].properties.code`
			);
		}
		seen.add(code);
	});
	return withWrite(db, actor, async (tx) => {
		await assertValidGeometries(
			tx,
			features.map((feature) => feature.geometry),
			'features'
		);
		await ensureDataset(tx, dataset);
		const rows = features.map((feature) => {
			const { properties } = feature;
			return {
				code: properties.code,
				name: properties.name,
				fullName: properties.fullName,
				unitType: toUnitType(properties.unitType),
				population: properties.popSapnhap,
				areaKm2: properties.areaKm2,
				seat: sql`COALESCE(${
					properties.adminCenterLon != null && properties.adminCenterLat != null
						? sql`ST_SetSRID(ST_MakePoint(${properties.adminCenterLon}, ${properties.adminCenterLat}), 4326)`
						: sql`NULL::geometry`
				}, ST_PointOnSurface(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(feature.geometry)}), 4326)))`,
				geom: feature.geometry,
				datasetId: dataset.id
			};
		});
		// Re-loading replaces a commune's attributes and outline but keeps its code, so hamlets stay attached.
		await tx
			.insert(communes)
			.values(rows)
			.onConflictDoUpdate({
				target: communes.code,
				set: {
					name: sql`excluded.name`,
					fullName: sql`excluded.full_name`,
					unitType: sql`excluded.unit_type`,
					population: sql`excluded.population`,
					areaKm2: sql`excluded.area_km2`,
					seat: sql`excluded.seat`,
					geom: sql`excluded.geom`,
					datasetId: sql`excluded.dataset_id`
				}
			});
		return { value: rows.length, audit: datasetLoadEvent('communes', dataset, rows.length) };
	});
}

/**
 * All communes as GeoJSON, ordered by code. `simplifyTolerance` (degrees) thins outlines for display;
 * area and analysis should use the unsimplified geometry.
 */
export async function communesFeatureCollection(
	db: Database,
	options: { simplifyTolerance?: number } = {}
): Promise<FeatureCollection<MultiPolygon, CommuneProperties>> {
	const tolerance = options.simplifyTolerance ?? 0;
	const geometry =
		tolerance > 0
			? sql<string>`ST_AsGeoJSON(ST_Multi(ST_SimplifyPreserveTopology(${communes.geom}, ${tolerance})), 6)`
			: sql<string>`ST_AsGeoJSON(${communes.geom}, 6)`;
	const rows = await db
		.select({
			...COMMUNE_LABEL_COLUMNS,
			population: communes.population,
			areaKm2: communes.areaKm2,
			datasetKind: datasets.kind,
			geometry
		})
		.from(communes)
		.innerJoin(datasets, eq(datasets.id, communes.datasetId))
		.orderBy(asc(communes.code));
	return featureCollectionFromRows<MultiPolygon, CommuneProperties>(rows, (commune) => Number(commune.code));
}

/** One label point per commune: its administrative seat when inside the commune, else a point on its surface. */
export async function communeLabelPoints(
	db: Database
): Promise<FeatureCollection<Point, CommuneLabelProperties>> {
	const rows = await db
		.select({
			...COMMUNE_LABEL_COLUMNS,
			geometry: sql<string>`ST_AsGeoJSON(CASE WHEN ST_Intersects(${communes.seat}, ${communes.geom})
				THEN ${communes.seat} ELSE ST_PointOnSurface(${communes.geom}) END, 6)`
		})
		.from(communes)
		.orderBy(asc(communes.code));
	return featureCollectionFromRows<Point, CommuneLabelProperties>(rows, (commune) => Number(commune.code));
}

/** The commune with this code (its names and kind), or null: the one lookup of a commune by code. */
export async function findCommune(db: Database, code: string): Promise<CommuneLabelProperties | null> {
	// Not a code at all: no need to ask the database.
	if (!/^\d{5}$/.test(code)) return null;
	const [row] = await db.select(COMMUNE_LABEL_COLUMNS).from(communes).where(eq(communes.code, code)).limit(1);
	return row ?? null;
}

/** How many communes are stored: none means the database has never been seeded. */
export async function communeCount(db: Database): Promise<number> {
	return db.$count(communes);
}

/** Every commune's code and names, by name: what a form offers to choose from. */
export async function listCommunes(db: Database): Promise<CommuneLabelProperties[]> {
	return db.select(COMMUNE_LABEL_COLUMNS).from(communes).orderBy(asc(communes.name), asc(communes.code));
}
