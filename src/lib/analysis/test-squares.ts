// Test and bench helper: axis-aligned squares, the shape most geometry fixtures are made of.
import type { Polygon, Position } from 'geojson';

/** The closed ring of a square of side `size` degrees with its south-west corner at [lng, lat], counter-clockwise. */
export function squareRing(lng: number, lat: number, size: number): Position[] {
	return [
		[lng, lat],
		[lng + size, lat],
		[lng + size, lat + size],
		[lng, lat + size],
		[lng, lat]
	];
}

/** That square as a polygon's coordinates: one ring, no holes. */
export function square(lng: number, lat: number, size: number): Position[][] {
	return [squareRing(lng, lat, size)];
}

/** That square as a GeoJSON Polygon. */
export function squarePolygon(lng: number, lat: number, size: number): Polygon {
	return { type: 'Polygon', coordinates: square(lng, lat, size) };
}
