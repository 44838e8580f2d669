import { describe, expect, it } from 'vitest';
import { fitSvgProjection, svgPath } from './svg-paths';

describe('svgPath', () => {
	it('fits the box to the width, north up, with the longitude scaled by cos(latitude)', () => {
		const projection = fitSvgProjection([105, 20.9, 106, 21.1], 100);
		// cos(21°) ≈ 0.9336: 1° of longitude is 100 units, 0.2° of latitude 0.2 / 0.9336 × 100 ≈ 21.4.
		expect(projection.height).toBe(21);
		expect(projection.project([105, 21.1])).toEqual([0, 0]);
		expect(projection.project([106, 20.9])[0]).toBeCloseTo(100, 6);
		expect(projection.project([106, 20.9])[1]).toBeCloseTo(21.42, 2);
	});

	it('draws each ring, holes and parts included, dropping repeated points', () => {
		const projection = fitSvgProjection([0, 0, 10, 10], 10);
		const square = [
			[0, 0],
			[10, 0],
			[10, 0],
			[10, 10],
			[0, 10],
			[0, 0]
		];
		const point = [
			[5, 5],
			[5, 5],
			[5, 5]
		];
		const path = svgPath({ type: 'MultiPolygon', coordinates: [[square, point], [square]] }, projection);
		// The repeated corner is drawn once; a ring of fewer than three distinct points not at all.
		const drawn = 'M0.0 10.0L10.0 10.0L10.0 0.0L0.0 0.0L0.0 10.0Z';
		expect(path).toBe(drawn + drawn);
	});
});
