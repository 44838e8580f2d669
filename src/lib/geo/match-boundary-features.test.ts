import { describe, expect, it } from 'vitest';
import { matchBoundaryFeatures } from './match-boundary-features';

const hamlets = [
	{ id: 1, name: 'Thôn 1' },
	{ id: 2, name: 'Yên Sơn' },
	{ id: 3, name: 'Đồng Tâm' },
	{ id: 4, name: 'Xóm Bãi' },
	{ id: 5, name: 'Xóm Bãi' }
];

describe('matchBoundaryFeatures', () => {
	it('matches by id first, then by name ignoring case, diacritics and the kind word', () => {
		const matches = matchBoundaryFeatures(
			[
				{ fileId: 3, name: 'whatever' },
				{ fileId: null, name: 'YEN SON' },
				{ fileId: 999, name: '1' },
				{ fileId: null, name: 'dong tam' }
			],
			hamlets
		);
		expect(matches).toEqual([
			{ hamletId: 3, by: 'id' },
			{ hamletId: 2, by: 'name' },
			{ hamletId: 1, by: 'name' },
			// Đồng Tâm went to the first feature (by id): a second claim is left for the person to map.
			{ hamletId: null, by: null }
		]);
	});

	it('leaves ambiguous and unknown names unmatched', () => {
		expect(
			matchBoundaryFeatures(
				[
					{ fileId: null, name: 'Xóm Bãi' },
					{ fileId: null, name: 'Thôn Mới' },
					{ fileId: null, name: null }
				],
				hamlets
			)
		).toEqual([
			{ hamletId: null, by: null },
			{ hamletId: null, by: null },
			{ hamletId: null, by: null }
		]);
	});
});
