import { createContext } from 'svelte';
import type { Map } from 'maplibre-gl';
import type { MapLibreModule } from './load-maplibre';

/** What Map.svelte shares with the components nested in it, which it renders only once the map exists. */
export interface MapContext {
	/** The map instance. */
	readonly map: Map;
	/** The MapLibre module, for constructing controls, popups and markers. */
	readonly maplibre: MapLibreModule;
}

/** Reads and provides the enclosing Map.svelte's context. */
export const [getMapContext, setMapContext] = createContext<MapContext>();
