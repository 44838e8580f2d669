// Which hamlet a phone is in: point in polygon, else the nearest hamlet and how far its boundary is.
// Pure, on [lng, lat]; distances on a local flat projection, exact enough within a commune (a few km).
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon, Position } from 'geojson';

interface Locatable {
	id: number;
	geometry: Polygon | MultiPolygon;
}

/** The hamlet containing the position, or the nearest one with the distance to its boundary in metres. */
export type Located<T> =
	{ hamlet: T; inside: true; distanceM: 0 } | { hamlet: T; inside: false; distanceM: number };

const EARTH_RADIUS_M = 6_371_008.8;

/** Metres from `point` to the segment a–b, on an equirectangular projection around `point`. */
function segmentDistanceM(point: Position, a: Position, b: Position): number {
	const radians = Math.PI / 180;
	const cos = Math.cos(point[1]! * radians);
	const project = (p: Position): [number, number] => [
		(p[0]! - point[0]!) * radians * cos * EARTH_RADIUS_M,
		(p[1]! - point[1]!) * radians * EARTH_RADIUS_M
	];
	const [ax, ay] = project(a);
	const [bx, by] = project(b);
	const dx = bx - ax;
	const dy = by - ay;
	const lengthSquared = dx * dx + dy * dy;
	const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
	return Math.hypot(ax + t * dx, ay + t * dy);
}

/** Metres from `point` to the nearest edge of the polygon(s). */
function boundaryDistanceM(point: Position, geometry: Polygon | MultiPolygon): number {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	let nearest = Infinity;
	for (const polygon of polygons) {
		for (const ring of polygon) {
			for (let index = 1; index < ring.length; index += 1) {
				nearest = Math.min(nearest, segmentDistanceM(point, ring[index - 1]!, ring[index]!));
			}
		}
	}
	return nearest;
}

/** Where `point` ([lng, lat]) is among `hamlets`; undefined when there are none. */
export function locateHamlet<T extends Locatable>(
	point: Position,
	hamlets: readonly T[]
): Located<T> | undefined {
	let nearest: { hamlet: T; distanceM: number } | undefined;
	for (const hamlet of hamlets) {
		if (booleanPointInPolygon(point, hamlet.geometry)) return { hamlet, inside: true, distanceM: 0 };
		const distanceM = boundaryDistanceM(point, hamlet.geometry);
		if (!nearest || distanceM < nearest.distanceM) nearest = { hamlet, distanceM };
	}
	return nearest && { ...nearest, inside: false };
}
