import { describe, expect, it } from 'vitest';
import { boundsOfPieces, needsCameraMove } from './camera';

describe('needsCameraMove', () => {
	const view: [number, number, number, number] = [105.8, 21.0, 105.9, 21.1];

	it('stays for a target in view at a hamlet zoom', () => {
		expect(needsCameraMove(view, 13, [105.82, 21.02, 105.83, 21.03], 10)).toBe(false);
	});

	it('moves for a target partly or wholly out of view', () => {
		expect(needsCameraMove(view, 13, [105.89, 21.02, 105.91, 21.03], 10)).toBe(true);
		expect(needsCameraMove(view, 13, [105.5, 20.5, 105.6, 20.6], 10)).toBe(true);
	});

	it('moves at city zoom even when the target is in view', () => {
		expect(needsCameraMove(view, 9, [105.82, 21.02, 105.83, 21.03], 10)).toBe(true);
	});
});

describe('boundsOfPieces', () => {
	it('spans every piece of a feature cut by tile edges', () => {
		expect(
			boundsOfPieces([
				{
					type: 'Polygon',
					coordinates: [
						[
							[105.8, 21.0],
							[105.85, 21.0],
							[105.85, 21.05],
							[105.8, 21.0]
						]
					]
				},
				{
					type: 'MultiPolygon',
					coordinates: [
						[
							[
								[105.85, 21.0],
								[105.9, 21.1],
								[105.85, 21.1],
								[105.85, 21.0]
							]
						]
					]
				}
			])
		).toEqual([105.8, 21.0, 105.9, 21.1]);
		expect(boundsOfPieces([])).toBeUndefined();
	});
});
