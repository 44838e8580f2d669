import type { Crs, KnownEpsgCode } from './crs';
import { WGS84 } from './crs';
import { vn2000Proj4 } from './vn2000-proj4';

/** The CRS of a supported EPSG code (see KNOWN_EPSG_CODES). */
export function crsFromEpsg(code: KnownEpsgCode): Crs {
	switch (code) {
		case 4326:
			return WGS84;
		case 5897:
			return {
				kind: 'projected',
				name: 'VN-2000 / TM-3 zone 482 (EPSG:5897)',
				proj4: vn2000Proj4({ centralMeridian: 105, scaleFactor: 0.9999 })
			};
		case 3405:
			return {
				kind: 'projected',
				name: 'VN-2000 / UTM zone 48N (EPSG:3405)',
				proj4: vn2000Proj4({ centralMeridian: 105, scaleFactor: 0.9996 })
			};
		case 32648:
			return {
				kind: 'projected',
				name: 'WGS 84 / UTM zone 48N (EPSG:32648)',
				proj4: '+proj=utm +zone=48 +datum=WGS84 +units=m +no_defs'
			};
	}
}
