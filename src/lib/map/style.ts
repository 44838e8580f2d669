// https://maplibre.org/maplibre-style-spec/root/
import type { LayerSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { TILE_LAYER_INFO, tileUrlTemplate } from '$lib/tiles';
import { notoSansFontFaces } from './fonts';
import { LAYER_IDS, mapLayers, SOURCE_IDS, type MapThemes } from './layers';

/** The GeoJSON the map draws beside the tiles, as the page's `load` returns it (WGS 84, `[lng, lat]`). */
export interface MapStyleData {
	/** Hanoi's boundary. */
	cityOutline: FeatureCollection<Polygon | MultiPolygon>;
	/** One point per commune where its name goes, with `name` and `unitType`. */
	communeLabelPoints: FeatureCollection<Point>;
}

/** Options that depend on where the style is served from rather than on the data. */
export interface MapStyleOptions {
	/** URL of the directory holding the Noto Sans woff2 files. */
	fontsUrl?: string;
	/** Where the vector tiles come from: the page's origin and the data version the server gave it. */
	tiles: { origin: string; version: string };
	/** What colors the hamlets and communes; without it the communes are colored by unit type. */
	thematic?: MapThemes;
	/** The language of the credits; the page's by default. */
	locale?: Locale;
	/**
	 * An external basemap (deployments with internet): its sources and layers go under ours, and our
	 * opaque background and city fill are left out so it shows through.
	 */
	basemap?: StyleSpecification;
}

const OPAQUE_BASE_LAYERS: ReadonlySet<string> = new Set([LAYER_IDS.background, LAYER_IDS.cityFill]);

/**
 * The whole style, offline by default: our tiles and GeoJSON and the self-hosted fonts, no basemap
 * server. A new object can be handed to `map.setStyle`, which diffs it into the map, so a new metric
 * only changes paint properties and keeps the loaded tiles.
 */
export function createMapStyle(data: MapStyleData, options: MapStyleOptions): StyleSpecification {
	const { origin, version } = options.tiles;
	const locale = { locale: options.locale ?? getLocale() };
	// The commune and city boundaries' credit, which their MIT licence asks for; the hamlet boundaries
	// are ours, estimated, and the map says so.
	const boundaryAttribution = m.map_boundary_attribution({}, locale);
	const ours: StyleSpecification['sources'] = {
		[SOURCE_IDS.cityOutline]: { type: 'geojson', data: data.cityOutline, attribution: boundaryAttribution },
		[SOURCE_IDS.communes]: {
			type: 'vector',
			tiles: [tileUrlTemplate('communes', version, origin)],
			minzoom: TILE_LAYER_INFO.communes.minZoom,
			maxzoom: TILE_LAYER_INFO.communes.maxZoom,
			attribution: boundaryAttribution
		},
		[SOURCE_IDS.hamlets]: {
			type: 'vector',
			tiles: [tileUrlTemplate('hamlets', version, origin)],
			minzoom: TILE_LAYER_INFO.hamlets.minZoom,
			maxzoom: TILE_LAYER_INFO.hamlets.maxZoom,
			attribution: m.map_hamlet_attribution({}, locale)
		},
		[SOURCE_IDS.communeLabelPoints]: { type: 'geojson', data: data.communeLabelPoints }
	};
	const layers = mapLayers(options.thematic);
	const { basemap } = options;
	return {
		...(basemap ?? {}),
		version: 8,
		name: 'Gõ Từng Nhà',
		'font-faces': notoSansFontFaces(options.fontsUrl),
		sources: { ...(basemap?.sources ?? {}), ...ours },
		layers: basemap
			? [
					...basemap.layers,
					...layers.filter((layer: LayerSpecification) => !OPAQUE_BASE_LAYERS.has(layer.id))
				]
			: layers
	};
}
