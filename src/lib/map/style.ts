// https://maplibre.org/maplibre-style-spec/root/
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { notoSansFontFaces } from './fonts';
import { MAP_LAYERS, SOURCE_IDS } from './layers';

/** The GeoJSON the base map draws, as the page's `load` returns it (WGS 84, `[lng, lat]`). */
export interface MapStyleData {
	/** Hanoi's boundary. */
	cityOutline: FeatureCollection<Polygon | MultiPolygon>;
	/** The communes, with at least `code`, `name` and `unitType` properties and a numeric feature `id`. */
	communes: FeatureCollection<Polygon | MultiPolygon>;
	/** One point per commune where its name goes, with `name` and `unitType`. */
	communeLabelPoints: FeatureCollection<Point>;
}

/** Options that depend on where the style is served from rather than on the data. */
export interface MapStyleOptions {
	/** URL of the directory holding the Noto Sans woff2 files. */
	fontsUrl?: string;
}

/** Credit for the commune and city boundaries, which their MIT licence asks for. */
export const BOUNDARY_ATTRIBUTION = 'Ranh giới: sapnhap.bando.com.vn, vietnamese-provinces-database (MIT)';

/**
 * The whole offline style: no tiles, sprites or glyph server, only the GeoJSON the page brings and the
 * self-hosted fonts. A new object can be handed to `map.setStyle`, which diffs it into the map.
 */
export function createMapStyle(data: MapStyleData, options: MapStyleOptions = {}): StyleSpecification {
	return {
		version: 8,
		name: 'Gõ Từng Nhà',
		'font-faces': notoSansFontFaces(options.fontsUrl),
		sources: {
			[SOURCE_IDS.cityOutline]: {
				type: 'geojson',
				data: data.cityOutline,
				attribution: BOUNDARY_ATTRIBUTION
			},
			[SOURCE_IDS.communes]: { type: 'geojson', data: data.communes },
			[SOURCE_IDS.communeLabelPoints]: { type: 'geojson', data: data.communeLabelPoints }
		},
		layers: [...MAP_LAYERS]
	};
}
