// What the dashboard, the commune page and the monthly report are given (built by
// $lib/server/dashboard from the database): types only, shared by the server and the components.
import type { MonthlyValue, Projection, ProjectionStatus } from './analysis/project-to-target';
import type { ActivityKind, OutreachTopic, UnitType } from './domain';
import type { GroupReach } from './group-reach';
import type { KpiId, TargetProgress } from './target-progress';

/** One target's card: where the scope stands, its months so far, and where the pace takes it. */
export interface KpiCard {
	progress: TargetProgress;
	/** January (the first month of the data) to the month shown. */
	trend: MonthlyValue[];
	/** Null for a figure without a target (VNeID level 2). */
	projection: Projection | null;
	/** The training card: the scope's teams, and those without a dated roster (counted as they are now). */
	training?: { teams: number; undatedTeams: number };
}

/** A priority group against the rest for one rate: the difference in points and whether it closes. */
export interface GroupComparison {
	kpi: Exclude<KpiId, 'training'>;
	priority: number | null;
	rest: number | null;
	/** priority − rest (negative: the priority group is behind), as a share. */
	difference: number | null;
	/** The difference month by month. */
	trend: MonthlyValue[];
	/** Whether the difference is smaller than three months earlier; null when either is unknown. */
	closing: boolean | null;
}

/**
 * The plan's priority groups: rural hamlets against urban ones, designated minority areas against the rest,
 * and the people aged 60+ and from ethnic minorities the activities recorded.
 */
export interface PriorityGroups {
	rural: GroupComparison[];
	minority: GroupComparison[];
	elderly: ElderlyReach;
	/** People from ethnic minorities guided. */
	minorityPeople: GroupReachPeriods;
}

/** A group among the people guided in the month, and since January up to its end. */
export interface GroupReachPeriods {
	month: GroupReach;
	toDate: GroupReach;
}

/** What the data says about the elderly of a scope at the end of a month. */
export interface ElderlyReach extends GroupReachPeriods {
	/** Residents aged 60 and over. */
	elderly: number;
	/** Classes of the month on online safety or e-health, the plan's topics for the elderly. */
	elderlyTopicClasses: number;
	elderlyTopicPeopleGuided: number;
}

/** A KPI of a commune in the table: its value, its projection's status and its trend. */
interface CommuneKpi {
	value: number | null;
	status: ProjectionStatus | null;
	gap: number | null;
	trend: (number | null)[];
}

/** One row of the communes' table. */
export interface CommuneRow {
	code: string;
	name: string;
	fullName: string;
	unitType: UnitType;
	/** The commune is a designated minority area, or has designated thôn. */
	minorityArea: boolean;
	kpis: Record<KpiId, CommuneKpi>;
	coverage: number | null;
	/** Adults-weighted mean gap index, 0–100. */
	gapIndex: number | null;
	/** Hamlets in a hot spot of the gap (Gi* hot at 90% or more). */
	hotSpotHamlets: number;
	/** People aged 60+ guided since January (as recorded), and the activities that did not record it. */
	elderlyReached: number;
	elderlyUnrecorded: number;
	/** People from ethnic minorities guided since January, and the activities that did not record it. */
	minorityPeopleReached: number;
	minorityPeopleUnrecorded: number;
	/** Outreach coverage in the commune's designated hamlets; null without any. */
	minorityCoverage: number | null;
	/** Some KPI projects off track. */
	offTrack: boolean;
}

/** The city's dashboard for one month. */
export interface CityDashboard {
	months: string[];
	month: string;
	cards: KpiCard[];
	groups: PriorityGroups;
	communes: CommuneRow[];
}

/** One hamlet of a commune page's table. */
export interface HamletRow {
	id: number;
	name: string;
	kind: string;
	households: number;
	adults: number;
	elderly: number;
	minorityArea: boolean;
	approximate: boolean;
	values: Record<'coverage' | 'skills' | 'smartphone' | 'epayment' | 'vneid', number | null>;
	gapIndex: number | null;
	hotSpot: boolean;
}

interface TeamSummary {
	id: number;
	name: string;
	members: number;
	membersTrained: number;
	activities: number;
	lastActivityOn: string | null;
}

/** A commune's activities of one month, by kind and by topic. */
export interface ActivityMonth {
	month: string;
	byKind: Record<ActivityKind, number>;
	byTopic: Record<OutreachTopic, number>;
	householdsNew: number;
	peopleGuided: number;
	elderlyTopicClasses: number;
}

/** A commune's page for one month. */
export interface CommuneDashboard {
	months: string[];
	month: string;
	commune: { code: string; name: string; fullName: string; unitType: UnitType; minorityArea: boolean };
	cards: KpiCard[];
	groups: PriorityGroups;
	hamlets: HamletRow[];
	teams: TeamSummary[];
	activities: ActivityMonth[];
}

/** A small map's polygons as SVG paths (svg-paths.ts), keyed by commune code or hamlet id. */
export interface MapShapes {
	width: number;
	height: number;
	shapes: { key: string; d: string }[];
}
