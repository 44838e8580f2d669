import type * as MapLibre from 'maplibre-gl';
// Vite emits the worker bundle as a file of its own; MapLibre's default (next to its module) breaks once
// Vite has bundled or pre-bundled that module.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

/** The MapLibre GL JS module. */
export type MapLibreModule = typeof MapLibre;

let loading: Promise<MapLibreModule> | undefined;

/**
 * Imports MapLibre in the browser, once, and points it at its worker. Imported lazily so that the server
 * never evaluates it and the page's first script stays small.
 */
export function loadMapLibre(): Promise<MapLibreModule> {
	loading ??= import('maplibre-gl').then((maplibre) => {
		maplibre.setWorkerUrl(workerUrl);
		return maplibre;
	});
	// A failed download must not stick: the next map to mount tries again.
	loading.catch(() => (loading = undefined));
	return loading;
}
