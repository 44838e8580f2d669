import type { MultiPolygon, Polygon, Position } from 'geojson';

// Validity is decided on the 6-decimal grid the hamlet file is written on: as integers of micro-degrees every
// orientation product stays below 2^53, so the tests are exact instead of epsilon-based.
const GRID = 1e6;

interface Ring {
	polygon: number;
	isShell: boolean;
	xs: number[];
	ys: number[];
}

interface Segment {
	ring: number;
	index: number;
	ax: number;
	ay: number;
	bx: number;
	by: number;
	minX: number;
	maxX: number;
	minY: number;
	maxY: number;
}

type Location = 'inside' | 'outside' | 'boundary';

/** Options of `findValidityError`. */
export interface ValidityOptions {
	/** Also require RFC 7946 winding: shells counter-clockwise, holes clockwise. */
	rightHandRule?: boolean;
}

/**
 * Explains why a Polygon or MultiPolygon is not valid in the OGC Simple Features sense (rings closed, simple,
 * not crossing, holes inside their shell, parts not overlapping), or returns null when it is valid.
 * Coordinates are snapped to 1e-6 degrees first, so use it on 6-decimal geometries.
 */
export function findValidityError(
	geometry: Polygon | MultiPolygon,
	options: ValidityOptions = {}
): string | null {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	if (polygons.length === 0) return 'no polygons';
	const rings: Ring[] = [];
	for (const [polygonIndex, polygon] of polygons.entries()) {
		if (polygon.length === 0) return `polygon ${polygonIndex} has no rings`;
		for (const [ringIndex, positions] of polygon.entries()) {
			const where = `polygon ${polygonIndex} ring ${ringIndex}`;
			const ring = toGridRing(positions, polygonIndex, ringIndex === 0);
			if (typeof ring === 'string') return `${where}: ${ring}`;
			const signedArea = ringSignedArea(ring);
			if (signedArea === 0) return `${where}: zero area`;
			if (options.rightHandRule && signedArea > 0 !== ring.isShell) {
				return `${where}: ${ring.isShell ? 'shell is not counter-clockwise' : 'hole is not clockwise'}`;
			}
			rings.push(ring);
		}
	}
	return findSegmentError(rings) ?? findNestingError(rings);
}

function toGridRing(positions: Position[], polygon: number, isShell: boolean): Ring | string {
	if (positions.length < 4) return 'fewer than 4 positions';
	const xs: number[] = [];
	const ys: number[] = [];
	for (const position of positions) {
		const [lng, lat] = position;
		if (lng === undefined || lat === undefined || !Number.isFinite(lng) || !Number.isFinite(lat)) {
			return 'non-finite coordinate';
		}
		xs.push(Math.round(lng * GRID));
		ys.push(Math.round(lat * GRID));
	}
	const last = xs.length - 1;
	if (xs[0] !== xs[last] || ys[0] !== ys[last]) return 'not closed';
	xs.pop();
	ys.pop();
	for (let index = 0; index < xs.length; index++) {
		const next = (index + 1) % xs.length;
		if (xs[index] === xs[next] && ys[index] === ys[next]) return `repeated vertex at ${index}`;
	}
	if (xs.length < 3) return 'fewer than 3 distinct vertices';
	return { polygon, isShell, xs, ys };
}

function ringSignedArea(ring: Ring): number {
	// Relative to the first vertex so the products stay small and exact.
	const { xs, ys } = ring;
	const originX = xs[0]!;
	const originY = ys[0]!;
	let sum = 0;
	for (let index = 1; index < xs.length - 1; index++) {
		sum +=
			(xs[index]! - originX) * (ys[index + 1]! - originY) -
			(xs[index + 1]! - originX) * (ys[index]! - originY);
	}
	return sum / 2;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
	return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

function onSegment(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
	return (
		orient(ax, ay, bx, by, px, py) === 0 &&
		px >= Math.min(ax, bx) &&
		px <= Math.max(ax, bx) &&
		py >= Math.min(ay, by) &&
		py <= Math.max(ay, by)
	);
}

function findSegmentError(rings: Ring[]): string | null {
	const segments: Segment[] = [];
	for (const [ringIndex, ring] of rings.entries()) {
		for (let index = 0; index < ring.xs.length; index++) {
			const next = (index + 1) % ring.xs.length;
			const ax = ring.xs[index]!;
			const ay = ring.ys[index]!;
			const bx = ring.xs[next]!;
			const by = ring.ys[next]!;
			segments.push({
				ring: ringIndex,
				index,
				ax,
				ay,
				bx,
				by,
				minX: Math.min(ax, bx),
				maxX: Math.max(ax, bx),
				minY: Math.min(ay, by),
				maxY: Math.max(ay, by)
			});
		}
	}
	// A sweep over x keeps this near-linear for the long, thin rings that commune borders produce.
	segments.sort((first, second) => first.minX - second.minX);
	for (let first = 0; first < segments.length; first++) {
		const segment = segments[first]!;
		for (let second = first + 1; second < segments.length; second++) {
			const other = segments[second]!;
			if (other.minX > segment.maxX) break;
			if (other.minY > segment.maxY || other.maxY < segment.minY) continue;
			const error = findPairError(segment, other, rings);
			if (error) return error;
		}
	}
	return null;
}

function findPairError(segment: Segment, other: Segment, rings: Ring[]): string | null {
	const { ax, ay, bx, by } = segment;
	const { ax: cx, ay: cy, bx: dx, by: dy } = other;
	const where = `ring ${segment.ring} segment ${segment.index} and ring ${other.ring} segment ${other.index}`;
	const sideA = orient(cx, cy, dx, dy, ax, ay);
	const sideB = orient(cx, cy, dx, dy, bx, by);
	const sideC = orient(ax, ay, bx, by, cx, cy);
	const sideD = orient(ax, ay, bx, by, dx, dy);
	if (sideA * sideB < 0 && sideC * sideD < 0) return `${where} cross`;
	if (sideA === 0 && sideB === 0 && sideC === 0 && sideD === 0) {
		const useX = Math.abs(bx - ax) >= Math.abs(by - ay);
		const overlap = useX
			? Math.min(Math.max(ax, bx), Math.max(cx, dx)) - Math.max(Math.min(ax, bx), Math.min(cx, dx))
			: Math.min(Math.max(ay, by), Math.max(cy, dy)) - Math.max(Math.min(ay, by), Math.min(cy, dy));
		if (overlap > 0) return `${where} overlap`;
	}
	if (segment.ring !== other.ring) return null;
	const ringLength = rings[segment.ring]!.xs.length;
	const adjacent =
		(segment.index + 1) % ringLength === other.index || (other.index + 1) % ringLength === segment.index;
	if (adjacent) return null;
	const touches =
		onSegment(cx, cy, dx, dy, ax, ay) ||
		onSegment(cx, cy, dx, dy, bx, by) ||
		onSegment(ax, ay, bx, by, cx, cy) ||
		onSegment(ax, ay, bx, by, dx, dy);
	return touches ? `${where} touch (ring is not simple)` : null;
}

function locate(ring: Ring, px: number, py: number): Location {
	const { xs, ys } = ring;
	let inside = false;
	for (let index = 0; index < xs.length; index++) {
		const next = (index + 1) % xs.length;
		const ax = xs[index]!;
		const ay = ys[index]!;
		const bx = xs[next]!;
		const by = ys[next]!;
		if (onSegment(ax, ay, bx, by, px, py)) return 'boundary';
		if (ay > py !== by > py) {
			// The edge crosses the horizontal through p; count it when the crossing lies right of p.
			const side = orient(ax, ay, bx, by, px, py);
			if (by > ay ? side > 0 : side < 0) inside = !inside;
		}
	}
	return inside ? 'inside' : 'outside';
}

// Rings do not cross (checked before), so one vertex off the other ring's boundary tells on which side a ring lies.
function locateRing(ring: Ring, container: Ring): Location {
	for (let index = 0; index < ring.xs.length; index++) {
		const location = locate(container, ring.xs[index]!, ring.ys[index]!);
		if (location !== 'boundary') return location;
	}
	return 'boundary';
}

function findNestingError(rings: Ring[]): string | null {
	const shells = rings.filter((ring) => ring.isShell);
	for (const hole of rings.filter((ring) => !ring.isShell)) {
		const shell = shells.find((candidate) => candidate.polygon === hole.polygon)!;
		if (locateRing(hole, shell) !== 'inside') return `polygon ${hole.polygon}: hole is not inside its shell`;
		for (const sibling of rings) {
			if (sibling === hole || sibling.isShell || sibling.polygon !== hole.polygon) continue;
			if (locateRing(hole, sibling) !== 'outside') return `polygon ${hole.polygon}: holes are nested`;
		}
	}
	for (const shell of shells) {
		for (const other of shells) {
			if (other === shell || locateRing(shell, other) === 'outside') continue;
			// Inside another part's shell is fine only when it sits in one of that part's holes.
			const holes = rings.filter((ring) => !ring.isShell && ring.polygon === other.polygon);
			if (!holes.some((hole) => locateRing(shell, hole) !== 'outside')) {
				return `polygons ${shell.polygon} and ${other.polygon} overlap`;
			}
		}
	}
	return null;
}
