import type { ExpressionInputType, ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { UnitType } from '$lib/domain';

type Output = ExpressionInputType | ExpressionSpecification;

/** Picks a value by the feature's `unitType` ('phường' or 'xã'); anything else gets the xã value. */
export function byUnitType(values: Record<UnitType, Output>): ExpressionSpecification {
	return ['match', ['get', 'unitType'], 'phường', values['phường'], values['xã']];
}

/** Interpolates linearly with the zoom level between `[zoom, value]` stops. */
export function zoomRamp(stops: [zoom: number, value: number][]): ExpressionSpecification {
	return ['interpolate', ['linear'], ['zoom'], ...stops.flat()];
}
