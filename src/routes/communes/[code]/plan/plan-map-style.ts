// https://maplibre.org/maplibre-style-spec/
// The planner's small map: one commune's hamlets shaded by gap index, hot-spot outlines, and outlines
// for the hovered, active and picked hamlets. Index and highlights are feature states, so the sliders
// and the table restyle the map without a new style.
import type { ExpressionSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { HotSpotClass } from '$lib/analysis/types';
import { GAP_COLOR_STOPS } from '$lib/map/classification';
import { m } from '$lib/paraglide/messages';

export const PLAN_SOURCE_ID = 'plan-hamlets';

export const PLAN_LAYER_IDS = {
	background: 'plan-background',
	fill: 'plan-hamlets-fill',
	line: 'plan-hamlets-line',
	hotSpots: 'plan-hot-spots',
	coldSpots: 'plan-cold-spots',
	highlight: 'plan-hamlets-highlight'
} as const;

/** Outline colors; hot and cold spots also differ in dash pattern, not only in color. */
export const OUTLINE_COLORS = {
	hotSpot: '#1b1b1b',
	coldSpot: '#1d4ed8',
	active: '#0b57d0',
	picked: '#00695c'
} as const;

/** Properties of the map's features: the id and the hot-spot class, which do not change with the weights. */
export interface PlanMapProperties {
	id: number;
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
					'line-width': ['case', state('active'), 5, state('hover'), 4, state('picked'), 3, 0],
					'line-offset': ['case', state('picked'), 1.5, 0]
				}
			}
		]
	};
}
