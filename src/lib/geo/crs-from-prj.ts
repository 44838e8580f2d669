import proj4 from 'proj4';
import { InputError } from '../input-error';
import type { Crs } from './crs';
import { VN2000_TOWGS84, WGS84 } from './crs';
import { vn2000Proj4 } from './vn2000-proj4';

const VN2000_NAME = /vietnam[_ ]?2000|vn[-_ ]?2000/i;
const RADIANS_TO_DEGREES = 180 / Math.PI;

/** What proj4 reads out of a WKT (its parsed definition; the typings only declare the methods). */
interface ParsedWkt {
	projName?: string;
	srsCode?: string;
	name?: string;
	datumCode?: string;
	datumName?: string;
	datum_params?: number[];
	to_meter?: number;
	long0: number;
	k0?: number;
	x0?: number;
	y0?: number;
}

function unknownCrs(name: string): InputError {
	return InputError.invalid(
		'unknown-crs',
		{
			vi: `Hệ tọa độ trong tệp .prj (${name}) không được hỗ trợ: hãy dùng WGS 84 hoặc VN-2000 (EPSG:5897, EPSG:3405)`,
			en: `The .prj's coordinate system (${name}) is not supported: use WGS 84 or VN-2000 (EPSG:5897, EPSG:3405)`
		},
		'prj'
	);
}

/**
 * The CRS a Shapefile's .prj (OGC or ESRI WKT) describes. A VN-2000 projection without TOWGS84 — what
 * ArcGIS and GDAL write ('D_Vietnam_2000') — gets the official 7-parameter shift, keeping the .prj's
 * central meridian, scale factor and false origin; without it the result would be up to 224 m off.
 * WGS 84 (geographic or projected) is read as is; anything else is refused ('unknown-crs').
 */
export function crsFromPrj(prjText: string): Crs {
	const text = prjText.replace(/^\uFEFF/, '').trim();
	let parsed: ParsedWkt;
	try {
		parsed = new proj4.Proj(text) as unknown as ParsedWkt;
	} catch {
		throw unknownCrs(text.slice(0, 80) || '—');
	}
	const name = String(parsed.srsCode ?? parsed.name ?? 'WKT');
	const isVn2000 = VN2000_NAME.test(`${parsed.datumCode ?? ''} ${name} ${text.slice(0, 200)}`);
	const hasShift = Array.isArray(parsed.datum_params) && parsed.datum_params.some((value) => value !== 0);
	const metres = parsed.to_meter === undefined || parsed.to_meter === 1;
	const isGeographic = parsed.projName === 'longlat';
	if (isVn2000) {
		if (isGeographic) {
			return {
				kind: 'projected',
				name: `${name} (VN-2000)`,
				proj4: `+proj=longlat +ellps=WGS84 +towgs84=${VN2000_TOWGS84.join(',')} +no_defs`
			};
		}
		if (
			!hasShift &&
			parsed.projName &&
			/^(transverse_mercator|tmerc|utm)$/i.test(parsed.projName) &&
			metres
		) {
			return {
				kind: 'projected',
				name: `${name} (VN-2000)`,
				proj4: vn2000Proj4({
					centralMeridian: round(parsed.long0 * RADIANS_TO_DEGREES),
					scaleFactor: parsed.k0 ?? 1,
					falseEasting: parsed.x0 ?? 0,
					falseNorthing: parsed.y0 ?? 0
				})
			};
		}
		if (hasShift) return { kind: 'projected', name: `${name} (VN-2000, TOWGS84)`, proj4: text };
		throw unknownCrs(name);
	}
	const isWgs84 =
		parsed.datumCode === 'wgs84' ||
		/wgs[_ ]?(19)?84/i.test(`${parsed.datumName ?? ''} ${text.slice(0, 200)}`);
	if (!isWgs84 || (!metres && !isGeographic)) throw unknownCrs(name);
	return isGeographic ? WGS84 : { kind: 'projected', name, proj4: text };
}

/** Degrees from radians without the float noise (105.00000000000001 → 105). */
function round(degrees: number): number {
	return Math.round(degrees * 1e9) / 1e9;
}
