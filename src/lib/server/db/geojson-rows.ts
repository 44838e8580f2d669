import type { FeatureCollection, Geometry } from 'geojson';

/**
 * Turns query rows whose `geometry` column holds ST_AsGeoJSON text into a FeatureCollection;
 * every other column becomes a property, and `idOf` gives the numeric feature id MapLibre needs.
 */
export function featureCollectionFromRows<TGeometry extends Geometry, TProperties>(
	rows: (TProperties & { geometry: string })[],
	idOf: (properties: TProperties) => number
): FeatureCollection<TGeometry, TProperties> {
	return {
		type: 'FeatureCollection',
		features: rows.map(({ geometry, ...rest }) => {
			const properties = rest as unknown as TProperties;
			return {
				type: 'Feature',
				id: idOf(properties),
				properties,
				geometry: JSON.parse(geometry) as TGeometry
			};
		})
	};
}
