// The coordinate reference systems an uploaded boundary file may use, as data: WGS 84, and Vietnam's
// national VN-2000 in the projections land offices deliver (Hanoi: TM-3 zone 482, or UTM zone 48N).

/**
 * VN-2000 → WGS 84, the official 7 parameters (EPSG:6960's values with the rotations in proj4's
 * position-vector convention). Measured against `cs2cs EPSG:5897 EPSG:4326` (PROJ 9.1.1): within 1 mm
 * around Hanoi; the published rotation signs are 0.76 m off, three parameters 0.38 m, none 224 m.
 */
export const VN2000_TOWGS84 = [
	-191.90441429, -39.30318279, -111.45032835, 0.00928836, -0.01975479, 0.00427372, 0.252906278
] as const;

/** A coordinate system the upload can read: geographic WGS 84, or a projection proj4 can invert. */
export type Crs =
	| { kind: 'wgs84'; name: string }
	| {
			kind: 'projected';
			/** A readable name, e.g. 'VN-2000 / TM-3 zone 482 (EPSG:5897)'. */
			name: string;
			/** The proj4 definition, with the datum shift to WGS 84. */
			proj4: string;
	  };

export const WGS84: Crs = { kind: 'wgs84', name: 'WGS 84 (EPSG:4326)' };

/** The EPSG codes a person may choose, or a GeoJSON `crs` may name, with their names. */
export const KNOWN_EPSG_CODES = [4326, 5897, 3405, 32648] as const;
export type KnownEpsgCode = (typeof KNOWN_EPSG_CODES)[number];
