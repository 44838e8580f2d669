// https://maplibre.org/maplibre-style-spec/layers/
import type {
	BackgroundLayerSpecification,
	FillLayerSpecification,
	LayerSpecification,
	LineLayerSpecification,
	SymbolLayerSpecification
} from '@maplibre/maplibre-gl-style-spec';
import { byUnitType, zoomRamp } from './expressions';
import { FONT_BOLD, FONT_REGULAR } from './fonts';

/** Source ids: one GeoJSON source per dataset the page loads. */
export const SOURCE_IDS = {
	cityOutline: 'city-outline',
	communes: 'communes',
	communeLabelPoints: 'commune-label-points'
} as const;

/** Layer ids; `MAP_LAYERS` gives their drawing order. */
export const LAYER_IDS = {
	background: 'background',
	cityFill: 'city-fill',
	communesFill: 'communes-fill',
	communesLine: 'communes-line',
	cityLine: 'city-line',
	communeLabels: 'commune-labels'
} as const;

/** The base map's colours: a pale land so that later thematic fills stand out. */
export const MAP_COLORS = {
	outside: '#dde3e8',
	city: '#f6f4ef',
	phuong: '#efd9bd',
	xa: '#d8e6c9',
	communeLine: '#ffffff',
	cityLine: '#56606b',
	label: '#2a2f36',
	labelHalo: '#ffffff'
} as const;

/** Everything outside the city; the style has no basemap tiles, so this is all there is. */
export const backgroundLayer: BackgroundLayerSpecification = {
	id: LAYER_IDS.background,
	type: 'background',
	paint: { 'background-color': MAP_COLORS.outside }
};

/** The city's land, under the communes so that gaps between commune polygons don't show the outside. */
export const cityFillLayer: FillLayerSpecification = {
	id: LAYER_IDS.cityFill,
	type: 'fill',
	source: SOURCE_IDS.cityOutline,
	paint: { 'fill-color': MAP_COLORS.city }
};

/** The 126 communes, urban phường and rural xã told apart by colour. */
export const communesFillLayer: FillLayerSpecification = {
	id: LAYER_IDS.communesFill,
	type: 'fill',
	source: SOURCE_IDS.communes,
	paint: {
		'fill-color': byUnitType({ phường: MAP_COLORS.phuong, xã: MAP_COLORS.xa }),
		'fill-opacity': 0.8
	}
};

/** Commune boundaries, thickening as the user zooms in. */
export const communesLineLayer: LineLayerSpecification = {
	id: LAYER_IDS.communesLine,
	type: 'line',
	source: SOURCE_IDS.communes,
	layout: { 'line-join': 'round' },
	paint: {
		'line-color': MAP_COLORS.communeLine,
		'line-width': zoomRamp([
			[8, 0.6],
			[12, 1.5],
			[15, 3]
		])
	}
};

/** The city boundary, drawn over the commune lines that run along it. */
export const cityLineLayer: LineLayerSpecification = {
	id: LAYER_IDS.cityLine,
	type: 'line',
	source: SOURCE_IDS.cityOutline,
	layout: { 'line-join': 'round' },
	paint: {
		'line-color': MAP_COLORS.cityLine,
		'line-width': zoomRamp([
			[8, 1.5],
			[12, 3]
		])
	}
};

/** Commune names at their seats; phường in bold so urban wards read apart from rural xã. */
export const communeLabelsLayer: SymbolLayerSpecification = {
	id: LAYER_IDS.communeLabels,
	type: 'symbol',
	source: SOURCE_IDS.communeLabelPoints,
	layout: {
		'text-field': ['get', 'name'],
		'text-font': byUnitType({ phường: ['literal', [FONT_BOLD]], xã: ['literal', [FONT_REGULAR]] }),
		'text-size': zoomRamp([
			[8, 10],
			[12, 13],
			[15, 16]
		]),
		'text-max-width': 7,
		'text-padding': 3
	},
	paint: {
		'text-color': MAP_COLORS.label,
		'text-halo-color': MAP_COLORS.labelHalo,
		'text-halo-width': 1.5
	}
};

/** Every layer of the base map, bottom to top. */
export const MAP_LAYERS: readonly LayerSpecification[] = [
	backgroundLayer,
	cityFillLayer,
	communesFillLayer,
	communesLineLayer,
	cityLineLayer,
	communeLabelsLayer
];
