// Polygons as SVG path data for the small maps of the dashboard, the commune page and the monthly
// report: drawn without MapLibre (no WebGL, so they print, render on the server and go into a PNG).
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** [west, south, east, north] in degrees. */
type Bbox = [number, number, number, number];

/** Degrees → SVG units for a box of `width` × `height`: equirectangular, scaled by cos(latitude). */
export interface SvgProjection {
	width: number;
	height: number;
	project(position: Position): [number, number];
}

/**
 * The projection that fits `bbox` into `width` (the height follows the box's shape). At Hanoi's
 * latitude a degree of longitude is ~0.93 of a degree of latitude; without the cosine the map would be
 * stretched sideways.
 */
export function fitSvgProjection(bbox: Bbox, width: number): SvgProjection {
	const [west, south, east, north] = bbox;
	const xScale = Math.cos((((south + north) / 2) * Math.PI) / 180);
	const spanX = Math.max((east - west) * xScale, 1e-9);
	const scale = width / spanX;
	const height = Math.max(1, Math.round((north - south) * scale));
	return {
		width,
		height,
		project: ([lng, lat]) => [(lng! - west) * xScale * scale, (north - lat!) * scale]
	};
}

/** One ring as `M…L…Z`, to one decimal (a tenth of an SVG unit is finer than any screen pixel). */
function ringPath(ring: Position[], projection: SvgProjection): string {
	let previous = '';
	const parts: string[] = [];
	for (const position of ring) {
		const [x, y] = projection.project(position);
		const point = `${x.toFixed(1)} ${y.toFixed(1)}`;
		// Points that round to the same place add bytes and nothing else.
		if (point === previous) continue;
		parts.push(point);
		previous = point;
	}
	return parts.length < 3 ? '' : `M${parts.join('L')}Z`;
}

/** A polygon's or multipolygon's path data (holes drawn with the even-odd rule). */
export function svgPath(geometry: Polygon | MultiPolygon, projection: SvgProjection): string {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	return polygons.flatMap((rings) => rings.map((ring) => ringPath(ring, projection))).join('');
}
