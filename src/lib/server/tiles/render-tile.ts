import GeoJSONVT from 'geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { FeatureCollection, Geometry } from 'geojson';
import { TILE_LAYER_INFO, type TileLayer } from '../../tiles';
import { selectRows, type DatabaseHandle } from '../db/index';
import { ruralHamletSql } from '../db/rural';
import { communes, hamlets } from '../db/schema';
import { tileBounds, type TileCoordinates } from './tile-math';

/** Tile units per tile side: the MVT default, and what MapLibre expects. */
export const TILE_EXTENT = 4096;

/** Units drawn beyond each tile edge, so strokes do not show seams between tiles. */
export const TILE_BUFFER = 64;

/**
 * Bump when the bytes of a tile change for the same data (attributes, simplification, encoder), so
 * ETags and `?v=` versions change with it and caches drop the old tiles.
 */
export const TILE_ENCODER_VERSION = 2; // 2: `rural` follows `isRuralHamlet`, not the hamlet's flag alone

/**
 * The Douglas–Peucker tolerance, in tile units, applied before the tile is cut. Neighbouring polygons
 * are simplified independently (PostGIS 3.3 has no coverage simplification), so a shared border can
 * move by up to the tolerance on each side: 2 units leave at most 4 units of gap or overlap, half a
 * pixel on a 512-pixel tile (8 units per pixel), which no one sees under a fill and an outline.
 * Measured on the demo data (bench tiles z10–z15), it makes hamlet tiles 31% and commune tiles 75%
 * smaller than the grid snap alone.
 */
const SIMPLIFY_UNITS = 2;

/**
 * The simplification tolerance in degrees for zoom `z`: `SIMPLIFY_UNITS` tile units of longitude
 * (a unit of latitude is 7% shorter in Hà Nội, close enough). None at or above the layer's max zoom,
 * whose tiles MapLibre magnifies (overzoom): there the only loss is the snap to the 4096 grid.
 */
export function simplifyTolerance(layer: TileLayer, z: number): number {
	if (z >= TILE_LAYER_INFO[layer].maxZoom) return 0;
	return (SIMPLIFY_UNITS * 360) / (2 ** z * TILE_EXTENT);
}

/**
 * The tile's lng/lat box grown by `bufferUnits` tile units, as a PostGIS envelope. Its edges are
 * lines of constant lng or lat, straight in Web Mercator too, so it is the same box as ST_TileEnvelope.
 */
function envelopeOf(tile: TileCoordinates, bufferUnits: number): SQL {
	const [west, south, east, north] = tileBounds(tile, bufferUnits / TILE_EXTENT);
	return sql`ST_MakeEnvelope(${west}::float8, ${south}::float8, ${east}::float8, ${north}::float8, 4326)`;
}

/**
 * The one definition of each layer's tile features, which both encoders read: the id, the
 * properties of HamletTileProperties / CommuneTileProperties (quoted aliases are the property names),
 * and the geometry in lng/lat, cut to the tile plus twice the buffer (so the encoder, not this cut,
 * makes the visible edge at the buffer) and simplified. Features only touching the cut-off margin
 * come out empty: the encoders drop them. ST_Simplify, not ST_SimplifyPreserveTopology: 3–12×
 * faster on the bench tiles, and the self-intersections it can make are below the grid snap;
 * `true` keeps tiny hamlets from vanishing at low zoom.
 */
function layerFeatures(layer: TileLayer, tile: TileCoordinates): SQL {
	const tolerance = simplifyTolerance(layer, tile.z);
	const near = envelopeOf(tile, TILE_BUFFER);
	const geometry = (geom: AnyColumn) => {
		const cut = sql`ST_ClipByBox2D(${geom}, ${envelopeOf(tile, 2 * TILE_BUFFER)})`;
		return tolerance > 0 ? sql`ST_Simplify(${cut}, ${tolerance}::float8, true)` : cut;
	};
	if (layer === 'hamlets') {
		return sql`SELECT ${hamlets.id} AS id,
				${hamlets.name} AS name,
				${hamlets.communeCode} AS "communeCode",
				${hamlets.kind}::text AS kind,
				${ruralHamletSql('hamlets', 'communes')} AS rural,
				(${hamlets.boundarySource} = 'approximate') AS approximate,
				${geometry(hamlets.geom)} AS geom
			FROM ${hamlets} JOIN ${communes} ON ${communes.code} = ${hamlets.communeCode}
			WHERE ${hamlets.geom} && ${near}`;
	}
	return sql`SELECT ${communes.code}::int AS id,
			${communes.code} AS code,
			${communes.name} AS name,
			${communes.fullName} AS "fullName",
			${communes.unitType}::text AS "unitType",
			${geometry(communes.geom)} AS geom
		FROM ${communes}
		WHERE ${communes.geom} && ${near}`;
}

/** The property columns of `layerFeatures`, in order, for the encoders to read back. */
const PROPERTY_NAMES: Record<TileLayer, string[]> = {
	hamlets: ['name', 'communeCode', 'kind', 'rural', 'approximate'],
	communes: ['code', 'name', 'fullName', 'unitType']
};

function propertyColumns(layer: TileLayer): SQL {
	return sql.raw(PROPERTY_NAMES[layer].map((name) => `"${name}"`).join(', '));
}

/** PostGIS: cut and encode the tile in the database (ST_AsMVTGeom + ST_AsMVT). */
async function renderWithPostgis(handle: DatabaseHandle, layer: TileLayer, tile: TileCoordinates) {
	const { z, x, y } = tile;
	const [row] = await selectRows<{ mvt: Uint8Array | null }>(
		handle.db,
		sql`WITH features AS (${layerFeatures(layer, tile)}),
			cut AS (
				SELECT id, ${propertyColumns(layer)},
					ST_AsMVTGeom(ST_Transform(geom, 3857), ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int),
						${TILE_EXTENT}::int, ${TILE_BUFFER}::int, true) AS geom
				FROM features
			)
			SELECT ST_AsMVT(cut.*, ${layer}::text, ${TILE_EXTENT}::int, 'geom', 'id') AS mvt
			FROM (SELECT * FROM cut WHERE geom IS NOT NULL ORDER BY id) cut`
	);
	const mvt = row?.mvt;
	return mvt && mvt.byteLength > 0 ? new Uint8Array(mvt) : null;
}

type GeoJsonRow = Record<string, unknown> & { id: number; geometry: string };

/**
 * PGlite has no protobuf, so no ST_AsMVT: the same features come out as GeoJSON, and geojson-vt +
 * vt-pbf cut and encode them for this one tile.
 */
async function renderWithGeojsonVt(handle: DatabaseHandle, layer: TileLayer, tile: TileCoordinates) {
	const { z, x, y } = tile;
	const rows = await selectRows<GeoJsonRow>(
		handle.db,
		sql`SELECT id, ${propertyColumns(layer)}, ST_AsGeoJSON(geom, 7) AS geometry
			FROM (${layerFeatures(layer, tile)}) features
			WHERE NOT ST_IsEmpty(geom)
			ORDER BY id`
	);
	if (rows.length === 0) return null;
	const collection: FeatureCollection = {
		type: 'FeatureCollection',
		features: rows.map((row) => ({
			type: 'Feature',
			id: Number(row.id),
			properties: Object.fromEntries(PROPERTY_NAMES[layer].map((name) => [name, row[name]])),
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
	return handle.driver === 'pg'
		? renderWithPostgis(handle, layer, tile)
		: renderWithGeojsonVt(handle, layer, tile);
}
