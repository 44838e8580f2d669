// Web Mercator tile arithmetic (the XYZ scheme MapLibre requests: y = 0 at the north edge).

/** The deepest zoom the tile routes accept; MapLibre stops requesting at a source's maxzoom anyway. */
const MAX_REQUEST_ZOOM = 22;

/** Tile units per tile side: the MVT default, and what MapLibre expects. */
export const TILE_EXTENT = 4096;

/** Units drawn beyond each tile edge, so strokes do not show seams between tiles. */
export const TILE_BUFFER = 64;

export interface TileCoordinates {
	z: number;
	x: number;
	y: number;
}

/** [west, south, east, north] in degrees (WGS 84). */
export type LngLatBounds = [number, number, number, number];

export type TileCoordinatesResult =
	{ ok: true; tile: TileCoordinates } | { ok: false; message: { vi: string; en: string } };

const DIGITS = /^\d{1,8}$/;

/**
 * Validates the z/x/y segments of a tile URL: integers written as plain digits, 0 ≤ z ≤ 22 and
 * 0 ≤ x, y < 2^z. Anything else (signs, decimals, exponents, out of range) is refused with a reason.
 */
export function parseTileCoordinates(z: string, x: string, y: string): TileCoordinatesResult {
	if (!DIGITS.test(z) || !DIGITS.test(x) || !DIGITS.test(y)) {
		return {
			ok: false,
			message: {
				vi: `Ô bản đồ ${z}/${x}/${y} không hợp lệ: z, x, y phải là số nguyên không âm`,
				en: `Invalid tile ${z}/${x}/${y}: z, x and y must be non-negative integers`
			}
		};
	}
	const tile = { z: Number(z), x: Number(x), y: Number(y) };
	if (tile.z > MAX_REQUEST_ZOOM) {
		return {
			ok: false,
			message: {
				vi: `Ô bản đồ ${z}/${x}/${y} không hợp lệ: mức thu phóng tối đa là ${MAX_REQUEST_ZOOM}`,
				en: `Invalid tile ${z}/${x}/${y}: the maximum zoom is ${MAX_REQUEST_ZOOM}`
			}
		};
	}
	const size = 2 ** tile.z;
	if (tile.x >= size || tile.y >= size) {
		return {
			ok: false,
			message: {
				vi: `Ô bản đồ ${z}/${x}/${y} nằm ngoài lưới: ở mức ${tile.z}, x và y phải nhỏ hơn ${size}`,
				en: `Invalid tile ${z}/${x}/${y}: off the grid, at zoom ${tile.z} x and y must be below ${size}`
			}
		};
	}
	return { ok: true, tile };
}

/** Longitude of a tile column edge; `x` may be fractional. */
function longitudeOf(x: number, z: number): number {
	return (x / 2 ** z) * 360 - 180;
}

/** Latitude of a tile row edge (inverse Web Mercator); `y` may be fractional. */
function latitudeOf(y: number, z: number): number {
	const n = Math.PI * (1 - (2 * y) / 2 ** z);
	return (Math.atan(Math.sinh(n)) * 180) / Math.PI;
}

/**
 * The tile's bounds in lng/lat, grown on every side by `buffer` (a fraction of the tile's width, e.g.
 * 64 / 4096 for a 64-unit buffer). The edges are straight in both lng/lat and Web Mercator, so this
 * box selects exactly what the Mercator tile (ST_TileEnvelope) covers.
 */
export function tileBounds(tile: TileCoordinates, buffer = 0): LngLatBounds {
	const { z, x, y } = tile;
	return [
		longitudeOf(x - buffer, z),
		latitudeOf(y + 1 + buffer, z),
		longitudeOf(x + 1 + buffer, z),
		latitudeOf(y - buffer, z)
	];
}

/** The tile at zoom `z` that contains a point, e.g. to pick test tiles over a place. */
export function tileContaining(lng: number, lat: number, z: number): TileCoordinates {
	const size = 2 ** z;
	const sin = Math.sin((lat * Math.PI) / 180);
	const x = Math.floor(((lng + 180) / 360) * size);
	const y = Math.floor((0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size);
	return { z, x: Math.min(size - 1, Math.max(0, x)), y: Math.min(size - 1, Math.max(0, y)) };
}
