// https://maplibre.org/maplibre-style-spec/
// The boundary preview map: the commune's outline, its hamlets' current boundaries (dashed, grey for
// approximate, dark for official) and the uploaded ones on top (filled; red when invalid, amber when
// repaired or reaching beyond the commune), so old and new can be compared before the commit.
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import type { BoundarySource } from '$lib/domain';
import { m } from '$lib/paraglide/messages';

export const BOUNDARY_COLORS = {
	outline: '#1b1b1b',
	approximate: '#6b7280',
	official: '#1f2937',
	uploaded: '#0b57d0',
	repaired: '#b45309',
	invalid: '#b3261e'
} as const;

/** What the map shows of an uploaded feature. */
export interface UploadedFeatureProperties {
	index: number;
	name: string;
	status: 'ok' | 'repaired' | 'invalid' | 'outside';
}

export interface BoundaryMapData {
	outline: MultiPolygon;
	current: FeatureCollection<MultiPolygon, { id: number; name: string; boundarySource: BoundarySource }>;
	uploaded: FeatureCollection<MultiPolygon, UploadedFeatureProperties> | null;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The whole style: no tiles, no fonts (labels are in the table beside it). */
export function createBoundaryMapStyle(data: BoundaryMapData): StyleSpecification {
	const outline: Feature<MultiPolygon> = { type: 'Feature', properties: {}, geometry: data.outline };
	return {
		version: 8,
		name: 'Gõ Từng Nhà: ranh giới thôn',
		sources: {
			commune: { type: 'geojson', data: outline },
			current: { type: 'geojson', data: data.current, attribution: m.map_hamlet_attribution() },
			uploaded: { type: 'geojson', data: data.uploaded ?? EMPTY }
		},
		layers: [
			{ id: 'boundary-background', type: 'background', paint: { 'background-color': '#f4f6f8' } },
			{
				id: 'uploaded-fill',
				type: 'fill',
				source: 'uploaded',
				paint: {
					'fill-color': [
						'match',
						['get', 'status'],
						'invalid',
						BOUNDARY_COLORS.invalid,
						'repaired',
						BOUNDARY_COLORS.repaired,
						'outside',
						BOUNDARY_COLORS.repaired,
						BOUNDARY_COLORS.uploaded
					],
					'fill-opacity': 0.25
				}
			},
			{
				id: 'current-line',
				type: 'line',
				source: 'current',
				paint: {
					'line-color': [
						'match',
						['get', 'boundarySource'],
						'official',
						BOUNDARY_COLORS.official,
						BOUNDARY_COLORS.approximate
					],
					'line-width': 1.5,
					'line-dasharray': [2, 2]
				}
			},
			{
				id: 'uploaded-line',
				type: 'line',
				source: 'uploaded',
				paint: { 'line-color': BOUNDARY_COLORS.uploaded, 'line-width': 2 }
			},
			{
				id: 'commune-line',
				type: 'line',
				source: 'commune',
				paint: { 'line-color': BOUNDARY_COLORS.outline, 'line-width': 2.5 }
			}
		]
	};
}
