import type { Map } from 'maplibre-gl';

/**
 * Dispatched (bubbling) on the map container once the map has loaded its style. Tests and host pages
 * listen for it to get the map instance without the app putting it on `window`.
 */
export const MAP_READY_EVENT = 'gtn:map-ready';

/** The `detail` of a `MAP_READY_EVENT`. */
export interface MapReadyDetail {
	map: Map;
}
