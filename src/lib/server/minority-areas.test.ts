import { describe, expect, it } from 'vitest';
import { isDesignatedMinority, minorityDesignations, minorityDesignationsFrom } from './minority-areas';

describe('minority designations (Quyết định 201/QĐ-UBND)', () => {
	const designations = minorityDesignations();

	it('reads the five designated xã and the named thôn from the geodata CSV', () => {
		expect([...designations.communeCodes].sort()).toEqual(['04930', '09694', '09700', '09706', '10441']);
		expect(designations.hamletNamesByCommune.get('10081')).toEqual(['Thôn Đồng Ké']);
		// Read once: the same object on every call.
		expect(minorityDesignations()).toBe(designations);
	});

	it('designates every hamlet of a designated xã', () => {
		expect(isDesignatedMinority(designations, { communeCode: '09700', name: 'Thôn 1' })).toBe(true);
		expect(isDesignatedMinority(designations, { communeCode: '00004', name: 'Tổ dân phố 1' })).toBe(false);
	});

	it('matches a designated thôn by name within its commune only, whatever the marks and kind prefix', () => {
		// GeoNames spells it 'Đong Kế'; the decision says 'Thôn Đồng Ké'.
		expect(isDesignatedMinority(designations, { communeCode: '10081', name: 'Đong Kế' })).toBe(true);
		expect(isDesignatedMinority(designations, { communeCode: '10081', name: 'thôn dong ke' })).toBe(true);
		expect(isDesignatedMinority(designations, { communeCode: '10081', name: 'Thôn 1' })).toBe(false);
		expect(isDesignatedMinority(designations, { communeCode: '00004', name: 'Thôn Đồng Ké' })).toBe(false);
	});

	it('groups parsed rows by level', () => {
		const grouped = minorityDesignationsFrom([
			{ level: 'commune', communeCode: '11111', hamletName: null },
			{ level: 'hamlet', communeCode: '22222', hamletName: 'Bản Mường' },
			{ level: 'hamlet', communeCode: '22222', hamletName: 'Thôn Dao' }
		]);
		expect([...grouped.communeCodes]).toEqual(['11111']);
		expect(grouped.hamletNamesByCommune.get('22222')).toEqual(['Bản Mường', 'Thôn Dao']);
	});
});
