// The dashboard's, the commune page's and the monthly report's figures: every month's hamlet figures
// (the map's query) summed per commune, per priority group and for the city, once per data revision,
// then read as target progress (target-progress.ts) and projected (project-to-target.ts).
import bbox from '@turf/bbox';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { projectToTarget, type MonthlyValue } from '$lib/analysis/project-to-target';
import type {
	ActivityMonth,
	CityDashboard,
	CommuneDashboard,
	CommuneRow,
	ElderlyReach,
	GroupComparison,
	GroupReachPeriods,
	HamletRow,
	KpiCard,
	MapShapes,
	PriorityGroups
} from '$lib/dashboard';
import { ACTIVITY_KINDS, OUTREACH_TOPICS } from '$lib/domain';
import { groupReach, type PriorityGroup } from '$lib/group-reach';
import { noTrainingHistory, trainingHistories, type TrainingHistory } from '$lib/training-history';
import { fitSvgProjection, svgPath } from '$lib/map/svg-paths';
import { metricValue, type MetricId } from '$lib/metrics';
import { rateProjections, type RateProjection } from '$lib/rate-projections';
import {
	DASHBOARD_KPIS,
	metricProgress,
	trainingProgress,
	type KpiId,
	type ProgressRow
} from '$lib/target-progress';
import {
	activityKindCounts,
	communeListings,
	hamletProfiles,
	rosterTrainedByMonth,
	teamRows,
	teamTrainingRows,
	type ActivityKindCount,
	type CommuneListing,
	type TeamRow
} from './db/dashboard';
import type { Database } from './db/index';
import { dataMonths, hamletFiguresForMonth, hamletFiguresThroughMonths } from './db/metrics';
import { communesFeatureCollection } from './db/communes';
import { cityGapAnalysis, gapAnalysisGeometries } from './gap-analysis';
import { communeGapIndexes } from './map-gap-values';
import { isDesignatedMinority, minorityDesignations } from './minority-areas';
import { RevisionCache } from './revision-cache';

/** Sums of hamlet figures, with what the priority groups need. */
interface FigureSums extends ProgressRow {
	elderly: number;
}

/** A scope's sums at the end of one month: urban and rural hamlets apart (e-payment counts urban only). */
type ScopeFigures = [urban: FigureSums, rural: FigureSums];

/** Everything summed, by month index (the months of `months`). */
interface DashboardFigures {
	months: string[];
	communes: CommuneListing[];
	city: ScopeFigures[];
	byCommune: Map<string, ScopeFigures[]>;
	/** Hamlets in designated minority areas, and the rest. */
	minority: ScopeFigures[];
	other: ScopeFigures[];
	minorityByCommune: Map<string, ScopeFigures[]>;
	otherByCommune: Map<string, ScopeFigures[]>;
	/** Communes designated whole or with designated thôn. */
	minorityCommunes: Set<string>;
	designatedHamlets: Set<number>;
	activityKinds: ActivityKindCount[];
	/** The trained share's history by commune code, the city's under ''. */
	training: Map<string, TrainingHistory>;
}

function emptySums(isRural: boolean): FigureSums {
	return {
		households: 0,
		adults: 0,
		isRural,
		householdsReached: 0,
		adultsAssessed: 0,
		withBasicSkills: 0,
		withSmartphone: 0,
		withEpayment: 0,
		withVneidLevel2: 0,
		surveyMonth: null,
		elderly: 0
	};
}

const emptyScope = (): ScopeFigures => [emptySums(false), emptySums(true)];

function scopeSeries(map: Map<string, ScopeFigures[]>, key: string, monthCount: number): ScopeFigures[] {
	let series = map.get(key);
	if (!series) map.set(key, (series = Array.from({ length: monthCount }, emptyScope)));
	return series;
}

const SUMMED = [
	'households',
	'adults',
	'householdsReached',
	'adultsAssessed',
	'withBasicSkills',
	'withSmartphone',
	'withEpayment',
	'withVneidLevel2'
] as const;

const cache = new RevisionCache<DashboardFigures>(1);

/** Every month's sums, computed once per data revision (≈ 54,000 hamlet-months for the demo). */
async function dashboardFigures(db: Database): Promise<DashboardFigures> {
	const { value } = await cache.get(db, 'figures', async () => {
		const months = await dataMonths(db);
		const [communes, profiles, designations, rows, activityKinds, teams, trained] = await Promise.all([
			communeListings(db),
			hamletProfiles(db),
			minorityDesignations(db),
			hamletFiguresThroughMonths(db, months),
			activityKindCounts(db),
			teamTrainingRows(db),
			rosterTrainedByMonth(db)
		]);
		const profileById = new Map(profiles.map((profile) => [profile.id, profile]));
		const designatedHamlets = new Set(
			profiles.filter((profile) => isDesignatedMinority(designations, profile)).map((profile) => profile.id)
		);
		const minorityCommunes = new Set([...designatedHamlets].map((id) => profileById.get(id)!.communeCode));
		const monthIndex = new Map(months.map((month, index) => [month, index]));
		const figures: DashboardFigures = {
			months,
			communes,
			city: months.map(emptyScope),
			byCommune: new Map(),
			minority: months.map(emptyScope),
			other: months.map(emptyScope),
			minorityByCommune: new Map(),
			otherByCommune: new Map(),
			minorityCommunes,
			designatedHamlets,
			activityKinds,
			training: trainingHistories(teams, trained, months)
		};
		for (const row of rows) {
			const index = monthIndex.get(row.month)!;
			const elderly = profileById.get(row.hamletId)?.elderly ?? 0;
			const designated = designatedHamlets.has(row.hamletId);
			const targets = [
				figures.city[index]!,
				scopeSeries(figures.byCommune, row.communeCode, months.length)[index]!,
				(designated ? figures.minority : figures.other)[index]!,
				scopeSeries(
					designated ? figures.minorityByCommune : figures.otherByCommune,
					row.communeCode,
					months.length
				)[index]!
			];
			for (const scope of targets) {
				const sums = scope[row.isRural ? 1 : 0];
				for (const key of SUMMED) sums[key] += row[key];
				sums.elderly += elderly;
				if (row.surveyMonth && (!sums.surveyMonth || row.surveyMonth > sums.surveyMonth))
					sums.surveyMonth = row.surveyMonth;
			}
		}
		return figures;
	});
	return value;
}

/** The months the dashboard can show: those of the data (the map's). */
export async function dashboardMonths(db: Database): Promise<string[]> {
	return (await dashboardFigures(db)).months;
}

const round4 = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 10_000);

/** The five cards of a scope, its months from the first to `index`. */
function kpiCards(
	series: ScopeFigures[],
	months: string[],
	index: number,
	training: TrainingHistory
): KpiCard[] {
	const month = months[index]!;
	return DASHBOARD_KPIS.map((kpi): KpiCard => {
		if (kpi === 'training') {
			const progress = trainingProgress([training.byMonth[index]!], month);
			const trend = months.slice(0, index + 1).map((trendMonth, at) => ({
				month: trendMonth,
				value: trainingProgress([training.byMonth[at]!], trendMonth).value
			}));
			return {
				progress,
				trend,
				projection: projectToTarget(trend, progress.target!),
				training: { teams: training.teams, undatedTeams: training.undatedTeams }
			};
		}
		const progress = metricProgress(kpi, series[index]!, month);
		const trend = months.slice(0, index + 1).map((trendMonth, at) => ({
			month: trendMonth,
			value: metricProgress(kpi, series[at]!, trendMonth).value
		}));
		return {
			progress,
			trend,
			projection: progress.target === null ? null : projectToTarget(trend, progress.target)
		};
	});
}

const COMPARED = DASHBOARD_KPIS.filter((kpi): kpi is Exclude<KpiId, 'training'> => kpi !== 'training');

/** How far `priority` is from `rest` for each rate, month by month up to `index`. */
function compareGroups(
	months: string[],
	index: number,
	priority: (at: number) => ProgressRow[],
	rest: (at: number) => ProgressRow[]
): GroupComparison[] {
	return COMPARED.map((kpi) => {
		const trend: MonthlyValue[] = months.slice(0, index + 1).map((month, at) => {
			const a = metricProgress(kpi, priority(at), month).value;
			const b = metricProgress(kpi, rest(at), month).value;
			return { month, value: a === null || b === null ? null : a - b };
		});
		const now = trend.at(-1)?.value ?? null;
		const before = trend.at(-4)?.value ?? null;
		return {
			kpi,
			priority: metricProgress(kpi, priority(index), months[index]!).value,
			rest: metricProgress(kpi, rest(index), months[index]!).value,
			difference: now,
			trend,
			closing: now === null || before === null || trend.length < 4 ? null : Math.abs(now) < Math.abs(before)
		};
	});
}

/** A group among the people guided by `activities` (a scope's, every month) in `month` and up to its end. */
function reachPeriods(
	activities: readonly ActivityKindCount[],
	month: string,
	group: PriorityGroup
): GroupReachPeriods {
	return {
		month: groupReach(
			activities.filter((row) => row.month === month),
			group
		),
		toDate: groupReach(
			activities.filter((row) => row.month <= month),
			group
		)
	};
}

function elderlyReach(
	scope: ScopeFigures,
	activities: readonly ActivityKindCount[],
	month: string
): ElderlyReach {
	const monthActivities = activities.filter((row) => row.month === month);
	return {
		elderly: scope[0].elderly + scope[1].elderly,
		...reachPeriods(activities, month, 'aged'),
		elderlyTopicClasses: monthActivities.reduce((sum, row) => sum + row.elderlyTopicClasses, 0),
		elderlyTopicPeopleGuided: monthActivities.reduce((sum, row) => sum + row.elderlyTopicPeopleGuided, 0)
	};
}

function priorityGroups(
	figures: DashboardFigures,
	index: number,
	scope: ScopeFigures[],
	minority: ScopeFigures[] | undefined,
	other: ScopeFigures[] | undefined,
	/** The scope's activities of every month. */
	activities: readonly ActivityKindCount[]
): PriorityGroups {
	const none: ProgressRow[] = [];
	return {
		rural: compareGroups(
			figures.months,
			index,
			(at) => [scope[at]![1]],
			(at) => [scope[at]![0]]
		),
		minority: compareGroups(
			figures.months,
			index,
			(at) => minority?.[at] ?? none,
			(at) => other?.[at] ?? none
		),
		elderly: elderlyReach(scope[index]!, activities, figures.months[index]!),
		minorityPeople: reachPeriods(activities, figures.months[index]!, 'minorities')
	};
}

/** A scope's training history ('' the city's); a commune without teams has none. */
function trainingOf(figures: DashboardFigures, key: string): TrainingHistory {
	return figures.training.get(key) ?? noTrainingHistory(figures.months.length);
}

/** The month's index in the data's months; the caller has validated the month against them. */
function indexOf(figures: DashboardFigures, month: string): number {
	const index = figures.months.indexOf(month);
	if (index < 0) throw new RangeError(`Not a month of the data: ${month}`);
	return index;
}

const cityCache = new RevisionCache<CityDashboard>(12);

/** The city's dashboard at the end of `month` (a month of the data), computed once per month and revision. */
export async function cityDashboard(db: Database, month: string): Promise<CityDashboard> {
	return (await cityCache.get(db, month, () => computeCityDashboard(db, month))).value;
}

async function computeCityDashboard(db: Database, month: string): Promise<CityDashboard> {
	const figures = await dashboardFigures(db);
	const index = indexOf(figures, month);
	const analysis = await cityGapAnalysis(db, month);
	const gaps = communeGapIndexes(analysis);
	const hotSpots = new Map<string, number>();
	for (const hamlet of analysis.hamlets) {
		if (hamlet.hotSpot.hotSpotClass.startsWith('hot'))
			hotSpots.set(hamlet.communeCode, (hotSpots.get(hamlet.communeCode) ?? 0) + 1);
	}
	const activitiesByCommune = Map.groupBy(
		figures.activityKinds.filter((row) => row.month <= month),
		(row) => row.communeCode
	);
	const communes = figures.communes.map((commune): CommuneRow => {
		const series = figures.byCommune.get(commune.code) ?? figures.months.map(emptyScope);
		const cards = kpiCards(series, figures.months, index, trainingOf(figures, commune.code));
		const kpis = Object.fromEntries(
			cards.map((card) => [
				card.progress.kpi,
				{
					value: round4(card.progress.value),
					status: card.projection?.status ?? null,
					gap: card.progress.gap,
					trend: card.trend.map((point) => round4(point.value))
				}
			])
		) as CommuneRow['kpis'];
		const now = series[index]!;
		const activities = activitiesByCommune.get(commune.code) ?? [];
		const elderly = groupReach(activities, 'aged');
		const minorityPeople = groupReach(activities, 'minorities');
		const minorityNow = figures.minorityByCommune.get(commune.code)?.[index];
		return {
			...commune,
			minorityArea: figures.minorityCommunes.has(commune.code),
			kpis,
			coverage: round4(metricProgress('coverage', now, month).value),
			gapIndex: gaps.get(commune.code) ?? null,
			hotSpotHamlets: hotSpots.get(commune.code) ?? 0,
			elderlyReached: elderly.total,
			elderlyUnrecorded: elderly.unrecordedActivities,
			minorityPeopleReached: minorityPeople.total,
			minorityPeopleUnrecorded: minorityPeople.unrecordedActivities,
			minorityCoverage: minorityNow ? round4(metricProgress('coverage', minorityNow, month).value) : null,
			offTrack: cards.some((card) => card.projection?.status === 'off-track')
		};
	});
	return {
		months: figures.months,
		month,
		cards: kpiCards(figures.city, figures.months, index, trainingOf(figures, '')),
		groups: priorityGroups(
			figures,
			index,
			figures.city,
			figures.minority,
			figures.other,
			figures.activityKinds
		),
		communes
	};
}

function activityMonths(figures: DashboardFigures, communeCode: string, index: number): ActivityMonth[] {
	return figures.months.slice(0, index + 1).map((month) => {
		const byKind = Object.fromEntries(ACTIVITY_KINDS.map((kind) => [kind, 0])) as ActivityMonth['byKind'];
		const byTopic = Object.fromEntries(
			OUTREACH_TOPICS.map((topic) => [topic, 0])
		) as ActivityMonth['byTopic'];
		let householdsNew = 0;
		let peopleGuided = 0;
		let elderlyTopicClasses = 0;
		for (const row of figures.activityKinds) {
			if (row.communeCode !== communeCode || row.month !== month) continue;
			byKind[row.kind] += row.activities;
			householdsNew += row.householdsNew;
			peopleGuided += row.peopleGuided;
			elderlyTopicClasses += row.elderlyTopicClasses;
			for (const topic of OUTREACH_TOPICS) byTopic[topic] += row.topics[topic];
		}
		return { month, byKind, byTopic, householdsNew, peopleGuided, elderlyTopicClasses };
	});
}

const HAMLET_METRICS = [
	'coverage',
	'skills',
	'smartphone',
	'epayment',
	'vneid'
] as const satisfies MetricId[];

const communeCache = new RevisionCache<CommuneDashboard | null>(64);

/** A commune's page at the end of `month`, or null when there is no such commune; cached like the city's. */
export async function communeDashboard(
	db: Database,
	communeCode: string,
	month: string
): Promise<CommuneDashboard | null> {
	const key = `${communeCode} ${month}`;
	return (await communeCache.get(db, key, () => computeCommuneDashboard(db, communeCode, month))).value;
}

async function computeCommuneDashboard(
	db: Database,
	communeCode: string,
	month: string
): Promise<CommuneDashboard | null> {
	const figures = await dashboardFigures(db);
	const commune = figures.communes.find((candidate) => candidate.code === communeCode);
	if (!commune) return null;
	const index = indexOf(figures, month);
	const [teams, analysis, hamletFigures, profiles] = await Promise.all([
		teamRows(db, month, communeCode),
		cityGapAnalysis(db, month),
		hamletFiguresForMonth(db, month, { communeCode }),
		hamletProfiles(db)
	]);
	const series = figures.byCommune.get(communeCode) ?? figures.months.map(emptyScope);
	const gapById = new Map(
		analysis.hamlets
			.filter((hamlet) => hamlet.communeCode === communeCode)
			.map((hamlet) => [hamlet.id, hamlet])
	);
	const profileById = new Map(profiles.map((profile) => [profile.id, profile]));
	const hamlets = hamletFigures
		.map((row): HamletRow => {
			const profile = profileById.get(row.hamletId)!;
			const gap = gapById.get(row.hamletId);
			return {
				id: row.hamletId,
				name: profile.name,
				kind: profile.kind,
				households: row.households,
				adults: row.adults,
				elderly: profile.elderly,
				minorityArea: figures.designatedHamlets.has(row.hamletId),
				approximate: profile.boundarySource === 'approximate',
				values: Object.fromEntries(
					HAMLET_METRICS.map((metric) => [metric, round4(metricValue(metric, row))])
				) as HamletRow['values'],
				gapIndex: gap ? Math.round(gap.gapIndex * 10) / 10 : null,
				hotSpot: gap?.hotSpot.hotSpotClass.startsWith('hot') ?? false
			};
		})
		.sort((a, b) => (b.gapIndex ?? -1) - (a.gapIndex ?? -1) || a.name.localeCompare(b.name, 'vi'));
	const communeActivities = figures.activityKinds.filter((row) => row.communeCode === communeCode);
	return {
		months: figures.months,
		month,
		commune: { ...commune, minorityArea: figures.minorityCommunes.has(communeCode) },
		cards: kpiCards(series, figures.months, index, trainingOf(figures, communeCode)),
		groups: priorityGroups(
			figures,
			index,
			series,
			figures.minorityByCommune.get(communeCode),
			figures.otherByCommune.get(communeCode),
			communeActivities
		),
		hamlets,
		teams: teams.map((team: TeamRow) => ({
			id: team.id,
			name: team.name,
			members: team.members,
			membersTrained: team.membersTrained,
			activities: team.activities,
			lastActivityOn: team.lastActivityOn
		})),
		activities: activityMonths(figures, communeCode, index)
	};
}

/** Width of the small maps' SVG boxes; the height follows the area's shape. */
const MAP_WIDTH = 600;
// ≈ 100 m: the smallest commune stays recognisable at 600 units for the city, and the paths stay small.
const COMMUNE_MAP_TOLERANCE = 0.001;

const shapesCache = new RevisionCache<MapShapes>(16);

function mapShapes(features: { key: string; geometry: Polygon | MultiPolygon }[]): MapShapes {
	const collection: FeatureCollection = {
		type: 'FeatureCollection',
		features: features.map(({ geometry }) => ({ type: 'Feature', geometry, properties: {} }))
	};
	const projection = fitSvgProjection(bbox(collection) as [number, number, number, number], MAP_WIDTH);
	return {
		width: projection.width,
		height: projection.height,
		shapes: features.map(({ key, geometry }) => ({ key, d: svgPath(geometry, projection) }))
	};
}

/** The communes as the dashboard's small map draws them, once per revision. */
export async function communeMapShapes(db: Database): Promise<MapShapes> {
	const { value } = await shapesCache.get(db, 'communes', async () => {
		const communes = await communesFeatureCollection(db, { simplifyTolerance: COMMUNE_MAP_TOLERANCE });
		return mapShapes(
			communes.features.map((feature) => ({ key: feature.properties.code, geometry: feature.geometry }))
		);
	});
	return value;
}

/** A commune's hamlets as its page's small map draws them (the month's analysed polygons). */
export async function hamletMapShapes(db: Database, communeCode: string, month: string): Promise<MapShapes> {
	const { value } = await shapesCache.get(db, `hamlets ${communeCode} ${month}`, async () => {
		const hamlets = await gapAnalysisGeometries(db, month, { communeCode });
		return mapShapes(
			hamlets.features.map((feature) => ({ key: String(feature.id), geometry: feature.geometry }))
		);
	});
	return value;
}

// ≈ 10 m: well within the boundaries' own accuracy, and a tenth of the unsimplified file's size.
const COMMUNE_EXPORT_TOLERANCE = 0.0001;

const geometriesCache = new RevisionCache<Map<string, MultiPolygon>>(1);

/** Each commune's outline by code, for the GeoJSON export, once per revision. */
export async function communeGeometries(db: Database): Promise<Map<string, MultiPolygon>> {
	const { value } = await geometriesCache.get(db, 'communes', async () => {
		const communes = await communesFeatureCollection(db, { simplifyTolerance: COMMUNE_EXPORT_TOLERANCE });
		return new Map(communes.features.map((feature) => [feature.properties.code, feature.geometry]));
	});
	return value;
}

/**
 * The planner's projections of skills, smartphones and e-payment for a commune: its dashboard cards'
 * projections (the same method and figures as the commune page), none for an unknown commune.
 */
export async function communeRateProjections(
	db: Database,
	communeCode: string,
	month: string
): Promise<RateProjection[]> {
	const dashboard = await communeDashboard(db, communeCode, month);
	return dashboard ? rateProjections(dashboard.cards) : [];
}
