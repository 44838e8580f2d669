import { describe, expect, it } from 'vitest';
import { hamletKeyOfProperties } from './hamlet-key-of-properties';

describe('hamletKeyOfProperties', () => {
	it('reads the usual attribute names of land-office files', () => {
		expect(hamletKeyOfProperties({ MA_THON: 9700001, TEN_THON: 'THÔN 1' })).toEqual({
			id: 9700001,
			name: 'THÔN 1'
		});
		expect(hamletKeyOfProperties({ 'Tên thôn': 'Yên Sơn', ma: '42' })).toEqual({ id: 42, name: 'Yên Sơn' });
		expect(hamletKeyOfProperties({ id: 7, name: 'A' })).toEqual({ id: 7, name: 'A' });
	});

	it('normalises a decomposed (NFD) name to NFC', () => {
		const { name } = hamletKeyOfProperties({ TEN: 'Yên Sơn'.normalize('NFD') });
		expect(name).toBe('Yên Sơn'.normalize('NFC'));
		expect(name!.length).toBe(7);
	});

	it('reads no id from non-numbers, zero, negatives or fractions, and nothing from no properties', () => {
		for (const id of ['x1', 0, -3, 1.5, '0x1', '1e3']) expect(hamletKeyOfProperties({ id }).id).toBeNull();
		expect(hamletKeyOfProperties(null)).toEqual({ id: null, name: null });
	});
});
