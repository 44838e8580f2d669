// https://maplibre.org/maplibre-style-spec/
// The planner's small map: one commune's hamlets shaded by gap index, hot-spot outlines, and outlines
// for the hovered, active and picked hamlets. Index and highlights are feature states, so the sliders
// and the table restyle the map without a new style.
import type { ExpressionSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { HotSpotClass } from '$lib/analysis/types';
import { GAP_COLOR_STOPS } from '$lib/map/classification';
import { FONT_BOLD, notoSansFontFaces } from '$lib/map/fonts';
import { m } from '$lib/paraglide/messages';

export const PLAN_SOURCE_ID = 'plan-hamlets';

export const PLAN_LAYER_IDS = {
	background: 'plan-background',
	fill: 'plan-hamlets-fill',
	line: 'plan-hamlets-line',
	hotSpots: 'plan-hot-spots',
	coldSpots: 'plan-cold-spots',
	highlight: 'plan-hamlets-highlight',
	labels: 'plan-hamlet-labels'
} as const;

/** Outline colors; hot and cold spots also differ in dash pattern, not only in color. */
export const OUTLINE_COLORS = {
	hotSpot: '#1b1b1b',
	coldSpot: '#1d4ed8',
	active: '#0b57d0',
	// Bright, and unlike any fill of the gap ramp, so that picked hamlets stand out on dark red too.
	picked: '#00e5ff'
} as const;

/**
 * How the fill reads the index: `city` on the city-wide 0–100 scale (comparable across communes);
 * `commune` stretched from the commune's lowest to its highest index, so that a commune whose hamlets are
 * all high still shows which are highest.
 */
export type PlanMapScale = 'city' | 'commune';

/** The index range the ramp spans: 0–100, or the commune's own lowest and highest values. */
export function scaleRange(gapById: ReadonlyMap<number, number>, scale: PlanMapScale): [number, number] {
	const values = [...gapById.values()];
	if (scale === 'city' || values.length === 0) return [0, 100];
	return [Math.min(...values), Math.max(...values)];
}

/** The value the ramp colours (0–100) for an index, in the scale's range; the middle when the range is a point. */
export function rampPosition(index: number, [low, high]: [number, number]): number {
	if (high <= low) return 50;
	return ((index - low) / (high - low)) * 100;
}

/** Properties of the map's features: what does not change with the weights. */
export interface PlanMapProperties {
	id: number;
	name: string;
	hotSpotClass: HotSpotClass;
}

function state(key: string): ExpressionSpecification {
	return ['boolean', ['feature-state', key], false];
}

// The map's gap ramp, continuous here: the planner's index moves with the sliders.
const gapColor: ExpressionSpecification = [
	'interpolate',
	['linear'],
	['to-number', ['coalesce', ['feature-state', 'gap'], 0]],
	...GAP_COLOR_STOPS.flat()
];

/** The whole style: no tiles or fonts, only the commune's hamlets. */
export function createPlanMapStyle(
	hamlets: FeatureCollection<Polygon | MultiPolygon, PlanMapProperties>
): StyleSpecification {
	return {
		version: 8,
		name: 'Gõ Từng Nhà: kế hoạch',
		'font-faces': notoSansFontFaces(),
		sources: {
			[PLAN_SOURCE_ID]: {
				type: 'geojson',
				data: hamlets,
				attribution: m.map_hamlet_attribution()
			}
		},
		layers: [
			{ id: PLAN_LAYER_IDS.background, type: 'background', paint: { 'background-color': '#eef1f4' } },
			{
				id: PLAN_LAYER_IDS.fill,
				type: 'fill',
				source: PLAN_SOURCE_ID,
				paint: { 'fill-color': gapColor, 'fill-opacity': 0.88 }
			},
			{
				id: PLAN_LAYER_IDS.line,
				type: 'line',
				source: PLAN_SOURCE_ID,
				paint: { 'line-color': '#ffffff', 'line-width': 1 }
			},
			{
				id: PLAN_LAYER_IDS.hotSpots,
				type: 'line',
				source: PLAN_SOURCE_ID,
				filter: ['in', ['get', 'hotSpotClass'], ['literal', ['hot-90', 'hot-95', 'hot-99']]],
				layout: { 'line-join': 'round' },
				paint: { 'line-color': OUTLINE_COLORS.hotSpot, 'line-width': 2.5 }
			},
			{
				id: PLAN_LAYER_IDS.coldSpots,
				type: 'line',
				source: PLAN_SOURCE_ID,
				filter: ['in', ['get', 'hotSpotClass'], ['literal', ['cold-90', 'cold-95', 'cold-99']]],
				layout: { 'line-join': 'round' },
				paint: { 'line-color': OUTLINE_COLORS.coldSpot, 'line-width': 2, 'line-dasharray': [2, 1.5] }
			},
			{
				id: PLAN_LAYER_IDS.highlight,
				type: 'line',
				source: PLAN_SOURCE_ID,
				layout: { 'line-join': 'round' },
				paint: {
					'line-color': [
						'case',
						['any', state('active'), state('hover')],
						OUTLINE_COLORS.active,
						OUTLINE_COLORS.picked
					],
					'line-width': ['case', state('active'), 5, state('hover'), 4, state('picked'), 4, 0],
					'line-offset': ['case', state('picked'), 2, 0]
				}
			},
			{
				id: PLAN_LAYER_IDS.labels,
				type: 'symbol',
				source: PLAN_SOURCE_ID,
				layout: {
					'text-field': ['get', 'name'],
					'text-font': ['literal', [FONT_BOLD]],
					'text-size': 12,
					'text-max-width': 7,
					'text-padding': 2
				},
				paint: { 'text-color': '#1b1b1b', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 }
			}
		]
	};
}
