import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { squareRing } from '../src/lib/analysis/test-squares';
import { findValidityError } from './find-validity-error';

// Small shapes near Hanoi, in 1e-6 degree steps, counter-clockwise unless the test says otherwise.
function polygonOf(...rings: Position[][]): Polygon {
	return { type: 'Polygon', coordinates: rings };
}

function multiPolygonOf(...polygons: Position[][][]): MultiPolygon {
	return { type: 'MultiPolygon', coordinates: polygons };
}

describe('findValidityError', () => {
	it('accepts simple shapes, holes, and parts that touch at a vertex', () => {
		expect(findValidityError(polygonOf(squareRing(105.8, 21, 0.01)))).toBeNull();
		const hole = squareRing(105.802, 21.002, 0.002).reverse();
		expect(
			findValidityError(polygonOf(squareRing(105.8, 21, 0.01), hole), { rightHandRule: true })
		).toBeNull();
		expect(
			findValidityError(multiPolygonOf([squareRing(105.8, 21, 0.01)], [squareRing(105.81, 21.01, 0.01)]))
		).toBeNull();
	});

	it('rejects a bow-tie', () => {
		const ring = [
			[105.8, 21],
			[105.81, 21.01],
			[105.81, 21],
			[105.8, 21.02],
			[105.8, 21]
		];
		expect(findValidityError(polygonOf(ring))).toMatch(/cross/u);
	});

	it('rejects a spike that folds back over its own edge', () => {
		const ring = [
			[105.8, 21],
			[105.81, 21],
			[105.805, 21],
			[105.805, 21.01],
			[105.8, 21]
		];
		expect(findValidityError(polygonOf(ring))).toMatch(/overlap/u);
	});

	it('rejects a ring that touches itself', () => {
		const ring = [
			[105.8, 21],
			[105.82, 21],
			[105.81, 21.01],
			[105.82, 21.02],
			[105.8, 21.02],
			[105.81, 21.01],
			[105.8, 21]
		];
		expect(findValidityError(polygonOf(ring))).toMatch(/not simple/u);
	});

	it('rejects repeated vertices, open rings and collapsed rings', () => {
		const repeated = squareRing(105.8, 21, 0.01);
		repeated.splice(1, 0, repeated[1]!);
		expect(findValidityError(polygonOf(repeated))).toMatch(/repeated vertex/u);
		expect(findValidityError(polygonOf(squareRing(105.8, 21, 0.01).slice(0, 4)))).toMatch(/not closed/u);
		const flat = [
			[105.8, 21],
			[105.81, 21],
			[105.82, 21],
			[105.8, 21]
		];
		expect(findValidityError(polygonOf(flat))).not.toBeNull();
	});

	it('rejects overlapping parts and holes outside their shell', () => {
		const overlapping = multiPolygonOf([squareRing(105.8, 21, 0.01)], [squareRing(105.805, 21.005, 0.01)]);
		expect(findValidityError(overlapping)).toMatch(/cross/u);
		const nested = multiPolygonOf([squareRing(105.8, 21, 0.01)], [squareRing(105.802, 21.002, 0.002)]);
		expect(findValidityError(nested)).toMatch(/overlap/u);
		const outside = polygonOf(squareRing(105.8, 21, 0.01), squareRing(105.9, 21, 0.001).reverse());
		expect(findValidityError(outside)).toMatch(/hole is not inside/u);
	});

	it('checks RFC 7946 winding only when asked', () => {
		const clockwise = polygonOf(squareRing(105.8, 21, 0.01).reverse());
		expect(findValidityError(clockwise)).toBeNull();
		expect(findValidityError(clockwise, { rightHandRule: true })).toMatch(/counter-clockwise/u);
	});
});
