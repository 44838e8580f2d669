import { describe, expect, it } from 'vitest';
import { InputError } from '../input-error';
import grid from './fixtures/vn2000-grid.json';
import { crsFromPrj } from './crs-from-prj';
import { VN2000_TOWGS84 } from './crs';

const WGS84_GEOGRAPHIC =
	'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

function refusal(prj: string): InputError {
	try {
		crsFromPrj(prj);
	} catch (error) {
		if (error instanceof InputError) return error;
		throw error;
	}
	throw new Error('not refused');
}

describe('crsFromPrj', () => {
	it('reads an ESRI VN-2000 TM-3 .prj (no TOWGS84) with the official shift and its own zone', () => {
		const crs = crsFromPrj(grid.grids[0]!.esriPrj);
		expect(crs.kind).toBe('projected');
		if (crs.kind !== 'projected') return;
		expect(crs.proj4).toContain('+lon_0=105 ');
		expect(crs.proj4).toContain('+k=0.9999 ');
		expect(crs.proj4).toContain(`+towgs84=${VN2000_TOWGS84.join(',')}`);
	});

	it('takes the central meridian and scale factor from the .prj (TM-3 zone 105°45′, k 0.9999)', () => {
		const prj = grid.grids[0]!.esriPrj.replace('"Central_Meridian",105.0', '"Central_Meridian",105.75');
		const crs = crsFromPrj(prj);
		expect(crs.kind === 'projected' && crs.proj4).toContain('+lon_0=105.75 ');
	});

	it('reads the UTM 48N variant with k 0.9996', () => {
		const crs = crsFromPrj(grid.grids[1]!.esriPrj);
		expect(crs.kind === 'projected' && crs.proj4).toContain('+k=0.9996 ');
	});

	it('reads WGS 84 geographic (with a BOM) as WGS 84', () => {
		expect(crsFromPrj(`\uFEFF${WGS84_GEOGRAPHIC}`).kind).toBe('wgs84');
	});

	it('refuses another datum, a broken WKT and an empty text as unknown-crs', () => {
		const tokyo = WGS84_GEOGRAPHIC.replace('D_WGS_1984', 'D_Tokyo')
			.replace('GCS_WGS_1984', 'GCS_Tokyo')
			.replace('"WGS_1984"', '"Bessel_1841"');
		for (const prj of [tokyo, 'PROJCS["broken', 'hello', '']) {
			const error = refusal(prj);
			expect(error.code).toBe('unknown-crs');
			expect(error.messageEn).toContain('not supported');
		}
	});
});
