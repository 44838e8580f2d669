import { VN2000_TOWGS84 } from './crs';

/** A VN-2000 transverse Mercator projection (a TM-3 or UTM zone) as a proj4 definition with the official shift. */
export function vn2000Proj4(zone: {
	centralMeridian: number;
	scaleFactor: number;
	falseEasting?: number;
	falseNorthing?: number;
}): string {
	const { centralMeridian, scaleFactor, falseEasting = 500000, falseNorthing = 0 } = zone;
	return (
		`+proj=tmerc +lat_0=0 +lon_0=${centralMeridian} +k=${scaleFactor} +x_0=${falseEasting} +y_0=${falseNorthing}` +
		` +ellps=WGS84 +towgs84=${VN2000_TOWGS84.join(',')} +units=m +no_defs`
	);
}
