import { describe, expect, it } from 'vitest';
import { flagHamlets } from './flags';
import { expectGolden, goldenCases } from './golden-fixtures';
import { makeHamlet } from './test-hamlets';
import type { HamletFeature } from './types';

describe('flagHamlets', () => {
	it.each(goldenCases('flags'))('matches the golden output for $name', ({ input, outPath }) => {
		const hamlets = input.features as (HamletFeature & { properties: { gapIndex: number } })[];
		const indices = new Map(hamlets.map((hamlet) => [hamlet.properties.id, hamlet.properties.gapIndex]));
		const flags = flagHamlets(hamlets, indices, input.options);
		expectGolden(outPath, {
			type: 'FeatureCollection',
			features: hamlets.map((hamlet) => ({
				type: 'Feature',
				properties: {
					id: hamlet.properties.id,
					gapIndex: hamlet.properties.gapIndex,
					...flags.get(hamlet.properties.id)
				},
				geometry: hamlet.geometry
			}))
		});
	});

	it('calls a hamlet rural when its commune is a xã or it is itself rural', () => {
		const flags = flagHamlets(
			[
				makeHamlet(1),
				makeHamlet(2, { isRural: true }),
				makeHamlet(3, { isWard: false, isRural: false, communeCode: '09700' })
			],
			new Map()
		);
		expect([1, 2, 3].map((id) => flags.get(id)!.rural)).toEqual([false, true, true]);
	});

	it('calls a hamlet minority when designated or at the threshold', () => {
		const hamlets = [
			makeHamlet(1, { minorityShare: 0.29 }),
			makeHamlet(2, { minorityShare: 0.3 }),
			makeHamlet(3, { minorityShare: 0, designatedMinority: true })
		];
		const flags = flagHamlets(hamlets, new Map());
		expect([1, 2, 3].map((id) => flags.get(id)!.minority)).toEqual([false, true, true]);
		const lower = flagHamlets(hamlets, new Map(), { minorityShareThreshold: 0.2 });
		expect(lower.get(1)!.minority).toBe(true);
	});

	it('flags the top decile city-wide, ties included, and at least one hamlet per commune', () => {
		// 20 hamlets in commune A with indices 1…20, 2 in commune B with 5 and 3.
		const hamlets = [
			...Array.from({ length: 20 }, (_, k) => makeHamlet(k + 1)),
			makeHamlet(21, { communeCode: '09700' }),
			makeHamlet(22, { communeCode: '09700' })
		];
		const indices = new Map<number, number>(
			hamlets.map((hamlet) => [hamlet.properties.id, hamlet.properties.id])
		);
		indices.set(21, 5);
		indices.set(22, 3);
		indices.set(18, 20); // ties with hamlet 20
		const flags = flagHamlets(hamlets, indices);
		const city = hamlets.filter((hamlet) => flags.get(hamlet.properties.id)!.largestGapCity);
		// ⌈0.1 × 22⌉ = 3: indices 20, 20 (hamlets 18, 20) and 19 — no tie at the cut.
		expect(city.map((hamlet) => hamlet.properties.id)).toEqual([18, 19, 20]);
		const commune = hamlets.filter((hamlet) => flags.get(hamlet.properties.id)!.largestGapCommune);
		// Commune A: ⌈2⌉ = 2 → the cut is 20, so hamlets 18 and 20; commune B: ⌈0.2⌉ = 1 → hamlet 21.
		expect(commune.map((hamlet) => hamlet.properties.id)).toEqual([18, 20, 21]);
	});

	it('never flags a gap index of 0 or a hamlet without an index as a largest gap', () => {
		const hamlets = [makeHamlet(1), makeHamlet(2), makeHamlet(3)];
		const flags = flagHamlets(hamlets, new Map([[1, 0]]));
		for (const id of [1, 2, 3]) {
			expect(flags.get(id)).toMatchObject({ largestGapCity: false, largestGapCommune: false });
		}
	});
});
