import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { locateHamlet } from './locate';

/** A square of `size` degrees with its south-west corner at [lng, lat]. */
function square(lng: number, lat: number, size: number): Polygon {
	return {
		type: 'Polygon',
		coordinates: [
			[
				[lng, lat],
				[lng + size, lat],
				[lng + size, lat + size],
				[lng, lat + size],
				[lng, lat]
			]
		]
	};
}

const HAMLETS = [
	{ id: 1, geometry: square(105.4, 21.1, 0.01) },
	{ id: 2, geometry: square(105.42, 21.1, 0.01) }
];

describe('locateHamlet', () => {
	it('finds the hamlet the position is in', () => {
		expect(locateHamlet([105.425, 21.105], HAMLETS)).toEqual({
			hamlet: HAMLETS[1],
			inside: true,
			distanceM: 0
		});
	});

	it('outside every hamlet, gives the nearest and the distance to its boundary', () => {
		// 0.005° of longitude east of hamlet 2's east edge at latitude 21.105: about 519 m.
		const found = locateHamlet([105.435, 21.105], HAMLETS);
		expect(found?.hamlet.id).toBe(2);
		expect(found?.inside).toBe(false);
		expect(found?.distanceM).toBeGreaterThan(510);
		expect(found?.distanceM).toBeLessThan(525);
		// Between the two squares, nearer to the first.
		expect(locateHamlet([105.412, 21.105], HAMLETS)).toMatchObject({ hamlet: { id: 1 }, inside: false });
	});

	it('finds nothing among no hamlets', () => {
		expect(locateHamlet([105.4, 21.1], [])).toBeUndefined();
	});
});
