import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import {
	createPlanMapStyle,
	PLAN_LAYER_IDS,
	PLAN_SOURCE_ID,
	rampPosition,
	scaleRange
} from './plan-map-style';

const hamlets = {
	type: 'FeatureCollection' as const,
	features: [
		{
			type: 'Feature' as const,
			id: 4001,
			properties: { id: 4001, name: 'Tổ dân phố 1', hotSpotClass: 'hot-95' as const },
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
			PLAN_LAYER_IDS.highlight,
			PLAN_LAYER_IDS.labels
		]);
	});

	it('labels hamlets by name in a self-hosted font that draws Vietnamese', () => {
		const labels = style.layers.find((layer) => layer.id === PLAN_LAYER_IDS.labels);
		expect(labels).toMatchObject({ type: 'symbol', layout: { 'text-field': ['get', 'name'] } });
		expect(Object.keys(style['font-faces'] ?? {})).toContain('Noto Sans Bold');
	});
});

describe('the planner map scale', () => {
	const indices = new Map([
		[1, 62],
		[2, 70],
		[3, 78]
	]);

	it('spans 0–100 city-wide, or the commune’s own lowest to highest', () => {
		expect(scaleRange(indices, 'city')).toEqual([0, 100]);
		expect(scaleRange(indices, 'commune')).toEqual([62, 78]);
		expect(scaleRange(new Map(), 'commune')).toEqual([0, 100]);
	});

	it('stretches the commune’s indices over the whole ramp', () => {
		expect(rampPosition(62, [62, 78])).toBe(0);
		expect(rampPosition(70, [62, 78])).toBe(50);
		expect(rampPosition(78, [62, 78])).toBe(100);
		expect(rampPosition(70, [0, 100])).toBe(70);
		// One value, or all equal: the middle of the ramp, not a division by zero.
		expect(rampPosition(70, [70, 70])).toBe(50);
	});
});
