import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { VillagePointProperties } from './approximate-hamlets';
import {
	buildSpellingDictionary,
	foldDiacritics,
	hasVietnameseLetter,
	restoreDiacritics,
	withRestoredNames
} from './restore-diacritics';

describe('restoring diacritics from our own sources', () => {
	const dictionary = buildSpellingDictionary([
		'Xã Vân Đình',
		'Phường Đông Dư',
		'Văn La',
		// Two spellings of one folded key: neither can be trusted.
		'Phường Văn Miếu',
		'Vân Miếu',
		'Plain Ascii'
	]);

	it('folds case, diacritics, đ and spaces', () => {
		expect(foldDiacritics('  Vân   ĐÌNH ')).toBe('van dinh');
		expect(foldDiacritics('Đông Dư'.normalize('NFD'))).toBe('dong du');
	});

	it('tells a Vietnamese letter from ASCII', () => {
		expect(hasVietnameseLetter('Thôn 3')).toBe(true);
		expect(hasVietnameseLetter('Dich Vong Trung')).toBe(false);
	});

	it('keeps a spelled name, restores a unique match, refuses an ambiguous or unknown one', () => {
		expect(restoreDiacritics('Hữu Tiệp', dictionary)).toBe('Hữu Tiệp');
		expect(restoreDiacritics('Van Dinh', dictionary)).toBe('Vân Đình');
		expect(restoreDiacritics('dong du', dictionary)).toBe('Đông Dư');
		expect(restoreDiacritics('Van Mieu', dictionary)).toBeNull();
		expect(restoreDiacritics('Dich Vong Trung', dictionary)).toBeNull();
		expect(dictionary.has('plain ascii')).toBe(false);
	});

	it('returns NFC even from a decomposed source', () => {
		const decomposed = buildSpellingDictionary(['Vân Đình'.normalize('NFD')]);
		expect(restoreDiacritics('Van Dinh', decomposed)).toBe('Vân Đình'.normalize('NFC'));
		expect(restoreDiacritics('Hữu Tiệp'.normalize('NFD'), decomposed)).toBe('Hữu Tiệp'.normalize('NFC'));
	});

	it('rewrites village points so that a bare-ASCII name is restored or dropped', () => {
		const point = (
			name: string | null
		): FeatureCollection<Point, VillagePointProperties>['features'][number] => ({
			type: 'Feature',
			properties: { name_vi: name, name_vi_has_diacritics: false },
			geometry: { type: 'Point', coordinates: [105.8, 21] }
		});
		const rewritten = withRestoredNames(
			{ type: 'FeatureCollection', features: [point('Van Dinh'), point('Dich Vong Trung'), point(null)] },
			dictionary
		);
		expect(rewritten.features.map((feature) => feature.properties)).toEqual([
			{ name_vi: 'Vân Đình', name_vi_has_diacritics: true },
			{ name_vi: null, name_vi_has_diacritics: false },
			{ name_vi: null, name_vi_has_diacritics: false }
		]);
	});
});
