import { describe, expect, it } from 'vitest';
import { GAP_FLAG_BITS } from '$lib/gap-flags';
import { communeFilterFlags } from './map-gap-values';

const { rural, minority, largestGapCity } = GAP_FLAG_BITS;

describe('communeFilterFlags', () => {
	const codes = Array.from({ length: 12 }, (_, index) => String(index + 1).padStart(5, '0'));
	const facts = {
		isXa: (code: string) => Number(code) % 2 === 0,
		isDesignated: (code: string) => code === '00004'
	};

	it('flags a xã as rural and a designated commune as minority', () => {
		const flags = communeFilterFlags(codes, new Map(), facts);
		expect(flags[0]).toBe(0);
		expect(flags[1]).toBe(rural);
		expect(flags[3]).toBe(rural | minority);
	});

	it('flags the top decile of commune gap indexes (rounded up), ties included, never an index of 0', () => {
		// 12 communes: ⌈1.2⌉ = 2 are wanted; two tie at 50 behind the 80, so three are flagged.
		const gaps = new Map(codes.map((code, index) => [code, index < 3 ? [80, 50, 50][index]! : 10]));
		const flags = communeFilterFlags(codes, gaps, { isXa: () => false, isDesignated: () => false });
		expect(flags.map((flag) => (flag & largestGapCity) !== 0)).toEqual([
			true,
			true,
			true,
			...new Array(9).fill(false)
		]);
		const zeros = communeFilterFlags(codes, new Map(codes.map((code) => [code, 0])), facts);
		expect(zeros.some((flag) => (flag & largestGapCity) !== 0)).toBe(false);
	});
});
