import { expression, validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_KINDS } from '$lib/domain';
import {
	ACTIVITY_KIND_COLORS,
	activityLayers,
	ACTIVITY_SOURCE_ID,
	activityClusterLayer,
	activitySource,
	byActivityKind
} from './activity-layers';
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

	it('give each kind its own Okabe–Ito color, for points by kind and clusters by dominant kind', () => {
		expect(new Set(Object.values(ACTIVITY_KIND_COLORS)).size).toBe(ACTIVITY_KINDS.length);
		for (const kind of ACTIVITY_KINDS) {
			const expected = ACTIVITY_KIND_COLORS[kind];
			expect(evaluate(byActivityKind('kind'), { kind })).toBe(expected);
			expect(evaluate(byActivityKind('dominantKind'), { dominantKind: kind })).toBe(expected);
		}
	});

	it('draw bigger clusters for more activities', () => {
		const radius = activityClusterLayer.paint!['circle-radius'];
		const sizes = [2, 10, 100, 1000, 10_000].map((pointCount) => evaluate(radius, { pointCount }) as number);
		expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
		expect(new Set(sizes).size).toBe(4);
	});
});
