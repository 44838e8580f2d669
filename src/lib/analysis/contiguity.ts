import Flatbush from 'flatbush';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

/** Options of {@link contiguityNeighbours} and {@link allPairsNeighbours}. */
export interface ContiguityOptions {
	/**
	 * How close two boundaries must come to count as touching, in degrees. Our hamlet cells are clipped
	 * Voronoi cells on a 1e-6° grid, so neighbours share vertices exactly; the tolerance only absorbs
	 * floating-point noise in uploaded boundaries. 1e-7° is about 1 cm, far below any real gap.
	 */
	tolerance?: number;
}

const defaultOptions = {
	tolerance: 1e-7 // degrees, ≈ 1 cm
};

/** One feature's boundary as flat segments [x1, y1, x2, y2, …] plus its bbox. */
interface PreparedBoundary {
	segments: Float64Array;
	minX: number;
	minY: number;
	maxX: number;
	maxY: number;
}

/**
 * Queen contiguity: for each polygon, the indices of the polygons whose boundary touches its own
 * (a shared vertex, a shared edge, a vertex on the other's edge, or crossing edges, all within
 * `tolerance`). Symmetric, self excluded, each list sorted ascending.
 *
 * Why this method: candidate pairs come from a Flatbush index of the bboxes (grown by the tolerance),
 * so the cost is O(n log n) plus the candidates, never the n² pairs. Each candidate pair then gets
 * an exact test, restricted to the segments that lie inside the overlap of the two bboxes: a
 * neighbour shares only a short stretch of boundary, so this keeps the test to a few segment pairs.
 * Testing segments instead of hashing vertices also catches T-junctions (an uploaded boundary whose
 * vertex lies on the neighbour's edge) and the small overlaps between communes in the source layer.
 *
 * @param features polygons or multipolygons, `[lng, lat]` (WGS 84)
 * @param options {@link ContiguityOptions}
 * @returns `neighbours[i]` = sorted indices of the features touching `features[i]`
 * @example
 * contiguityNeighbours([leftSquare, rightSquare, farSquare]); // → [[1], [0], []]
 */
export function contiguityNeighbours(
	features: Feature<Polygon | MultiPolygon>[],
	options: ContiguityOptions = {}
): number[][] {
	return touchingNeighbours(features, options, (boundaries, tolerance, visit) => {
		if (boundaries.length === 0) return;
		const index = new Flatbush(boundaries.length);
		for (const boundary of boundaries) index.add(boundary.minX, boundary.minY, boundary.maxX, boundary.maxY);
		index.finish();
		for (let i = 0; i < boundaries.length; i++) {
			const boundary = boundaries[i]!;
			const candidates = index.search(
				boundary.minX - tolerance,
				boundary.minY - tolerance,
				boundary.maxX + tolerance,
				boundary.maxY + tolerance
			);
			// Each unordered pair is tested once, from its lower index.
			for (const j of candidates) if (j > i) visit(i, j);
		}
	});
}

/**
 * The naive O(n²) version of {@link contiguityNeighbours}: every pair through the same exact test.
 * Kept only to check the indexed version (tests) and to measure what the index saves (bench).
 */
export function allPairsNeighbours(
	features: Feature<Polygon | MultiPolygon>[],
	options: ContiguityOptions = {}
): number[][] {
	return touchingNeighbours(features, options, (boundaries, _tolerance, visit) => {
		for (let i = 0; i < boundaries.length; i++) {
			for (let j = i + 1; j < boundaries.length; j++) visit(i, j);
		}
	});
}

/**
 * What both versions share: the boundaries, the exact test on each pair (i < j) that
 * `visitCandidatePairs` proposes, and the symmetric neighbour lists, sorted ascending.
 */
function touchingNeighbours(
	features: Feature<Polygon | MultiPolygon>[],
	options: ContiguityOptions,
	visitCandidatePairs: (
		boundaries: PreparedBoundary[],
		tolerance: number,
		visit: (i: number, j: number) => void
	) => void
): number[][] {
	const tolerance = options.tolerance ?? defaultOptions.tolerance;
	const boundaries = features.map(prepareBoundary);
	const neighbours: number[][] = features.map(() => []);
	visitCandidatePairs(boundaries, tolerance, (i, j) => {
		if (boundariesTouch(boundaries[i]!, boundaries[j]!, tolerance)) {
			neighbours[i]!.push(j);
			neighbours[j]!.push(i);
		}
	});
	for (const list of neighbours) list.sort((a, b) => a - b);
	return neighbours;
}

function prepareBoundary(feature: Feature<Polygon | MultiPolygon>): PreparedBoundary {
	const polygons =
		feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
	const values: number[] = [];
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	for (const polygon of polygons) {
		for (const ring of polygon) {
			for (let k = 0; k < ring.length; k++) {
				const [x, y] = ring[k] as [number, number];
				if (x < minX) minX = x;
				if (y < minY) minY = y;
				if (x > maxX) maxX = x;
				if (y > maxY) maxY = y;
				if (k > 0) {
					const [previousX, previousY] = ring[k - 1] as [number, number];
					values.push(previousX, previousY, x, y);
				}
			}
		}
	}
	return { segments: Float64Array.from(values), minX, minY, maxX, maxY };
}

/** The segments of `boundary` whose bbox meets the box, as offsets into `segments`. */
function segmentsInBox(
	boundary: PreparedBoundary,
	minX: number,
	minY: number,
	maxX: number,
	maxY: number
): number[] {
	const found: number[] = [];
	const s = boundary.segments;
	for (let offset = 0; offset < s.length; offset += 4) {
		const x1 = s[offset]!;
		const y1 = s[offset + 1]!;
		const x2 = s[offset + 2]!;
		const y2 = s[offset + 3]!;
		if (Math.max(x1, x2) < minX || Math.min(x1, x2) > maxX) continue;
		if (Math.max(y1, y2) < minY || Math.min(y1, y2) > maxY) continue;
		found.push(offset);
	}
	return found;
}

function boundariesTouch(a: PreparedBoundary, b: PreparedBoundary, tolerance: number): boolean {
	// Only boundary inside both bboxes (grown by the tolerance) can touch the other polygon.
	const minX = Math.max(a.minX, b.minX) - tolerance;
	const minY = Math.max(a.minY, b.minY) - tolerance;
	const maxX = Math.min(a.maxX, b.maxX) + tolerance;
	const maxY = Math.min(a.maxY, b.maxY) + tolerance;
	if (minX > maxX || minY > maxY) return false;
	const fromA = segmentsInBox(a, minX, minY, maxX, maxY);
	if (fromA.length === 0) return false;
	const fromB = segmentsInBox(b, minX, minY, maxX, maxY);
	const toleranceSquared = tolerance * tolerance;
	const sa = a.segments;
	const sb = b.segments;
	for (const offsetA of fromA) {
		const ax1 = sa[offsetA]!;
		const ay1 = sa[offsetA + 1]!;
		const ax2 = sa[offsetA + 2]!;
		const ay2 = sa[offsetA + 3]!;
		for (const offsetB of fromB) {
			const bx1 = sb[offsetB]!;
			const by1 = sb[offsetB + 1]!;
			const bx2 = sb[offsetB + 2]!;
			const by2 = sb[offsetB + 3]!;
			// Cheap rejection on the segments' own bboxes first.
			if (Math.max(ax1, ax2) + tolerance < Math.min(bx1, bx2)) continue;
			if (Math.max(bx1, bx2) + tolerance < Math.min(ax1, ax2)) continue;
			if (Math.max(ay1, ay2) + tolerance < Math.min(by1, by2)) continue;
			if (Math.max(by1, by2) + tolerance < Math.min(ay1, ay2)) continue;
			if (segmentsWithin(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2, toleranceSquared)) return true;
		}
	}
	return false;
}

/** True when the two segments cross or come within √toleranceSquared of each other. */
function segmentsWithin(
	ax1: number,
	ay1: number,
	ax2: number,
	ay2: number,
	bx1: number,
	by1: number,
	bx2: number,
	by2: number,
	toleranceSquared: number
): boolean {
	// The closest approach of two non-crossing segments is at one of the four endpoints.
	if (pointSegmentDistanceSquared(ax1, ay1, bx1, by1, bx2, by2) <= toleranceSquared) return true;
	if (pointSegmentDistanceSquared(ax2, ay2, bx1, by1, bx2, by2) <= toleranceSquared) return true;
	if (pointSegmentDistanceSquared(bx1, by1, ax1, ay1, ax2, ay2) <= toleranceSquared) return true;
	if (pointSegmentDistanceSquared(bx2, by2, ax1, ay1, ax2, ay2) <= toleranceSquared) return true;
	const d1 = orientation(bx1, by1, bx2, by2, ax1, ay1);
	const d2 = orientation(bx1, by1, bx2, by2, ax2, ay2);
	const d3 = orientation(ax1, ay1, ax2, ay2, bx1, by1);
	const d4 = orientation(ax1, ay1, ax2, ay2, bx2, by2);
	return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

function orientation(x1: number, y1: number, x2: number, y2: number, x: number, y: number): number {
	return (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1);
}

function pointSegmentDistanceSquared(
	x: number,
	y: number,
	x1: number,
	y1: number,
	x2: number,
	y2: number
): number {
	const dx = x2 - x1;
	const dy = y2 - y1;
	const lengthSquared = dx * dx + dy * dy;
	let t = lengthSquared === 0 ? 0 : ((x - x1) * dx + (y - y1) * dy) / lengthSquared;
	t = Math.max(0, Math.min(1, t));
	const px = x1 + t * dx - x;
	const py = y1 + t * dy - y;
	return px * px + py * py;
}
