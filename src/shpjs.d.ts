// shpjs 6.2 ships no types: the two parsers the boundary upload calls (src/lib/server/boundaries).
declare module 'shpjs' {
	import type { Geometry } from 'geojson';
	/** The geometries of a .shp, reprojected from `prj` when given (without a datum shift). */
	export function parseShp(shp: ArrayBuffer | ArrayBufferView, prj?: string): (Geometry | null)[];
	/** The rows of a .dbf, decoded with the .cpg's encoding (TextDecoder label). */
	export function parseDbf(dbf: ArrayBuffer | ArrayBufferView, cpg?: string): Record<string, unknown>[];
}
