import { describe, expect, it } from 'vitest';
import { assertCoordinatesInHanoi } from './assert-coordinates-in-hanoi';

const square = (x: number, y: number, d: number) => [
	[
		[
			[x, y],
			[x + d, y],
			[x + d, y + d],
			[x, y]
		]
	]
];

/** Matches an InputError by its English message (its `message` is Vietnamese). */
const english = (pattern: RegExp) => expect.objectContaining({ messageEn: expect.stringMatching(pattern) });

describe('assertCoordinatesInHanoi', () => {
	it('accepts a polygon in Hanoi', () => {
		expect(() => assertCoordinatesInHanoi(square(105.8, 21, 0.01), 'features[0].geometry')).not.toThrow();
	});

	it('says "lat/lng swapped" with the position', () => {
		expect(() => assertCoordinatesInHanoi(square(21, 105.8, 0.01), 'features[2].geometry')).toThrow(
			english(/looks like lat\/lng swapped.*\[features\[2\]\.geometry\.coordinates\[0\]\[0\]\[0\]\]/)
		);
	});

	it('says "looks projected: which CRS?" for metres', () => {
		expect(() => assertCoordinatesInHanoi(square(582973, 2323160, 100), 'features[0].geometry')).toThrow(
			english(/which CRS\?/)
		);
	});

	it('says "far outside Hanoi" for a place elsewhere (Ho Chi Minh City)', () => {
		expect(() => assertCoordinatesInHanoi(square(106.7, 10.8, 0.01), 'features[0].geometry')).toThrow(
			english(/far outside Hanoi/)
		);
	});
});
