// A place the search box finds (served by /api/search): client-safe, so that the search box and the
// map page share the type with the server's search.

/** A bounding box [west, south, east, north] in degrees (WGS 84). */
export type Bbox = [number, number, number, number];

export interface PlaceResult {
	kind: 'commune' | 'hamlet';
	/** The commune's 5-digit code or the hamlet's id. */
	id: string;
	/** As shown: "Phường Ba Đình", "Tổ dân phố 3". */
	name: string;
	/** The commune a hamlet lies in; empty for a commune. */
	context: string;
	bbox: Bbox;
}
