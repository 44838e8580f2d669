// What the map's hamlet panel is given (built by $lib/server/hamlet-details from the database): types
// only, so that the components that show it and the server code that reads it share them without a
// component reaching into $lib/server.
import type { BoundarySource, DatasetKind, HamletKind, UnitType } from './domain';
import type { MetricId, MetricReading } from './metrics';
import type { Bbox } from './places';

export interface HamletProperties {
	id: number;
	communeCode: string;
	name: string;
	kind: HamletKind;
	households: number;
	adults: number;
	elderly: number;
	minorityShare: number;
	isRural: boolean;
	boundarySource: BoundarySource;
	datasetKind: DatasetKind;
}

export interface HamletRecord extends HamletProperties {
	commune: { code: string; name: string; fullName: string; unitType: UnitType };
	/** [west, south, east, north] of the hamlet's polygon, for flying to it. */
	bbox: Bbox;
}

/**
 * What the figures of a hamlet are at the end of one month: the counts behind every rate the map shows.
 * Rates are computed from these by `$lib/metrics`, never stored, so a numerator and its denominator
 * always travel together.
 */
export interface HamletMonthFigures {
	hamletId: number;
	communeCode: string;
	/** First day of the month, YYYY-MM-DD. */
	month: string;
	households: number;
	adults: number;
	/** Rural by the one rule (`isRuralHamlet`): the commune is a xã, or the hamlet itself is rural. */
	isRural: boolean;
	/** Distinct households reached up to the end of the month (sum of first visits; revisits excluded). */
	householdsReached: number;
	householdsRevisited: number;
	peopleGuided: number;
	/** Of the people guided, the plan's priority groups (counts recorded by the teams). */
	peopleAged60Plus: number;
	peopleFromMinorities: number;
	/** Activities that did not record the group's count ("chưa ghi"), so a total is not read as complete. */
	agedUnrecorded: number;
	minoritiesUnrecorded: number;
	activities: number;
	/** The latest survey at or before the month; null when the hamlet was never surveyed. */
	surveyMonth: string | null;
	adultsAssessed: number;
	withBasicSkills: number;
	withSmartphone: number;
	withEpayment: number;
	withVneidLevel2: number;
}

interface TrendPoint {
	month: string;
	values: Record<MetricId, number | null>;
}

/** Everything the side panel shows about one hamlet in one month. */
export interface HamletDetails {
	hamlet: HamletRecord;
	month: string;
	figures: HamletMonthFigures;
	readings: MetricReading[];
	/** Every month of the data up to `month`, oldest first, for the sparkline. */
	trend: TrendPoint[];
	commune: {
		hamletCount: number;
		readings: MetricReading[];
		/** The month the commune's hamlets are compared with ("since June"). */
		sinceMonth: string;
		/** Every hamlet of the commune with its rates now and at `sinceMonth`, by id. */
		hamlets: { id: number; name: string; now: MetricValues; then: MetricValues }[];
	};
}

export type MetricValues = Record<MetricId, number | null>;
