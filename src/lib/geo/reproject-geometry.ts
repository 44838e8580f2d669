import type { MultiPolygon, Position } from 'geojson';
import proj4 from 'proj4';
import type { Crs } from './crs';

/**
 * A MultiPolygon's coordinates from `crs` into WGS 84 `[lng, lat]` (proj4, with the CRS's datum shift),
 * rounded to 1e-7° (≈ 1 cm). WGS 84 input is returned as is.
 */
export function reprojectGeometry(geometry: MultiPolygon, crs: Crs): MultiPolygon {
	if (crs.kind === 'wgs84') return geometry;
	const converter = proj4(crs.proj4, 'WGS84');
	const toLngLat = ([x, y]: Position): Position => {
		const [lng, lat] = converter.forward([x!, y!]);
		return [Math.round(lng! * 1e7) / 1e7, Math.round(lat! * 1e7) / 1e7];
	};
	return {
		type: 'MultiPolygon',
		coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(toLngLat)))
	};
}
