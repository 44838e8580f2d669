import { expression, validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_KINDS } from '$lib/domain';
import {
	ACTIVITY_KIND_COLORS,
	ACTIVITY_MIN_ZOOM,
	activityLayers,
	ACTIVITY_SOURCE_ID,
	activityClusterLayer,
	activitySource,
	byActivityKind,
	CLUSTER_COLORS
} from './activity-layers';
import { GAP_COLOR_STOPS } from './classification';
import { notoSansFontFaces } from './fonts';

/** Evaluates a data expression on a feature with `properties`, as MapLibre would. */
function evaluate(spec: unknown, properties: Record<string, unknown>, zoom = 12): unknown {
	const parsed = expression.createExpression(spec, 'test');
	if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
	return parsed.value.evaluate({ zoom }, { type: 'Point', properties, geometry: [] } as never);
}

describe('activity layers', () => {
	it('make a valid style with their source', () => {
		const style: StyleSpecification = {
			version: 8,
			'font-faces': notoSansFontFaces(),
			sources: { [ACTIVITY_SOURCE_ID]: activitySource },
			layers: [...activityLayers('vi')]
		};
		expect(validateStyleMin(style)).toEqual([]);
		expect(activityLayers('en').every((layer) => layer.source === ACTIVITY_SOURCE_ID)).toBe(true);
	});

	it('give each kind its own Okabe–Ito color on single activities', () => {
		expect(new Set(Object.values(ACTIVITY_KIND_COLORS)).size).toBe(ACTIVITY_KINDS.length);
		for (const kind of ACTIVITY_KINDS) {
			expect(evaluate(byActivityKind('kind'), { kind })).toBe(ACTIVITY_KIND_COLORS[kind]);
		}
	});

	it('draw clusters as neutral outlined circles, in no colour of the kinds or the gap palette', () => {
		const paint = activityClusterLayer.paint!;
		expect(paint['circle-color']).toBe(CLUSTER_COLORS.fill);
		expect(paint['circle-stroke-color']).toBe(CLUSTER_COLORS.ring);
		const palette = [...Object.values(ACTIVITY_KIND_COLORS), ...GAP_COLOR_STOPS.map(([, color]) => color)];
		for (const color of Object.values(CLUSTER_COLORS))
			expect(palette.map((item) => item.toLowerCase())).not.toContain(color);
	});

	it('stay off the map at city zoom', () => {
		expect(ACTIVITY_MIN_ZOOM).toBeGreaterThan(10);
		for (const layer of activityLayers('vi')) expect(layer.minzoom).toBe(ACTIVITY_MIN_ZOOM);
	});

	it('draw bigger clusters for more activities', () => {
		const radius = activityClusterLayer.paint!['circle-radius'];
		const sizes = [2, 10, 100, 1000, 10_000].map((pointCount) => evaluate(radius, { pointCount }) as number);
		expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
		expect(new Set(sizes).size).toBe(4);
	});
});
