// The SQL of the vector tiles: which features a tile holds, cut and simplified; encoded by ST_AsMVT on
// PostGIS here, or read back as GeoJSON rows for the geojson-vt encoder (../tiles/render-tile.ts).
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import {
	TILE_LAYER_INFO,
	type CommuneTileProperties,
	type HamletTileProperties,
	type TileLayer
} from '../../tiles';
import { TILE_BUFFER, TILE_EXTENT, tileBounds, type TileCoordinates } from '../tiles/tile-math';
import { selectRows, type Database } from './index';
import { ruralHamletSql } from './rural';
import { communes, hamlets } from './schema';
import { isCurrentHamlet } from './current-hamlets';

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
			WHERE ${hamlets.geom} && ${near} AND ${isCurrentHamlet}`;
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

/**
 * The property columns of `layerFeatures`, in order, for the encoders to read back: exactly the
 * properties the map reads from each layer's features ($lib/tiles).
 */
export const TILE_PROPERTY_NAMES: {
	hamlets: (keyof HamletTileProperties)[];
	communes: (keyof CommuneTileProperties)[];
} = {
	hamlets: ['name', 'communeCode', 'kind', 'rural', 'approximate'],
	communes: ['code', 'name', 'fullName', 'unitType']
};

function propertyColumns(layer: TileLayer): SQL {
	return sql.raw(TILE_PROPERTY_NAMES[layer].map((name) => `"${name}"`).join(', '));
}

/** PostGIS: the tile cut and encoded in the database (ST_AsMVTGeom + ST_AsMVT); null when empty. */
export async function tileMvt(
	db: Database,
	layer: TileLayer,
	tile: TileCoordinates
): Promise<Uint8Array | null> {
	const { z, x, y } = tile;
	const [row] = await selectRows<{ mvt: Uint8Array | null }>(
		db,
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

/** A tile feature as GeoJSON: its id, the layer's properties (TILE_PROPERTY_NAMES) and the geometry text. */
export type TileFeatureRow = Record<string, unknown> & { id: number; geometry: string };

/** The same features as `tileMvt` encodes, as GeoJSON rows by id, for encoders outside the database. */
export async function tileFeatureRows(
	db: Database,
	layer: TileLayer,
	tile: TileCoordinates
): Promise<TileFeatureRow[]> {
	return selectRows<TileFeatureRow>(
		db,
		sql`SELECT id, ${propertyColumns(layer)}, ST_AsGeoJSON(geom, 7) AS geometry
			FROM (${layerFeatures(layer, tile)}) features
			WHERE NOT ST_IsEmpty(geom)
			ORDER BY id`
	);
}
