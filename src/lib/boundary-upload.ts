// What a boundary upload may hold and what its preview shows: client-safe, shared by the server that
// reads and checks the file and the page that shows the limits, the preview and the mapping step.
import type { MultiPolygon } from 'geojson';

/** The limits of one upload, stated on the page and enforced before any heavy work. */
export const BOUNDARY_UPLOAD_LIMITS = {
	/** The uploaded file (GeoJSON or zipped Shapefile). */
	fileBytes: 20 * 1024 * 1024,
	/** The zip's members once unpacked, all together (a zip bomb stops here, by the sizes it declares). */
	unzippedBytes: 100 * 1024 * 1024,
	/** Features (hamlets) per file: a commune has a few dozen. */
	features: 2000,
	vertices: { perFeature: 50_000, total: 1_000_000 },
	/** A hamlet's name, in characters. */
	nameCharacters: 200
} as const;

/**
 * How far (in degrees, ≈ 50 m at Hanoi's latitude) an official boundary may reach beyond its commune's
 * polygon: the communes' own boundaries are not surveyed to the metre.
 */
export const COMMUNE_TOLERANCE_DEGREES = 0.0005;

/** Overlap between two uploaded hamlets above this share of the smaller one refuses the upload. */
export const OVERLAP_REFUSED_SHARE = 0.01;

/** The coordinate systems a person may choose when the file does not say (no .prj, no `crs`). */
export const CHOOSABLE_CRS = ['auto', '4326', '5897', '3405'] as const;
export type ChoosableCrs = (typeof CHOOSABLE_CRS)[number];

/** What a feature becomes: an existing hamlet's new boundary, or a new hamlet. */
export type FeatureTarget = { kind: 'hamlet'; hamletId: number } | { kind: 'new' };

/** One feature of the upload as the preview shows it. */
export interface PreviewFeature {
	index: number;
	/** The name in the file, if any. */
	name: string | null;
	/** The hamlet id in the file, if any. */
	fileId: number | null;
	/** The automatic match (by id, then by name), or null. */
	matchedHamletId: number | null;
	matchedBy: 'id' | 'name' | null;
	/** Why the geometry is invalid (PostGIS), when it is. */
	invalidReason: string | null;
	/** Whether the geometry shown is ST_MakeValid's repair of an invalid one. */
	repaired: boolean;
	/** Area outside the commune, m², and whether it exceeds the tolerance. */
	outsideM2: number;
	outsideBeyondTolerance: boolean;
	areaM2: number;
	geometry: MultiPolygon;
}

/** Two hamlets whose boundaries overlap, by their feature index (uploaded) or hamlet id (kept). */
export interface BoundaryOverlap {
	a: string;
	b: string;
	areaM2: number;
	/** Of the smaller of the two. */
	share: number;
	/** Whether both are uploaded boundaries (then above OVERLAP_REFUSED_SHARE the upload is refused). */
	bothUploaded: boolean;
}

export interface BoundaryPreview {
	fileName: string;
	format: 'geojson' | 'shapefile';
	crsName: string;
	features: PreviewFeature[];
	overlaps: BoundaryOverlap[];
	/** Share of the commune's area that no hamlet covers after the upload (0–1). */
	uncoveredShare: number;
	/** Problems that block the commit, in both languages. */
	blocking: { path: string; vi: string; en: string }[];
}
