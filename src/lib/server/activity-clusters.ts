// Outreach activities of one month as map clusters: one supercluster index per month and data revision.
// https://github.com/mapbox/supercluster
import type { Feature, Point } from 'geojson';
import Supercluster from 'supercluster';
import {
	ACTIVITY_CLUSTER_MAX_ZOOM,
	ACTIVITY_CLUSTER_RADIUS,
	type ActivityClusterCollection,
	type ActivityFeatureProperties,
	type ActivityKindCounts,
	type ActivityPointProperties
} from '../activity-clusters';
import { ACTIVITY_KINDS, type ActivityKind } from '../domain';
import { activitiesOfMonth } from './db/activities';
import type { Database } from './db/index';
import { RevisionCache } from './revision-cache';

/** A bounding box [west, south, east, north] in degrees (WGS 84). */
export type ClusterBbox = [number, number, number, number];

export interface ActivityClustersQuery {
	/** First day of the month, YYYY-MM-01. */
	month: string;
	bbox: ClusterBbox;
	/** Integer map zoom; above `ACTIVITY_CLUSTER_MAX_ZOOM` every activity comes back on its own. */
	zoom: number;
}

/**
 * What a cluster carries while supercluster merges points: a count per kind and the people guided, as
 * flat numbers because supercluster copies the mapped object shallowly before reducing into it.
 */
type ActivityAggregate = ActivityKindCounts & { peopleGuided: number };

export type ActivityIndex = Supercluster<ActivityPointProperties, ActivityAggregate>;

const MONTH_START = /^\d{4}-(0[1-9]|1[0-2])-01$/;

function aggregateOf(point: ActivityPointProperties): ActivityAggregate {
	return {
		'door-to-door': point.kind === 'door-to-door' ? 1 : 0,
		class: point.kind === 'class' ? 1 : 0,
		event: point.kind === 'event' ? 1 : 0,
		online: point.kind === 'online' ? 1 : 0,
		peopleGuided: point.peopleGuided
	};
}

function mergeAggregates(into: ActivityAggregate, from: Readonly<ActivityAggregate>): void {
	for (const kind of ACTIVITY_KINDS) into[kind] += from[kind];
	into.peopleGuided += from.peopleGuided;
}

/**
 * An empty index with the app's options: radius 60 px (a 512-px tile, as MapLibre draws), clusters up
 * to zoom 16, and per-kind counts plus people guided reduced into every cluster.
 */
export function createActivityIndex(): ActivityIndex {
	return new Supercluster<ActivityPointProperties, ActivityAggregate>({
		radius: ACTIVITY_CLUSTER_RADIUS,
		maxZoom: ACTIVITY_CLUSTER_MAX_ZOOM,
		map: aggregateOf,
		reduce: mergeAggregates
	});
}

/** The kind with the most activities; a tie goes to the kind listed first in `ACTIVITY_KINDS`. */
export function dominantKind(counts: ActivityKindCounts): ActivityKind {
	let best: ActivityKind = ACTIVITY_KINDS[0];
	for (const kind of ACTIVITY_KINDS) if (counts[kind] > counts[best]) best = kind;
	return best;
}

/** Activities on or after `month` and before the next month, as point features (ordered by id, so repeatable). */
async function activityPointsOfMonth(
	db: Database,
	month: string
): Promise<Feature<Point, ActivityPointProperties>[]> {
	const rows = await activitiesOfMonth(db, month);
	return rows.map(({ lng, lat, ...properties }) => ({
		type: 'Feature',
		geometry: { type: 'Point', coordinates: [Number(lng), Number(lat)] },
		properties: { cluster: false, ...properties, peopleGuided: Number(properties.peopleGuided) }
	}));
}

// One cache per database: the tests open several, and an index must never come from another one.
const indexCaches = new WeakMap<Database, RevisionCache<ActivityIndex>>();

/** Months kept: a year of indexes, each a few MB for the demo's ~9,000 activities a month. */
const CACHED_MONTHS = 12;

/**
 * The month's index, built on first use and kept until the data changes (any write gives a new
 * revision tag). Returns the tag it belongs to, for ETags.
 */
export async function activityIndexForMonth(
	db: Database,
	month: string
): Promise<{ index: ActivityIndex; tag: string }> {
	if (!MONTH_START.test(month)) throw new RangeError(`Not the first day of a month: ${month}`);
	let cache = indexCaches.get(db);
	if (!cache) {
		cache = new RevisionCache<ActivityIndex>(CACHED_MONTHS);
		indexCaches.set(db, cache);
	}
	const { value, tag } = await cache.get(db, month, async () =>
		createActivityIndex().load(await activityPointsOfMonth(db, month))
	);
	return { index: value, tag };
}

/**
 * Clusters and single activities of `month` in `bbox` at `zoom`. Clusters carry what the map needs to
 * color them (dominant kind) and to zoom on click (expansion zoom); single activities their details.
 */
export function clustersFromIndex(
	index: ActivityIndex,
	bbox: ClusterBbox,
	zoom: number
): ActivityClusterCollection {
	const features = index.getClusters(bbox, zoom).map((feature): Feature<Point, ActivityFeatureProperties> => {
		const { properties, geometry } = feature;
		if (!('cluster_id' in properties)) return { type: 'Feature', geometry, properties };
		const countsByKind = Object.fromEntries(
			ACTIVITY_KINDS.map((kind) => [kind, properties[kind]])
		) as ActivityKindCounts;
		return {
			type: 'Feature',
			geometry,
			properties: {
				cluster: true,
				clusterId: properties.cluster_id,
				pointCount: properties.point_count,
				expansionZoom: index.getClusterExpansionZoom(properties.cluster_id),
				dominantKind: dominantKind(countsByKind),
				countsByKind,
				peopleGuided: properties.peopleGuided
			}
		};
	});
	return { type: 'FeatureCollection', features };
}

/** Clusters and single activities of `query.month` in `query.bbox` at `query.zoom`, from the month's cached index. */
export async function activityClusters(
	db: Database,
	query: ActivityClustersQuery
): Promise<ActivityClusterCollection> {
	const { index } = await activityIndexForMonth(db, query.month);
	return clustersFromIndex(index, query.bbox, query.zoom);
}
