import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { createPlanMapStyle, PLAN_LAYER_IDS, PLAN_SOURCE_ID } from './plan-map-style';

const hamlets = {
	type: 'FeatureCollection' as const,
	features: [
		{
			type: 'Feature' as const,
			id: 4001,
			properties: { id: 4001, hotSpotClass: 'hot-95' as const },
			geometry: {
				type: 'Polygon' as const,
				coordinates: [
					[
						[105.831, 21.034],
						[105.8345, 21.034],
						[105.8345, 21.0375],
						[105.831, 21.034]
					]
				]
			}
		}
	]
};

describe('the planner map style', () => {
	const style = createPlanMapStyle(hamlets);

	it('is a valid MapLibre style', () => {
		expect(validateStyleMin(style)).toEqual([]);
	});

	it('draws the hamlets from the page data, hot spots above the fill and highlights on top', () => {
		expect(style.sources[PLAN_SOURCE_ID]).toMatchObject({ type: 'geojson', data: hamlets });
		expect(style.layers.map((layer) => layer.id)).toEqual([
			PLAN_LAYER_IDS.background,
			PLAN_LAYER_IDS.fill,
			PLAN_LAYER_IDS.line,
			PLAN_LAYER_IDS.hotSpots,
			PLAN_LAYER_IDS.coldSpots,
			PLAN_LAYER_IDS.highlight
		]);
	});
});
