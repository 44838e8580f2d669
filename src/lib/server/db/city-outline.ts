import { asc, sql } from 'drizzle-orm';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { firstDuplicate } from './batches';
import { ensureDataset, OFFICIAL_UNITS_DATASET, type DatasetRecord } from './datasets';
import { featureCollectionFromRows } from './geojson-rows';
import { assertValidGeometries } from './geometry-validation';
import type { Database } from './index';
import { cityOutlineFeatureSchema, validFeatures } from './input-schemas';
import { refusedLoad } from './load-error';
import { cityOutlines } from './schema';
import { datasetLoadEvent } from './audit';
import { withWrite, type Actor } from './write';

/** The properties of the city outline's feature. */
export interface CityOutlineProperties {
	code: string;
	name: string;
	fullName: string;
}

const OUTLINE_FILE = { vi: 'ranh giới thành phố', en: 'city outline' };

/**
 * Replaces the stored city outline with the features of GeoJSON text (the shape of
 * geodata/hanoi_2025_province.geojson), all or nothing: broken JSON, a bad code, a code twice or an
 * invalid polygon leave the stored outline as it was. Returns the number of features loaded.
 */
export async function loadCityOutline(
	db: Database,
	actor: Actor,
	geojsonText: string,
	dataset: DatasetRecord = OFFICIAL_UNITS_DATASET
): Promise<number> {
	const features = validFeatures(cityOutlineFeatureSchema, geojsonText, OUTLINE_FILE);
	const duplicate = firstDuplicate(features.map((feature) => feature.properties.code));
	if (duplicate) {
		throw refusedLoad(
			'duplicate-key',
			{ vi: `Mã ${duplicate.value} bị trùng`, en: `Code ${duplicate.value} appears twice` },
			`features[${duplicate.index}].properties.code`
		);
	}
	return withWrite(db, actor, async (tx) => {
		await assertValidGeometries(
			tx,
			features.map((feature) => feature.geometry),
			'features'
		);
		await ensureDataset(tx, dataset);
		await tx.delete(cityOutlines);
		await tx.insert(cityOutlines).values(
			features.map(({ properties, geometry }) => ({
				code: properties.code,
				name: properties.name,
				fullName: properties.fullName,
				geom: geometry,
				datasetId: dataset.id
			}))
		);
		return { value: features.length, audit: datasetLoadEvent('city_outlines', dataset, features.length) };
	});
}

/** The city outline (WGS 84, `[lng, lat]`, 6 decimals as in the source file), by code. */
export async function cityOutlineCollection(
	db: Database
): Promise<FeatureCollection<MultiPolygon, CityOutlineProperties>> {
	const rows = await db
		.select({
			code: cityOutlines.code,
			name: cityOutlines.name,
			fullName: cityOutlines.fullName,
			geometry: sql<string>`ST_AsGeoJSON(${cityOutlines.geom}, 6)`
		})
		.from(cityOutlines)
		.orderBy(asc(cityOutlines.code));
	return featureCollectionFromRows<MultiPolygon, CityOutlineProperties>(rows, (outline) =>
		Number(outline.code)
	);
}
