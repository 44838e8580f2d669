// The map's view, as the URL holds it: ?metric=skills&month=2026-11&classes=ckmeans&hamlet=4001
// (the camera is in the hash, kept by MapLibre). Pure, so the rules are tested without a browser.
import { CLASSIFICATIONS, isClassificationId, type ClassificationId } from './classification';
import { isMetricId, type MetricId } from '$lib/metrics';

export type MapMetricId = MetricId | 'gap';

/** Hamlet filters (?only=rural,minority): a hamlet stays bright only when it matches every one chosen. */
export const HAMLET_FILTERS = ['rural', 'minority', 'largest'] as const;
export type HamletFilter = (typeof HAMLET_FILTERS)[number];

export interface ViewState {
	metric: MapMetricId;
	classes: ClassificationId;
	only: HamletFilter[];
	/** The clustered outreach activities (?activities=off hides them). */
	activities: 'on' | 'off';
}

const DEFAULT_VIEW: ViewState = {
	metric: 'coverage',
	classes: CLASSIFICATIONS[0],
	only: [],
	activities: 'on'
};

/** The view the URL asks for; an unknown value falls back to the default rather than breaking the page. */
export function readViewState(url: URL): ViewState {
	const metric = url.searchParams.get('metric');
	const classes = url.searchParams.get('classes');
	const only = (url.searchParams.get('only') ?? '').split(',');
	return {
		metric: metric === 'gap' || isMetricId(metric) ? metric : DEFAULT_VIEW.metric,
		classes: isClassificationId(classes) ? classes : DEFAULT_VIEW.classes,
		only: HAMLET_FILTERS.filter((filter) => only.includes(filter)),
		activities: url.searchParams.get('activities') === 'off' ? 'off' : 'on'
	};
}

/**
 * `url` with some parameters changed; null removes one. Defaults are left out of the URL so a plain
 * link and a link to the default view are the same link. The hash (the camera) is kept.
 */
export function withParams(url: URL, changes: Record<string, string | null>): URL {
	const next = new URL(url);
	for (const [key, value] of Object.entries(changes)) {
		const isDefault = (DEFAULT_VIEW as unknown as Record<string, string>)[key] === value;
		if (value === null || value === '' || isDefault) next.searchParams.delete(key);
		else next.searchParams.set(key, value);
	}
	return next;
}

/** A change of the view from the map's controls: any part of it, and the month (YYYY-MM). */
export type ViewChange = Partial<ViewState> & { month?: string };

/** The URL parameters of a change, for {@link withParams}: the filters as a comma-separated list. */
export function viewParams(change: ViewChange): Record<string, string | null> {
	const { only, ...rest } = change;
	return only === undefined ? rest : { ...rest, only: only.join(',') };
}
