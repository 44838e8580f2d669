// When the map should move to a selection, and to where: pure, so the rule is tested without a map.
import bbox from '@turf/bbox';
import type { Geometry } from 'geojson';
import type { Bbox } from '$lib/places';

/** Whether `inner` lies wholly inside `outer` (both `[west, south, east, north]`). */
function contains(outer: Bbox, inner: Bbox): boolean {
	return inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];
}

/**
 * Whether the camera should move to show `target`: when it is not wholly in view, or when the map is
 * zoomed out below `minZoom` (the city view, where a hamlet is a speck). A hamlet clicked on the map is
 * in view, so the map stays; one picked from a list or the table elsewhere brings the map to it.
 */
export function needsCameraMove(view: Bbox, zoom: number, target: Bbox, minZoom: number): boolean {
	return zoom < minZoom || !contains(view, target);
}

/**
 * The bounds of a feature's pieces as tiles give them (cut at tile edges, each piece a geometry):
 * together they span the feature wherever its tiles are loaded. Undefined for no piece.
 */
export function boundsOfPieces(pieces: readonly Geometry[]): Bbox | undefined {
	if (pieces.length === 0) return undefined;
	const [west, south, east, north] = bbox({ type: 'GeometryCollection', geometries: [...pieces] });
	return [west, south, east, north];
}
