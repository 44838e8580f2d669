import { area } from '@turf/area';
import { bbox as computeBbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { centroid } from '@turf/centroid';
import { featureCollection, multiPolygon, point, polygon } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { voronoi } from '@turf/voronoi';
import type { BBox, Feature, MultiPolygon, Point, Polygon, Position } from 'geojson';
import seedrandom from 'seedrandom';
import type { HamletKind as DomainHamletKind } from '../src/lib/domain';
import { findValidityError } from './find-validity-error';

/** The commune fields the generator reads; `population` is the commune's `popSapnhap`. */
export interface HamletCommuneProperties {
	/** Official 5-digit commune code, e.g. `"00004"`. */
	code: string;
	fullName: string;
	/** `Xã` (rural commune, hamlets are thôn) or `Phường` (urban ward, hamlets are tổ dân phố). */
	unitType: string;
	population: number;
}

/** The village point fields the generator reads (hanoi_places_wof_geonames.geojson). */
export interface VillagePointProperties {
	name_vi: string | null;
	commune_code_2025?: string;
	wof_id?: number;
	gn_feature_code?: string | null;
	name_vi_has_diacritics?: boolean;
}

/** Hamlet kind the generator gives: thôn in a xã, tổ dân phố in a phường (the product's vocabulary). */
type HamletKind = Extract<DomainHamletKind, 'thôn' | 'tổ dân phố'>;

/** Properties of one generated hamlet. */
interface HamletProperties {
	/** Number(communeCode) * 1000 + index (from 1, north to south); also the feature id. */
	id: number;
	communeCode: string;
	name: string;
	kind: HamletKind;
	/** Residents allocated in proportion to area; a commune's hamlets sum to its population. */
	population: number;
	boundarySource: 'approximate';
}

/** A generated hamlet: always a MultiPolygon, coordinates in `[lng, lat]` with 6 decimals. */
export type HamletFeature = Feature<MultiPolygon, HamletProperties> & { id: number };

/** Options of `buildApproximateHamlets`. */
export interface ApproximateHamletsOptions {
	residentsPerHamlet?: number;
	samplesPerHamlet?: number;
	maxIterations?: number;
	villageFeatureCodes?: readonly string[];
}

/** Defaults of `buildApproximateHamlets`; changing any of them changes the generated file. */
const defaultOptions: Required<ApproximateHamletsOptions> = {
	residentsPerHamlet: 1800, // one hamlet per this many residents (issue: ~4,900 hamlets for 8.81 M people)
	samplesPerHamlet: 48, // jittered sample points per hamlet that k-means partitions
	maxIterations: 40, // Lloyd iterations; most communes converge well before this
	villageFeatureCodes: ['PPL', 'PPLL'] // GeoNames populated places; PPLA2 are old district seats, not villages
};

const KIND_BY_UNIT_TYPE: Record<string, HamletKind> = { Xã: 'thôn', Phường: 'tổ dân phố' };
const UNNAMED_PREFIX: Record<HamletKind, string> = { thôn: 'Thôn', 'tổ dân phố': 'Tổ dân phố' };
const DECIMALS = 1e6;
// The Voronoi extent must strictly contain the commune, and each cell's pre-clip rectangle must strictly contain
// the cell, so that clipping artefacts on the rectangle never reach the result. 1e-4 degrees is about 10 m.
const MARGIN = 1e-4;

/**
 * Splits one commune into approximate hamlets: about one per `residentsPerHamlet` residents, as a seeded
 * k-means (discrete Lloyd relaxation) Voronoi partition clipped to the commune. The cells are valid,
 * non-overlapping MultiPolygons that together cover the commune. A cell takes the name of the first unused
 * village point inside it, else "Thôn N" / "Tổ dân phố N". The seed comes from the commune code, so each
 * commune is reproducible on its own: the same input gives the same output.
 */
export function buildApproximateHamlets(
	commune: Feature<Polygon | MultiPolygon, HamletCommuneProperties>,
	villagePoints: readonly Feature<Point, VillagePointProperties>[],
	options: ApproximateHamletsOptions = {}
): HamletFeature[] {
	const settings = { ...defaultOptions, ...options };
	const { code, unitType, population } = commune.properties;
	const kind = KIND_BY_UNIT_TYPE[unitType];
	if (!kind) throw new Error(`Commune ${code}: unknown unit type ${unitType}`);
	if (!Number.isInteger(population) || population < 0) {
		throw new Error(`Commune ${code}: population must be a non-negative integer`);
	}
	const polygons =
		commune.geometry.type === 'Polygon' ? [commune.geometry.coordinates] : commune.geometry.coordinates;
	const hamletCount = Math.max(1, Math.round(population / settings.residentsPerHamlet));
	// Ids are code * 1000 + index, so a commune can hold at most 999 hamlets.
	if (hamletCount > 999) throw new Error(`Commune ${code}: ${hamletCount} hamlets do not fit the id scheme`);
	const random = seedrandom(`hamlets-${code}`);
	const communeBbox = computeBbox(commune);
	// k-means and Voronoi run on x = lng * cos(lat) so that cells are compact in metres, not in degrees.
	const lngScale = Math.cos((((communeBbox[1] + communeBbox[3]) / 2) * Math.PI) / 180);

	const samples = sampleInside(
		polygons,
		communeBbox,
		hamletCount * settings.samplesPerHamlet,
		lngScale,
		random
	);
	const centers = kMeans(samples, hamletCount, settings.maxIterations, random);
	const cells = voronoiCells(centers, communeBbox, lngScale);
	const pieces: Position[][][][] = [];
	for (const cell of cells) {
		const piece = clipCellToCommune(cell, polygons, code);
		if (piece) pieces.push(piece);
	}

	const ordered = pieces
		.map((coordinates, cellIndex) => {
			const [lng, lat] = centroid(multiPolygon(coordinates)).geometry.coordinates as [number, number];
			return { coordinates, cellIndex, lng, lat, area: area(multiPolygon(coordinates)) };
		})
		// North to south, then west to east, so numbering and ids read like a page.
		.sort(
			(first, second) =>
				second.lat - first.lat || first.lng - second.lng || first.cellIndex - second.cellIndex
		);

	const populations = allocateByLargestRemainder(
		population,
		ordered.map((piece) => piece.area)
	);
	const names = nameHamlets(
		ordered.map((piece) => piece.coordinates),
		villagePoints,
		commune.properties,
		kind,
		settings.villageFeatureCodes
	);
	return ordered.map((piece, index) => {
		const id = Number(code) * 1000 + index + 1;
		return {
			type: 'Feature',
			id,
			properties: {
				id,
				communeCode: code,
				name: names[index]!,
				kind,
				population: populations[index]!,
				boundarySource: 'approximate'
			},
			geometry: { type: 'MultiPolygon', coordinates: piece.coordinates }
		};
	});
}

/** Maps a feature of hanoi_2025_communes_full.geojson to the generator's input (population = `popSapnhap`). */
export function toHamletCommune(
	feature: Feature<
		Polygon | MultiPolygon,
		{ code: string; fullName: string; unitType: string; popSapnhap: number }
	>
): Feature<Polygon | MultiPolygon, HamletCommuneProperties> {
	const { code, fullName, unitType, popSapnhap } = feature.properties;
	return {
		type: 'Feature',
		properties: { code, fullName, unitType, population: popSapnhap },
		geometry: feature.geometry
	};
}

interface Samples {
	xs: Float64Array;
	ys: Float64Array;
}

// One random point per cell of a square grid (in scaled space) keeps the samples evenly spread, so every
// k-means cluster stands for about the same area.
function sampleInside(
	polygons: Position[][][],
	communeBbox: BBox,
	targetCount: number,
	lngScale: number,
	random: () => number
): Samples {
	const [minLng, minLat, maxLng, maxLat] = communeBbox;
	let scaledArea = 0;
	for (const rings of polygons) {
		for (const [ringIndex, ring] of rings.entries()) {
			scaledArea += Math.abs(planarArea(ring)) * (ringIndex === 0 ? 1 : -1) * lngScale;
		}
	}
	const spacing = Math.sqrt(scaledArea / targetCount);
	const columns = Math.ceil(((maxLng - minLng) * lngScale) / spacing);
	const rows = Math.ceil((maxLat - minLat) / spacing);
	const xs: number[] = [];
	const ys: number[] = [];
	for (let row = 0; row < rows; row++) {
		for (let column = 0; column < columns; column++) {
			const lng = minLng + ((column + random()) * spacing) / lngScale;
			const lat = minLat + (row + random()) * spacing;
			if (isInsidePolygons(polygons, lng, lat)) {
				xs.push(lng * lngScale);
				ys.push(lat);
			}
		}
	}
	return { xs: Float64Array.from(xs), ys: Float64Array.from(ys) };
}

function planarArea(ring: Position[]): number {
	let sum = 0;
	for (let index = 0; index < ring.length - 1; index++) {
		sum += ring[index]![0]! * ring[index + 1]![1]! - ring[index + 1]![0]! * ring[index]![1]!;
	}
	return sum / 2;
}

// Even-odd over every ring, so holes and separate parts need no special case.
function isInsidePolygons(polygons: Position[][][], lng: number, lat: number): boolean {
	let inside = false;
	for (const rings of polygons) {
		for (const ring of rings) {
			for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index++) {
				const [lngA, latA] = ring[index] as [number, number];
				const [lngB, latB] = ring[previous] as [number, number];
				if (latA > lat !== latB > lat && lng < ((lngB - lngA) * (lat - latA)) / (latB - latA) + lngA) {
					inside = !inside;
				}
			}
		}
	}
	return inside;
}

function squaredDistance(samples: Samples, index: number, centerX: number, centerY: number): number {
	const deltaX = samples.xs[index]! - centerX;
	const deltaY = samples.ys[index]! - centerY;
	return deltaX * deltaX + deltaY * deltaY;
}

// k-means++ seeding, then Lloyd iterations on the samples: each iteration moves every center to the mean of
// the samples nearest to it, which approximates moving it to the centroid of its clipped Voronoi cell.
function kMeans(
	samples: Samples,
	clusterCount: number,
	maxIterations: number,
	random: () => number
): Position[] {
	const sampleCount = samples.xs.length;
	if (sampleCount === 0) throw new Error('No sample point fell inside the commune');
	const count = Math.min(clusterCount, sampleCount);
	const centerXs = new Float64Array(count);
	const centerYs = new Float64Array(count);
	const nearest = new Float64Array(sampleCount).fill(Infinity);
	let chosen = Math.floor(random() * sampleCount);
	for (let center = 0; center < count; center++) {
		centerXs[center] = samples.xs[chosen]!;
		centerYs[center] = samples.ys[chosen]!;
		let total = 0;
		for (let index = 0; index < sampleCount; index++) {
			const distance = squaredDistance(samples, index, centerXs[center]!, centerYs[center]!);
			if (distance < nearest[index]!) nearest[index] = distance;
			total += nearest[index]!;
		}
		let threshold = random() * total;
		chosen = sampleCount - 1;
		for (let index = 0; index < sampleCount; index++) {
			threshold -= nearest[index]!;
			if (threshold < 0) {
				chosen = index;
				break;
			}
		}
	}

	const assignment = new Int32Array(sampleCount).fill(-1);
	const distances = new Float64Array(sampleCount);
	for (let iteration = 0; iteration < maxIterations; iteration++) {
		let changed = false;
		for (let index = 0; index < sampleCount; index++) {
			let best = 0;
			let bestDistance = Infinity;
			for (let center = 0; center < count; center++) {
				const distance = squaredDistance(samples, index, centerXs[center]!, centerYs[center]!);
				if (distance < bestDistance) {
					bestDistance = distance;
					best = center;
				}
			}
			distances[index] = bestDistance;
			if (assignment[index] !== best) {
				assignment[index] = best;
				changed = true;
			}
		}
		if (!changed) break;
		const sumXs = new Float64Array(count);
		const sumYs = new Float64Array(count);
		const members = new Int32Array(count);
		for (let index = 0; index < sampleCount; index++) {
			const center = assignment[index]!;
			sumXs[center]! += samples.xs[index]!;
			sumYs[center]! += samples.ys[index]!;
			members[center]!++;
		}
		for (let center = 0; center < count; center++) {
			if (members[center]! > 0) {
				centerXs[center] = sumXs[center]! / members[center]!;
				centerYs[center] = sumYs[center]! / members[center]!;
				continue;
			}
			// An empty cluster restarts at the sample worst served by its center.
			let farthest = 0;
			for (let index = 1; index < sampleCount; index++) {
				if (distances[index]! > distances[farthest]!) farthest = index;
			}
			centerXs[center] = samples.xs[farthest]!;
			centerYs[center] = samples.ys[farthest]!;
			distances[farthest] = 0;
		}
	}

	const unique = new Map<string, Position>();
	for (let center = 0; center < count; center++) {
		const position = [centerXs[center]!, centerYs[center]!];
		unique.set(position.join(','), position);
	}
	return [...unique.values()];
}

function voronoiCells(centers: Position[], communeBbox: BBox, lngScale: number): Position[][] {
	const [minLng, minLat, maxLng, maxLat] = communeBbox;
	const extent: BBox = [
		(minLng - MARGIN) * lngScale,
		minLat - MARGIN,
		(maxLng + MARGIN) * lngScale,
		maxLat + MARGIN
	];
	const cells = voronoi(featureCollection(centers.map((center) => point(center))), { bbox: extent });
	// Shared Voronoi vertices are unscaled by the same operation, so neighbouring cells keep identical edges.
	return cells.features
		.filter((cell) => cell.geometry)
		.map((cell) => cell.geometry.coordinates[0]!.map(([x, y]) => [x! / lngScale, y!]));
}

function clipCellToCommune(cell: Position[], polygons: Position[][][], code: string): Position[][][] | null {
	let [minLng, minLat, maxLng, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const [lng, lat] of cell as [number, number][]) {
		minLng = Math.min(minLng, lng);
		minLat = Math.min(minLat, lat);
		maxLng = Math.max(maxLng, lng);
		maxLat = Math.max(maxLat, lat);
	}
	const rectangle: BBox = [minLng - MARGIN, minLat - MARGIN, maxLng + MARGIN, maxLat + MARGIN];
	// Cutting the commune to a rectangle around the cell first makes the exact (and slow) polygon clipping
	// work on a few hundred segments instead of the whole border.
	const nearby: Position[][][] = [];
	for (const rings of polygons) {
		const shell = clipRingToRectangle(rings[0]!, rectangle);
		if (!shell) continue;
		const holes = rings
			.slice(1)
			.map((ring) => clipRingToRectangle(ring, rectangle))
			.filter((ring) => ring !== null);
		nearby.push([shell, ...holes]);
	}
	if (nearby.length === 0) return null;
	const clipped = intersect(
		featureCollection<Polygon | MultiPolygon>([polygon([cell]), multiPolygon(nearby)])
	);
	if (!clipped) return null;
	let coordinates = roundMultiPolygon(toMultiPolygonCoordinates(clipped.geometry));
	// Rounding to 6 decimals can, rarely, fold a thin spike over itself; clipping the shape with itself
	// rebuilds clean rings, and a second rounding then lands on a valid grid geometry.
	for (let attempt = 0; coordinates.length > 0; attempt++) {
		const error = findValidityError({ type: 'MultiPolygon', coordinates }, { rightHandRule: true });
		if (!error) break;
		if (attempt === 3) throw new Error(`Commune ${code}: cannot make a valid cell (${error})`);
		const repaired = intersect(featureCollection([multiPolygon(coordinates), multiPolygon(coordinates)]));
		coordinates = repaired ? roundMultiPolygon(toMultiPolygonCoordinates(repaired.geometry)) : [];
	}
	return coordinates.length > 0 ? coordinates : null;
}

function toMultiPolygonCoordinates(geometry: Polygon | MultiPolygon): Position[][][] {
	return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

// Sutherland–Hodgman against an axis-aligned rectangle (as in mapbox/lineclip). Where the ring leaves and
// re-enters, the output runs along the rectangle, possibly back and forth over itself; those zero-width
// pieces lie outside the cell, and polyclip's non-zero winding rule cancels them anyway.
function clipRingToRectangle(ring: Position[], rectangle: BBox): Position[] | null {
	let points = ring.slice(0, -1);
	for (let edge = 1; edge <= 8; edge *= 2) {
		const result: Position[] = [];
		let previous = points[points.length - 1]!;
		let previousInside = !(outcode(previous, rectangle) & edge);
		for (const current of points) {
			const inside = !(outcode(current, rectangle) & edge);
			if (inside !== previousInside) result.push(crossRectangleEdge(previous, current, edge, rectangle));
			if (inside) result.push(current);
			previous = current;
			previousInside = inside;
		}
		points = result;
		if (points.length === 0) return null;
	}
	if (points.length < 3) return null;
	return [...points, points[0]!];
}

function outcode([lng, lat]: Position, [minLng, minLat, maxLng, maxLat]: BBox): number {
	let code = 0;
	if (lng! < minLng) code |= 1;
	else if (lng! > maxLng) code |= 2;
	if (lat! < minLat) code |= 4;
	else if (lat! > maxLat) code |= 8;
	return code;
}

function crossRectangleEdge(from: Position, to: Position, edge: number, rectangle: BBox): Position {
	const [lngA, latA] = from as [number, number];
	const [lngB, latB] = to as [number, number];
	const [minLng, minLat, maxLng, maxLat] = rectangle;
	if (edge === 1 || edge === 2) {
		const lng = edge === 1 ? minLng : maxLng;
		return [lng, latA + ((latB - latA) * (lng - lngA)) / (lngB - lngA)];
	}
	const lat = edge === 4 ? minLat : maxLat;
	return [lngA + ((lngB - lngA) * (lat - latA)) / (latB - latA), lat];
}

function roundCoordinate(value: number): number {
	return Math.round(value * DECIMALS) / DECIMALS;
}

// Rounds to 6 decimals, drops the vertices that rounding made repeat and the rings it collapsed, and
// orients rings the RFC 7946 way (shells counter-clockwise, holes clockwise).
function roundMultiPolygon(coordinates: Position[][][]): Position[][][] {
	const result: Position[][][] = [];
	for (const rings of coordinates) {
		const cleaned: Position[][] = [];
		for (const [ringIndex, ring] of rings.entries()) {
			const rounded: Position[] = [];
			for (const [lng, lat] of ring as [number, number][]) {
				const position = [roundCoordinate(lng), roundCoordinate(lat)];
				const last = rounded[rounded.length - 1];
				if (!last || last[0] !== position[0] || last[1] !== position[1]) rounded.push(position);
			}
			const first = rounded[0];
			const last = rounded[rounded.length - 1];
			if (first && last && (first[0] !== last[0] || first[1] !== last[1])) rounded.push(first);
			const signedArea = planarArea(rounded);
			if (rounded.length < 4 || signedArea === 0) {
				if (ringIndex === 0) break;
				continue;
			}
			const isShell = ringIndex === 0;
			cleaned.push(signedArea > 0 === isShell ? rounded : rounded.reverse());
		}
		if (cleaned.length > 0) result.push(cleaned);
	}
	return result;
}

/** Splits `total` into integers proportional to `weights` that sum exactly to `total` (largest remainder). */
export function allocateByLargestRemainder(total: number, weights: readonly number[]): number[] {
	const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
	if (weights.length === 0) return [];
	if (weightSum <= 0) return weights.map((_, index) => (index === 0 ? total : 0));
	const quotas = weights.map((weight) => (total * weight) / weightSum);
	const shares = quotas.map(Math.floor);
	let remainder = total - shares.reduce((sum, share) => sum + share, 0);
	const order = quotas
		.map((quota, index) => ({ index, fraction: quota - Math.floor(quota) }))
		.sort((first, second) => second.fraction - first.fraction || first.index - second.index);
	for (const { index } of order) {
		if (remainder <= 0) break;
		shares[index]!++;
		remainder--;
	}
	return shares;
}

function nameKey(name: string): string {
	return name.normalize('NFC').trim().toLocaleLowerCase('vi');
}

function nameHamlets(
	hamlets: Position[][][][],
	villagePoints: readonly Feature<Point, VillagePointProperties>[],
	commune: HamletCommuneProperties,
	kind: HamletKind,
	featureCodes: readonly string[]
): string[] {
	// The commune's own name is taken: a thôn called like its xã would only confuse the teams.
	const used = new Set([nameKey(commune.fullName.replace(/^(Xã|Phường)\s+/u, ''))]);
	const candidates = villagePoints
		.map((feature, order) => ({ feature, order }))
		.filter(({ feature }) => {
			const {
				name_vi: name,
				commune_code_2025: communeCode,
				gn_feature_code: featureCode
			} = feature.properties;
			return (
				!!name?.trim() &&
				(communeCode === undefined || communeCode === commune.code) &&
				(featureCode === undefined || (featureCode !== null && featureCodes.includes(featureCode)))
			);
		})
		// Stable order: names with diacritics first, then by Who's On First id, then input order.
		.sort((first, second) => {
			const diacritics =
				Number(second.feature.properties.name_vi_has_diacritics ?? true) -
				Number(first.feature.properties.name_vi_has_diacritics ?? true);
			const wofIds =
				(first.feature.properties.wof_id ?? Infinity) - (second.feature.properties.wof_id ?? Infinity);
			return diacritics || (Number.isNaN(wofIds) ? 0 : wofIds) || first.order - second.order;
		})
		.map(({ feature }) => feature);
	let unnamed = 0;
	return hamlets.map((coordinates) => {
		const geometry: MultiPolygon = { type: 'MultiPolygon', coordinates };
		for (const candidate of candidates) {
			const name = candidate.properties.name_vi!.normalize('NFC').trim();
			if (used.has(nameKey(name)) || !booleanPointInPolygon(candidate, geometry)) continue;
			used.add(nameKey(name));
			return name;
		}
		unnamed++;
		return `${UNNAMED_PREFIX[kind]} ${unnamed}`;
	});
}
