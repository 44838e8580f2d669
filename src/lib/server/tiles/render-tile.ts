import GeoJSONVT from 'geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection, Geometry } from 'geojson';
import type { TileLayer } from '../../tiles';
import type { DatabaseHandle } from '../db/index';
import { TILE_PROPERTY_NAMES, tileFeatureRows, tileMvt } from '../db/tiles';
import { TILE_BUFFER, TILE_EXTENT, type TileCoordinates } from './tile-math';

/**
 * Bump when the bytes of a tile change for the same data (attributes, simplification, encoder), so
 * ETags and `?v=` versions change with it and caches drop the old tiles.
 */
export const TILE_ENCODER_VERSION = 2; // 2: `rural` follows `isRuralHamlet`, not the hamlet's flag alone

/**
 * PGlite has no protobuf, so no ST_AsMVT: the same features come out as GeoJSON, and geojson-vt +
 * vt-pbf cut and encode them for this one tile.
 */
async function renderWithGeojsonVt(handle: DatabaseHandle, layer: TileLayer, tile: TileCoordinates) {
	const { z, x, y } = tile;
	const rows = await tileFeatureRows(handle.db, layer, tile);
	if (rows.length === 0) return null;
	const collection: FeatureCollection = {
		type: 'FeatureCollection',
		features: rows.map((row) => ({
			type: 'Feature',
			id: Number(row.id),
			properties: Object.fromEntries(TILE_PROPERTY_NAMES[layer].map((name) => [name, row[name]])),
			geometry: JSON.parse(row.geometry) as Geometry
		}))
	};
	// One index per request, for this tile only: the rows are already limited to it. The SQL has
	// simplified, so geojson-vt must not (tolerance 0); its maxZoom must reach the requested zoom.
	const index = new GeoJSONVT(collection, {
		maxZoom: z,
		indexMaxZoom: 0,
		tolerance: 0,
		extent: TILE_EXTENT,
		buffer: TILE_BUFFER
	});
	const cutFeatures = (index.getTile(z, x, y)?.features ?? []).flatMap(withoutFlatRings);
	if (cutFeatures.length === 0) return null;
	type VtTile = Parameters<typeof fromGeojsonVt>[0][string];
	// geojson-vt 5's tile has the shape vt-pbf reads (features with type, geometry, tags, id).
	const cut = { features: cutFeatures } as unknown as VtTile;
	return fromGeojsonVt({ [layer]: cut }, { version: 2, extent: TILE_EXTENT });
}

type CutFeature = NonNullable<ReturnType<GeoJSONVT['getTile']>>['features'][number];

/** Twice the signed area of a ring in tile units (shoelace). */
function doubleArea(ring: [number, number][]): number {
	let sum = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		sum += (ring[j]![0] - ring[i]![0]) * (ring[i]![1] + ring[j]![1]);
	}
	return sum;
}

/**
 * Drops polygon rings that the cut and the grid snap flattened to no area (a polygon just outside
 * the buffer leaves a line along its edge), and the feature if nothing is left, as ST_AsMVTGeom does.
 */
function withoutFlatRings(feature: CutFeature): CutFeature[] {
	if (feature.type !== 3) return [feature];
	const rings = feature.geometry.filter((ring) => doubleArea(ring) !== 0);
	return rings.length > 0 ? [{ ...feature, geometry: rings }] : [];
}

/**
 * The Mapbox Vector Tile (spec v2, extent 4096, buffer 64) of one layer at z/x/y, or null when no
 * feature touches the tile. z/x/y must be valid (see parseTileCoordinates). On PostgreSQL it is
 * encoded by ST_AsMVT; on PGlite by geojson-vt + vt-pbf from the same SQL features.
 */
export async function renderTile(
	handle: DatabaseHandle,
	layer: TileLayer,
	z: number,
	x: number,
	y: number
): Promise<Uint8Array | null> {
	const tile = { z, x, y };
	return handle.driver === 'pg' ? tileMvt(handle.db, layer, tile) : renderWithGeojsonVt(handle, layer, tile);
}
