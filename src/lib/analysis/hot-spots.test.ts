import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { expectGolden, goldenCases } from './golden-fixtures';
import { square } from './test-squares';
import { benjaminiHochberg, getisOrdGiStar, hotSpots, twoSidedP } from './hot-spots';

/** A 5×5 grid of 1° squares, numbered row by row, value 10 in the 2×2 block of rows 1–2, columns 1–2, else 1. */
function gridWithBlock(): FeatureCollection<Polygon, { id: number; gapIndex: number }> {
	const features: Feature<Polygon, { id: number; gapIndex: number }>[] = [];
	for (let row = 0; row < 5; row++)
		for (let column = 0; column < 5; column++) {
			const inBlock = row >= 1 && row <= 2 && column >= 1 && column <= 2;
			features.push({
				type: 'Feature',
				properties: { id: row * 5 + column, gapIndex: inBlock ? 10 : 1 },
				geometry: { type: 'Polygon', coordinates: square(105 + column, 21 + row, 1) }
			});
		}
	return { type: 'FeatureCollection', features };
}

describe('hotSpots', () => {
	it.each(goldenCases('hot-spots'))('matches the golden output for $name', ({ input, outPath }) => {
		expectGolden(outPath, hotSpots(input as FeatureCollection<Polygon, { id: number; gapIndex: number }>));
	});

	it('gives the hand-computed Gi* on a 5×5 grid with a 2×2 block of high values', () => {
		const result = hotSpots(gridWithBlock()).features.map((feature) => feature.properties);
		// n = 25, Σx = 21·1 + 4·10 = 61, X̄ = 2.44, Σx² = 21 + 400 = 421,
		// S = √(421/25 − 2.44²) = √(16.84 − 5.9536) = √10.8864.
		const S = Math.sqrt(10.8864);
		// Cell 6 (row 1, column 1): itself and 8 neighbours = rows 0–2 × columns 0–2, 4 of them in the block.
		// Σwx = 4·10 + 5·1 = 45, Σw = Σw² = 9: z = (45 − 2.44·9) / (S √((25·9 − 81)/24)) = 23.04 / (S √6).
		expect(result[6]!.z).toBeCloseTo(23.04 / (S * Math.sqrt(6)), 12);
		expect(result[6]!.z).toBeCloseTo(2.8508, 4);
		// Cell 0 (corner): itself, 1, 5 and 6 (in the block): Σwx = 13, Σw = 4:
		// z = (13 − 9.76) / (S √((100 − 16)/24)) = 3.24 / (S √3.5).
		expect(result[0]!.z).toBeCloseTo(3.24 / (S * Math.sqrt(3.5)), 12);
		// Cell 24 (far corner): 4 ones: z = (4 − 9.76) / (S √3.5).
		expect(result[24]!.z).toBeCloseTo(-5.76 / (S * Math.sqrt(3.5)), 12);
		// p = 2 (1 − Φ(2.8508)) ≈ 0.00436.
		expect(result[6]!.p).toBeCloseTo(0.00436, 4);
		// The four block cells share the largest z; the rest are not significant after FDR.
		const hot = result.filter((cell) => cell.hotSpotClass !== 'none').map((cell) => cell.id);
		expect(hot).toEqual([6, 7, 11, 12]);
		expect(result[6]!.hotSpotClass).toBe('hot-95');
	});
});

describe('getisOrdGiStar', () => {
	it('leaves features without neighbours, or neighbouring everyone, without a z-score', () => {
		const values = [1, 2, 3, 10, 4];
		const neighbours = [[1, 2], [0], [0], [], [0, 1, 2, 3]];
		const results = getisOrdGiStar(values, neighbours);
		expect(results[3]).toEqual({ z: null, p: null, q: null, hotSpotClass: 'none', neighbourCount: 0 });
		// Feature 4 and its 4 neighbours are all 5 features: the variance term n Σw² − (Σw)² is 0.
		expect(results[4]!.z).toBeNull();
		expect(results[0]!.z).not.toBeNull();
	});

	it('ignores a feature listed as its own neighbour (it is always included once)', () => {
		const values = [5, 1, 1, 1, 1, 9];
		const plain = getisOrdGiStar(values, [[1], [0], [3], [2], [5], [4]]);
		const withSelf = getisOrdGiStar(values, [[0, 1], [0, 1], [3], [2], [5], [4]]);
		expect(withSelf).toEqual(plain);
	});

	it('gives z = 0 and p = 1 when all values are equal', () => {
		const results = getisOrdGiStar([3, 3, 3, 3], [[1], [0, 2], [1, 3], [2]]);
		for (const result of results) expect(result).toMatchObject({ z: 0, p: 1, q: 1, hotSpotClass: 'none' });
	});

	it('classes by q-value, hot above and cold below, within alpha', () => {
		// 40 features in pairs: a pair of high values (20) and a pair of low ones (−20) among zeros.
		const values = Array.from({ length: 40 }, (_, i) => (i < 2 ? 20 : i < 4 ? -20 : 0));
		const neighbours = values.map((_, i) => [i % 2 === 0 ? i + 1 : i - 1]);
		const results = getisOrdGiStar(values, neighbours);
		expect(results[0]!.hotSpotClass.startsWith('hot-')).toBe(true);
		expect(results[2]!.hotSpotClass.startsWith('cold-')).toBe(true);
		expect(results[10]!.hotSpotClass).toBe('none');
		// A class at 99 % needs q ≤ 0.01.
		for (const result of results) {
			if (result.hotSpotClass.endsWith('-99')) expect(result.q!).toBeLessThanOrEqual(0.01);
		}
		const strict = getisOrdGiStar(values, neighbours, { alpha: 0.0001 });
		expect(strict.every((result) => result.hotSpotClass === 'none')).toBe(true);
	});
});

describe('benjaminiHochberg', () => {
	it('matches R p.adjust(method = "BH") on a known example', () => {
		// Sorted: 0.005, 0.01, 0.03, 0.04, 0.5 (m = 5): p·m/rank = 0.025, 0.025, 0.05, 0.05, 0.5,
		// then the running minimum from the largest p down keeps them as they are.
		const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.5]);
		expect(q.map((value) => Number(value!.toFixed(10)))).toEqual([0.025, 0.05, 0.05, 0.025, 0.5]);
	});

	it('takes the running minimum and skips nulls (they are not tests)', () => {
		// m = 3: 0.02·3/1 = 0.06, 0.021·3/2 = 0.0315, 0.022·3/3 = 0.022 → running min from the top: 0.022 each.
		expect(
			benjaminiHochberg([0.02, null, 0.021, 0.022]).map((value) => value && Number(value.toFixed(10)))
		).toEqual([0.022, null, 0.022, 0.022]);
		expect(benjaminiHochberg([])).toEqual([]);
	});
});

describe('twoSidedP', () => {
	it('is 1 at z = 0 and 0.05 at z = ±1.959964', () => {
		expect(twoSidedP(0)).toBe(1);
		expect(twoSidedP(1.959964)).toBeCloseTo(0.05, 6);
		expect(twoSidedP(-1.959964)).toBeCloseTo(0.05, 6);
		expect(twoSidedP(2.575829)).toBeCloseTo(0.01, 6);
	});
});
