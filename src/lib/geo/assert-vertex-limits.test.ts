import { describe, expect, it } from 'vitest';
import { assertVertexLimits } from './assert-vertex-limits';

const ringOf = (n: number) => Array.from({ length: n }, (_, i) => [105 + i * 1e-7, 21]);
const feature = (n: number) => ({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ringOf(n)] } });

/** Matches an InputError by its English message (its `message` is Vietnamese). */
const english = (pattern: RegExp) => expect.objectContaining({ messageEn: expect.stringMatching(pattern) });

describe('assertVertexLimits', () => {
	it('accepts features within both limits', () => {
		expect(() =>
			assertVertexLimits([feature(10), feature(10)], { perFeature: 10, total: 20 }, 'features')
		).not.toThrow();
	});

	it('refuses a feature over the per-feature limit, naming it', () => {
		expect(() =>
			assertVertexLimits([feature(5), feature(11)], { perFeature: 10, total: 100 }, 'features')
		).toThrow(english(/more than 10 vertices.*features\[1\]\.geometry/));
	});

	it('refuses a file over the total, and a million vertices fail in well under a second', () => {
		expect(() =>
			assertVertexLimits([feature(8), feature(8)], { perFeature: 10, total: 15 }, 'features')
		).toThrow(english(/limit per file/));
		const huge = [feature(1_000_000)];
		const started = performance.now();
		expect(() => assertVertexLimits(huge, { perFeature: 50_000, total: 1_000_000 }, 'features')).toThrow(
			english(/more than 50000/)
		);
		expect(performance.now() - started).toBeLessThan(1000);
	});

	it('ignores features without coordinates (other checks name them)', () => {
		expect(() =>
			assertVertexLimits([null, { geometry: null }], { perFeature: 1, total: 1 }, 'features')
		).not.toThrow();
	});
});
