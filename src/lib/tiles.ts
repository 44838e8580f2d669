// Client-safe description of the vector tiles served under /tiles: the map builds its sources from this.
// The server side (rendering, caching, HTTP) is in $lib/server/tiles.
import type { HamletKind, UnitType } from './domain';

/** The tile layers, in drawing order (communes over hamlets is up to the map style). */
const TILE_LAYERS = ['hamlets', 'communes'] as const;

export type TileLayer = (typeof TILE_LAYERS)[number];

export interface TileLayerInfo {
	/** The `source-layer` of the MapLibre layers that draw this tile layer. */
	sourceLayer: string;
	/** First zoom with tiles; below it the layer is not served (the map shows nothing or another source). */
	minZoom: number;
	/** Last zoom with its own tiles; MapLibre overzooms these above it. */
	maxZoom: number;
}

/**
 * Zoom ranges, from tiles measured on the demo data: the city fits at about z9, where a commune tile is
 * about 25 kB. Hamlets start at z10 (a central tile: 1,700 hamlets, 74 kB): a z9 or z8 tile over the
 * centre holds nearly all 4,900 hamlets (about 210 kB), too heavy for the overview. Both stop at z16
 * (a tile unit is about 15 cm in Hà Nội, finer than any boundary we have); MapLibre overzooms above.
 */
export const TILE_LAYER_INFO: Record<TileLayer, TileLayerInfo> = {
	hamlets: { sourceLayer: 'hamlets', minZoom: 10, maxZoom: 16 },
	communes: { sourceLayer: 'communes', minZoom: 8, maxZoom: 16 }
};

/** Whether a URL segment names a tile layer. */
export function isTileLayer(value: string): value is TileLayer {
	return (TILE_LAYERS as readonly string[]).includes(value);
}

/** Properties of a hamlet feature; its feature id is the hamlet id (for `setFeatureState`). */
export interface HamletTileProperties {
	name: string;
	/** The commune's 5-digit code, e.g. '00004'. */
	communeCode: string;
	kind: HamletKind;
	rural: boolean;
	/** The boundary is generated (Ranh giới ước tính), not drawn by the commune. */
	approximate: boolean;
}

/** Properties of a commune feature; its feature id is `Number(code)`. */
export interface CommuneTileProperties {
	/** Official 5-digit code, e.g. '00004'. */
	code: string;
	/** e.g. 'Ba Đình'. */
	name: string;
	/** e.g. 'Phường Ba Đình'. */
	fullName: string;
	unitType: UnitType;
}

/**
 * The `tiles` URL of a vector source, e.g. `/tiles/hamlets/{z}/{x}/{y}.mvt?v=…`. `version` is the tile
 * version the server gave the page (`currentTileVersion` in $lib/server/tiles): with the current
 * version the responses are cacheable for a year, so a CDN serves them until the data changes.
 * MapLibre needs absolute URLs in a vector source: pass the page's origin (`page.url.origin`).
 */
export function tileUrlTemplate(layer: TileLayer, version: string, origin = ''): string {
	return `${origin}/tiles/${layer}/{z}/{x}/{y}.mvt?v=${encodeURIComponent(version)}`;
}
