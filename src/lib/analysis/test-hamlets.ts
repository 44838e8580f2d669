// Test helper (imported only by *.test.ts): hamlet factories with plausible defaults.
import { square } from './test-squares';
import type { HamletAnalysisProperties, HamletFeature } from './types';

/** A hamlet as a 0.01° square in column/row of a grid near Hanoi, with overridable figures. */
export function makeHamlet(
	id: number,
	overrides: Partial<HamletAnalysisProperties> = {},
	column = id % 10,
	row = Math.floor(id / 10) % 10
): HamletFeature {
	return {
		type: 'Feature',
		properties: {
			id,
			name: `Tổ dân phố ${id}`,
			communeCode: '00004',
			isWard: true,
			isRural: false,
			designatedMinority: false,
			households: 400,
			adults: 1000,
			elderly: 150,
			minorityShare: 0,
			householdsReached: 200,
			adultsAssessed: 40,
			withBasicSkills: 20,
			withSmartphone: 30,
			withEpayment: 15,
			withVneidLevel2: 10,
			...overrides
		},
		geometry: { type: 'Polygon', coordinates: square(105.8 + column * 0.01, 21 + row * 0.01, 0.01) }
	};
}
