// Outreach activities as clusters and points: the layers, as data. Property names come from
// `$lib/activity-clusters` (what GET /api/activities/clusters returns).
// https://maplibre.org/maplibre-style-spec/layers/
import type {
	CircleLayerSpecification,
	ExpressionSpecification,
	GeoJSONSourceSpecification,
	SymbolLayerSpecification
} from '@maplibre/maplibre-gl-style-spec';
import type { ActivityKind } from '$lib/domain';
import { intlLocale, type Locale } from '../i18n';
import { zoomRamp } from './expressions';
import { FONT_BOLD } from './fonts';

/** The GeoJSON source ActivityClusterLayer refills from the endpoint. */
export const ACTIVITY_SOURCE_ID = 'activity-clusters';

/** Layer ids, bottom to top. */
export const ACTIVITY_LAYER_IDS = {
	clusters: 'activity-clusters-circle',
	clusterCounts: 'activity-clusters-count',
	points: 'activity-points'
} as const;

/**
 * Activities show from this zoom on. At city zoom the clusters sat on the central communes and hid the
 * coverage the map is for; from here a commune fills the screen and the clusters have room.
 */
export const ACTIVITY_MIN_ZOOM = 11;

/**
 * One color per activity kind from the Okabe–Ito palette, which stays distinguishable with the
 * common color-vision deficiencies (https://jfly.uni-koeln.de/color/). All four are dark enough for
 * white outlines and white count labels.
 */
export const ACTIVITY_KIND_COLORS: Record<ActivityKind, string> = {
	'door-to-door': '#D55E00', // vermillion
	class: '#0072B2', // blue
	event: '#009E73', // bluish green
	online: '#CC79A7' // reddish purple
};

const OUTLINE = '#ffffff';
/**
 * Clusters are neutral: a white disc with a dark ring and a dark count. A coloured disc competed with the
 * gap palette (orange on YlOrRd); the kinds stay on the single activities, which are small.
 */
export const CLUSTER_COLORS = { fill: '#ffffff', ring: '#1f2328', count: '#1f2328' } as const;

/** An empty source; the component fills it with `setData`. */
export const activitySource: GeoJSONSourceSpecification = {
	type: 'geojson',
	data: { type: 'FeatureCollection', features: [] }
};

/** Picks a color by the kind found in `property` (a cluster's `dominantKind`, a point's `kind`). */
export function byActivityKind(property: 'kind' | 'dominantKind'): ExpressionSpecification {
	return [
		'match',
		['get', property],
		'door-to-door',
		ACTIVITY_KIND_COLORS['door-to-door'],
		'class',
		ACTIVITY_KIND_COLORS.class,
		'event',
		ACTIVITY_KIND_COLORS.event,
		ACTIVITY_KIND_COLORS.online
	];
}

const isCluster: ExpressionSpecification = ['==', ['get', 'cluster'], true];
const isPoint: ExpressionSpecification = ['==', ['get', 'cluster'], false];

/** Cluster discs, in steps of size by activity count: neutral outlined circles (CLUSTER_COLORS). */
export const activityClusterLayer: CircleLayerSpecification = {
	id: ACTIVITY_LAYER_IDS.clusters,
	type: 'circle',
	source: ACTIVITY_SOURCE_ID,
	minzoom: ACTIVITY_MIN_ZOOM,
	filter: isCluster,
	paint: {
		'circle-color': CLUSTER_COLORS.fill,
		'circle-radius': ['step', ['get', 'pointCount'], 13, 10, 17, 100, 22, 1000, 28],
		'circle-opacity': 0.92,
		'circle-stroke-color': CLUSTER_COLORS.ring,
		'circle-stroke-width': 2
	}
};

/** The number of activities in each cluster, written the page's way (1.234 in Vietnamese, 1,234 in English). */
const activityClusterCountLayer = (locale: Locale): SymbolLayerSpecification => ({
	id: ACTIVITY_LAYER_IDS.clusterCounts,
	type: 'symbol',
	source: ACTIVITY_SOURCE_ID,
	minzoom: ACTIVITY_MIN_ZOOM,
	filter: isCluster,
	layout: {
		'text-field': ['number-format', ['get', 'pointCount'], { locale: intlLocale(locale) }],
		'text-font': ['literal', [FONT_BOLD]],
		'text-size': 12,
		// Every cluster has its count: a hidden one would read as a cluster without activities.
		'text-allow-overlap': true,
		'text-ignore-placement': true
	},
	paint: {
		'text-color': CLUSTER_COLORS.count,
		'text-halo-color': CLUSTER_COLORS.fill,
		'text-halo-width': 0.8
	}
});

/** Single activities, colored by kind, growing a little as the user zooms in. */
const activityPointLayer: CircleLayerSpecification = {
	id: ACTIVITY_LAYER_IDS.points,
	type: 'circle',
	source: ACTIVITY_SOURCE_ID,
	minzoom: ACTIVITY_MIN_ZOOM,
	filter: isPoint,
	paint: {
		'circle-color': byActivityKind('kind'),
		'circle-radius': zoomRamp([
			[10, 4],
			[16, 7]
		]),
		'circle-stroke-color': OUTLINE,
		'circle-stroke-width': 1.5
	}
};

/** The layers in drawing order, all on `ACTIVITY_SOURCE_ID`. */
export function activityLayers(locale: Locale) {
	return [activityClusterLayer, activityClusterCountLayer(locale), activityPointLayer] as const;
}
