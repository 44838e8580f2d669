import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { BoundarySource, HamletKind, UnitType } from '../../domain';
import type { ActivityRowInput } from '../../activity-input';
import type { HamletFeatureInput, SurveyRowInput, TeamRowInput } from '../db/input-schemas';
import type { CensusTables } from './census';
import type { DemoTeamMember } from './rosters';

/** A commune as the generator needs it (from `hanoi_2025_communes_full.geojson`). */
export interface DemoCommune {
	/** Official 5-digit code, e.g. '00004'. */
	code: string;
	fullName: string;
	unitType: UnitType;
	/** `popSapnhap`: the population in the 2025 merger dossiers. */
	population: number;
}

/** Properties of a feature of `geodata/hamlets-approximate.geojson`. */
interface HamletProperties {
	id: number;
	communeCode: string;
	name: string;
	kind: HamletKind;
	population: number;
	boundarySource: BoundarySource;
}

/** One hamlet polygon (WGS 84, [lng, lat]). */
export type HamletFeature = Feature<Polygon | MultiPolygon, HamletProperties>;

/** A row of `hanoi_ethnic_minority_areas_2026.csv`: a designated xã, or one named thôn of a commune. */
export interface MinorityArea {
	level: 'commune' | 'hamlet';
	communeCode: string;
	/** The designated thôn's name for level 'hamlet'; null for a whole commune. */
	hamletName: string | null;
}

/** Everything the generator reads; built from the geodata files by `readDemoDataInput`. */
export interface DemoDataInput {
	communes: DemoCommune[];
	hamlets: HamletFeature[];
	census: CensusTables;
	minorityAreas: MinorityArea[];
}

/** Knobs of `generateDemoData`. */
export interface DemoDataOptions {
	/** Same seed ⇒ byte-identical output. */
	seed?: string;
	/** Outreach activities in total, spread over all hamlets. */
	activityCount?: number;
}

/** The generated demographics of one hamlet; the loader adds name, kind, geometry and dataset from the feature. */
type DemoHamlet = Pick<
	HamletFeatureInput['properties'],
	'id' | 'households' | 'adults' | 'elderly' | 'minorityShare' | 'isRural'
>;

/** A Tổ CĐS with an explicit id (1…N), so activities can refer to it before it is stored. */
export type DemoTeam = TeamRowInput;

/** One hamlet-month of the skill survey. */
export type DemoSurvey = SurveyRowInput;

/** One outreach activity; `location` is [lng, lat] (the loader turns it into a GeoJSON Point). */
export type DemoActivity = ActivityRowInput;

/** The whole demo dataset, ready for the loader to add `datasetId` and geometries. */
export interface DemoData {
	hamlets: DemoHamlet[];
	teams: DemoTeam[];
	/** Every team's roster, with the day each trained member was trained (the trained share's history). */
	teamMembers: DemoTeamMember[];
	surveys: DemoSurvey[];
	activities: DemoActivity[];
	/** Hamlets made to exceed 100% outreach coverage on purpose, to exercise data-quality flags (ascending). */
	overCoveredHamletIds: number[];
	/** Hamlets in a designated ethnic-minority area: every hamlet of a designated xã, plus the matched thôn (ascending). */
	minorityAreaHamletIds: number[];
}
