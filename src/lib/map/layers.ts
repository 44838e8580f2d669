// https://maplibre.org/maplibre-style-spec/layers/
import type {
	BackgroundLayerSpecification,
	ExpressionSpecification,
	FillLayerSpecification,
	LayerSpecification,
	LineLayerSpecification,
	SymbolLayerSpecification
} from '@maplibre/maplibre-gl-style-spec';
import { TILE_LAYER_INFO } from '$lib/tiles';
import { NOT_APPLICABLE_PATTERN, SPECIAL_CLASS_COLORS, type Classification } from './classification';
import { byUnitType, zoomRamp } from './expressions';
import { FONT_BOLD, FONT_REGULAR } from './fonts';

/** Source ids: the city outline and label points are GeoJSON from the page, the polygons vector tiles. */
export const SOURCE_IDS = {
	cityOutline: 'city-outline',
	communes: 'communes',
	hamlets: 'hamlets',
	communeLabelPoints: 'commune-label-points'
} as const;

/** Layer ids; `mapLayers` gives their drawing order. */
export const LAYER_IDS = {
	background: 'background',
	cityFill: 'city-fill',
	communesFill: 'communes-fill',
	communesNotApplicable: 'communes-not-applicable',
	hamletsFill: 'hamlets-fill',
	hamletsNotApplicable: 'hamlets-not-applicable',
	hamletsLine: 'hamlets-line',
	hamletsHighlight: 'hamlets-highlight',
	hotSpots: 'hot-spots',
	communesLine: 'communes-line',
	communesHighlight: 'communes-highlight',
	cityLine: 'city-line',
	communeLabels: 'commune-labels'
} as const;

/** Below this zoom communes carry the colors (a city-wide view); from it on, their hamlets do. */
export const HAMLET_ZOOM = TILE_LAYER_INFO.hamlets.minZoom;

/** Where every hamlet layer draws from: the hamlet tiles, from the zoom at which hamlets take over. */
const HAMLET_TILES = {
	source: SOURCE_IDS.hamlets,
	'source-layer': TILE_LAYER_INFO.hamlets.sourceLayer,
	minzoom: HAMLET_ZOOM
} as const;

/** The base map's colors: a pale land so that the thematic fills stand out. */
const MAP_COLORS = {
	outside: '#dde3e8',
	city: '#f6f4ef',
	phuong: '#efd9bd',
	xa: '#d8e6c9',
	communeLine: '#ffffff',
	hamletLine: '#ffffff',
	cityLine: '#56606b',
	hover: '#111111',
	selected: '#000000',
	label: '#2a2f36',
	labelHalo: '#ffffff'
} as const;

/**
 * What the thematic layers show: the feature-state key holding each feature's value (set by
 * FeatureStates.svelte from the month's values) and the classes that color it.
 */
export interface Thematic {
	stateKey: string;
	classification: Classification;
	/** 'rate' values above 1 get the data-quality color; 'index' values (0–100) never do. */
	scale: 'rate' | 'index';
	/** The metric does not apply everywhere (e-payment): features with state `notApplicable` are hatched. */
	notApplicable?: boolean;
}

/**
 * A feature's class color from its feature state: the "not applicable" ground (hatched by another
 * layer) and the "too few" violet for the reasons a value is missing (states `notApplicable`, `tooFew`),
 * grey without a value otherwise, magenta above 100% on a rate, else a step through the classes' breaks.
 */
export function classColor(thematic: Thematic): ExpressionSpecification {
	const value: ExpressionSpecification = ['feature-state', thematic.stateKey];
	const { breaks, colors } = thematic.classification;
	const stepped: ExpressionSpecification | string =
		breaks.length === 0
			? colors[0]!
			: [
					'step',
					['to-number', value],
					colors[0]!,
					...breaks.flatMap((limit, index) => [limit, colors[index + 1]!])
				];
	const cases: (ExpressionSpecification | string)[] = [
		['boolean', ['feature-state', 'notApplicable'], false],
		SPECIAL_CLASS_COLORS.notApplicable,
		['boolean', ['feature-state', 'tooFew'], false],
		SPECIAL_CLASS_COLORS.tooFew,
		['!=', ['typeof', value], 'number'],
		SPECIAL_CLASS_COLORS.noData
	];
	if (thematic.scale === 'rate') cases.push(['>', ['to-number', value], 1], SPECIAL_CLASS_COLORS.overFull);
	return ['case', ...cases, stepped] as ExpressionSpecification;
}

/** Filters hide a hamlet by feature state (`hidden`), since layer filters cannot read feature state. */
const visibleOpacity = (opacity: number): ExpressionSpecification => [
	'case',
	['boolean', ['feature-state', 'hidden'], false],
	0.08,
	opacity
];

/** Everything outside the city; the offline style has no basemap tiles, so this is all there is. */
const backgroundLayer: BackgroundLayerSpecification = {
	id: LAYER_IDS.background,
	type: 'background',
	paint: { 'background-color': MAP_COLORS.outside }
};

/** The city's land, under the communes so that gaps between commune polygons don't show the outside. */
const cityFillLayer: FillLayerSpecification = {
	id: LAYER_IDS.cityFill,
	type: 'fill',
	source: SOURCE_IDS.cityOutline,
	paint: { 'fill-color': MAP_COLORS.city }
};

/** The communes, shaded by their own totals in the city-wide view, or told apart by unit type without a theme. */
function communesFillLayer(thematic?: Thematic): FillLayerSpecification {
	return {
		id: LAYER_IDS.communesFill,
		type: 'fill',
		source: SOURCE_IDS.communes,
		'source-layer': TILE_LAYER_INFO.communes.sourceLayer,
		// With a theme the hamlets take over at HAMLET_ZOOM, and the two fills never stack.
		...(thematic ? { maxzoom: HAMLET_ZOOM } : {}),
		paint: thematic
			? { 'fill-color': classColor(thematic), 'fill-opacity': visibleOpacity(0.85) }
			: {
					'fill-color': byUnitType({ phường: MAP_COLORS.phuong, xã: MAP_COLORS.xa }),
					'fill-opacity': 0.8
				}
	};
}

/** The hamlets, shaded by the chosen metric's class. */
function hamletsFillLayer(thematic: Thematic): FillLayerSpecification {
	return {
		id: LAYER_IDS.hamletsFill,
		type: 'fill',
		...HAMLET_TILES,
		paint: { 'fill-color': classColor(thematic), 'fill-opacity': visibleOpacity(0.85) }
	};
}

/**
 * The hatch over what the metric does not apply to: rural hamlets and xã for e-payment (its target
 * counts urban adults). Chosen by the tiles' own `rural` and `unitType`, which follow the same rule
 * (`isRuralHamlet`), rather than by feature state: a pattern layer redrawn for a feature state change
 * kept the hatch off tiles loaded earlier. Dimmed like the fills by the filters.
 */
function notApplicableLayer(
	id: string,
	source: Pick<FillLayerSpecification, 'source' | 'source-layer' | 'minzoom' | 'maxzoom'>,
	filter: ExpressionSpecification
): FillLayerSpecification {
	return {
		id,
		type: 'fill',
		...source,
		filter,
		paint: { 'fill-pattern': NOT_APPLICABLE_PATTERN.id, 'fill-opacity': visibleOpacity(0.9) }
	};
}

const COMMUNE_TILES_BELOW_HAMLETS = {
	source: SOURCE_IDS.communes,
	'source-layer': TILE_LAYER_INFO.communes.sourceLayer,
	maxzoom: HAMLET_ZOOM
} as const;

/** Hamlet borders, thin and white so the classes stay legible. */
const hamletsLineLayer: LineLayerSpecification = {
	id: LAYER_IDS.hamletsLine,
	type: 'line',
	...HAMLET_TILES,
	paint: {
		'line-color': MAP_COLORS.hamletLine,
		'line-width': zoomRamp([
			[10, 0.2],
			[14, 1]
		]),
		'line-opacity': visibleOpacity(0.9)
	}
};

/** The hovered and the selected hamlet, outlined in black (feature states `hover` and `selected`). */
const hamletsHighlightLayer: LineLayerSpecification = {
	id: LAYER_IDS.hamletsHighlight,
	type: 'line',
	...HAMLET_TILES,
	layout: { 'line-join': 'round' },
	paint: {
		'line-color': MAP_COLORS.selected,
		'line-width': [
			'case',
			['boolean', ['feature-state', 'selected'], false],
			3.5,
			['boolean', ['feature-state', 'hover'], false],
			2,
			0
		]
	}
};

/**
 * Hot and cold spots of the gap index (Getis–Ord Gi*), as outlines over the fills so the shading
 * underneath stays readable: near-black for hot (the gap ramp is already red, so red outlines would
 * vanish on it), blue for cold, thicker and darker with higher confidence. Light and dark differ for
 * every kind of color blindness. The class is the feature state `hotSpot`.
 */
export const HOT_SPOT_COLORS = {
	'hot-99': '#000000',
	'hot-95': '#3a3a3a',
	'hot-90': '#6b6b6b',
	'cold-99': '#053061',
	'cold-95': '#2166ac',
	'cold-90': '#4393c3'
} as const;

const HOT_SPOT_WIDTHS = { '99': 3, '95': 2.2, '90': 1.5 } as const;

const hotSpotsLayer: LineLayerSpecification = {
	id: LAYER_IDS.hotSpots,
	type: 'line',
	...HAMLET_TILES,
	layout: { 'line-join': 'round' },
	paint: {
		'line-color': [
			'match',
			['coalesce', ['feature-state', 'hotSpot'], 'none'],
			...Object.entries(HOT_SPOT_COLORS).flat(),
			'rgba(0,0,0,0)'
		] as unknown as ExpressionSpecification,
		'line-width': [
			'match',
			['coalesce', ['feature-state', 'hotSpot'], 'none'],
			['hot-99', 'cold-99'],
			HOT_SPOT_WIDTHS['99'],
			['hot-95', 'cold-95'],
			HOT_SPOT_WIDTHS['95'],
			['hot-90', 'cold-90'],
			HOT_SPOT_WIDTHS['90'],
			0
		],
		'line-offset': ['match', ['coalesce', ['feature-state', 'hotSpot'], 'none'], 'none', 0, 1]
	}
};

/** Commune boundaries over the hamlets, thickening as the user zooms in. */
const communesLineLayer: LineLayerSpecification = {
	id: LAYER_IDS.communesLine,
	type: 'line',
	source: SOURCE_IDS.communes,
	'source-layer': TILE_LAYER_INFO.communes.sourceLayer,
	layout: { 'line-join': 'round' },
	paint: {
		// White between shaded communes; dark over the hamlets, whose own borders are white.
		'line-color': ['step', ['zoom'], MAP_COLORS.communeLine, HAMLET_ZOOM, MAP_COLORS.cityLine],
		'line-width': zoomRamp([
			[8, 0.6],
			[12, 1.5],
			[15, 3]
		])
	}
};

/**
 * The hovered commune (feature state `hover`: the pointer, or its row in the data table), outlined in
 * black in the city-wide view, where communes carry the colors.
 */
const communesHighlightLayer: LineLayerSpecification = {
	id: LAYER_IDS.communesHighlight,
	type: 'line',
	source: SOURCE_IDS.communes,
	'source-layer': TILE_LAYER_INFO.communes.sourceLayer,
	maxzoom: HAMLET_ZOOM,
	layout: { 'line-join': 'round' },
	paint: {
		'line-color': MAP_COLORS.hover,
		'line-width': ['case', ['boolean', ['feature-state', 'hover'], false], 2.5, 0]
	}
};

/** The city boundary, drawn over the commune lines that run along it. */
const cityLineLayer: LineLayerSpecification = {
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
const communeLabelsLayer: SymbolLayerSpecification = {
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

/** The thematic part of the style: how hamlets and communes are colored, and whether hot spots show. */
export interface MapThemes {
	hamlets: Thematic;
	communes: Thematic;
	hotSpots?: boolean;
}

/**
 * Every layer, bottom to top. Without a theme the communes are colored by unit type and no hamlet
 * layer is drawn (the page before the month's values arrive, or an embed that wants only the units).
 */
export function mapLayers(thematic?: MapThemes): LayerSpecification[] {
	return [
		backgroundLayer,
		cityFillLayer,
		communesFillLayer(thematic?.communes),
		...(thematic?.communes.notApplicable
			? [
					notApplicableLayer(LAYER_IDS.communesNotApplicable, COMMUNE_TILES_BELOW_HAMLETS, [
						'==',
						['get', 'unitType'],
						'xã'
					])
				]
			: []),
		...(thematic ? [hamletsFillLayer(thematic.hamlets)] : []),
		...(thematic?.hamlets.notApplicable
			? [notApplicableLayer(LAYER_IDS.hamletsNotApplicable, HAMLET_TILES, ['==', ['get', 'rural'], true])]
			: []),
		...(thematic ? [hamletsLineLayer] : []),
		...(thematic?.hotSpots ? [hotSpotsLayer] : []),
		...(thematic ? [hamletsHighlightLayer] : []),
		communesLineLayer,
		...(thematic ? [communesHighlightLayer] : []),
		cityLineLayer,
		communeLabelsLayer
	];
}
