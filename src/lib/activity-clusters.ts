/**
 * What `GET /api/activities/clusters` returns, shared by the server that builds it and the map layers
 * that draw it. Property names are the contract: the layer expressions in `map/activity-layers.ts` read them.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { ActivityKind } from './domain';

/** Activities per kind; every kind is present, zero when absent. */
export type ActivityKindCounts = Record<ActivityKind, number>;

/** A group of nearby activities at the requested zoom. */
export interface ActivityClusterProperties {
	cluster: true;
	/** supercluster's id, valid for the index of one month and one data revision. */
	clusterId: number;
	pointCount: number;
	/** The zoom at which the cluster splits into several children: where a click zooms to. */
	expansionZoom: number;
	/** The kind with the most activities in the cluster; ties go to the earlier kind in `ACTIVITY_KINDS`. */
	dominantKind: ActivityKind;
	countsByKind: ActivityKindCounts;
	/** People guided by all the cluster's activities. */
	peopleGuided: number;
}

/**
 * One outreach activity: where a team worked, never a household or a person. No personal data: the
 * team and the hamlet are public units, the count is an aggregate.
 */
export interface ActivityPointProperties {
	cluster: false;
	id: string;
	kind: ActivityKind;
	/** YYYY-MM-DD. */
	occurredOn: string;
	teamName: string;
	hamletName: string;
	peopleGuided: number;
}

export type ActivityFeatureProperties = ActivityClusterProperties | ActivityPointProperties;

export type ActivityClusterCollection = FeatureCollection<Point, ActivityFeatureProperties>;

/** Clustering radius in CSS pixels of a 512-px tile, as MapLibre draws them. */
export const ACTIVITY_CLUSTER_RADIUS = 60;

/**
 * The last zoom with clusters; from `ACTIVITY_CLUSTER_MAX_ZOOM + 1` on, every activity is its own point.
 * 16 is a few streets across, where activities of one hamlet should be told apart.
 */
export const ACTIVITY_CLUSTER_MAX_ZOOM = 16;
