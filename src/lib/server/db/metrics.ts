import { sql, type SQL } from 'drizzle-orm';
import { selectRows, selectRowsAsJson, type Database } from './index';
import { ruralHamletSql } from './rural';
import { yieldToRequests } from '../event-loop';
import type { HamletMonthFigures } from '../../hamlet-details';
import { currentHamlets } from './current-hamlets';
import { currentActivities } from './current-activities';

export interface FiguresScope {
	communeCode?: string;
	hamletIds?: readonly number[];
	/** One of `of` even slices of the hamlets (by id), for reading the whole city in pieces. */
	slice?: { index: number; of: number };
}

const MONTH_FORMAT = /^\d{4}-(0[1-9]|1[0-2])-01$/;

function checkMonths(months: readonly string[]): void {
	for (const month of months) {
		if (!MONTH_FORMAT.test(month)) throw new RangeError(`Not the first day of a month: ${month}`);
	}
}

function scopeCondition(scope: FiguresScope): SQL {
	const conditions: SQL[] = [sql`true`];
	if (scope.communeCode !== undefined) conditions.push(sql`h.commune_code = ${scope.communeCode}`);
	if (scope.hamletIds !== undefined) {
		if (scope.hamletIds.length === 0) conditions.push(sql`false`);
		else
			conditions.push(
				sql`h.id IN (${sql.join(
					scope.hamletIds.map((id) => sql`${id}`),
					sql`, `
				)})`
			);
	}
	if (scope.slice !== undefined) {
		const { index, of } = scope.slice;
		conditions.push(sql`((h.id % ${of}::int) + ${of}::int) % ${of}::int = ${index}::int`);
	}
	return sql.join(conditions, sql` AND `);
}

/**
 * Figures of every hamlet in `scope` for each of `months` (first days, YYYY-MM-DD), ordered by hamlet
 * then month. Each (hamlet, month) is two index lookups, so one month of the whole city is ~5,000 cheap
 * probes rather than a scan per tile.
 */
export async function hamletFiguresByMonth(
	db: Database,
	months: readonly string[],
	scope: FiguresScope = {}
): Promise<HamletMonthFigures[]> {
	checkMonths(months);
	if (months.length === 0) return [];
	const monthList = sql.join(
		months.map((month) => sql`${month}::date`),
		sql`, `
	);
	return selectRows<HamletMonthFigures>(
		db,
		sql`
			SELECT h.id AS "hamletId", h.commune_code AS "communeCode", to_char(m.month, 'YYYY-MM-DD') AS month,
				h.households, h.adults, ${ruralHamletSql('h', 'c')} AS "isRural",
				coalesce(a.reached, 0)::int AS "householdsReached",
				coalesce(a.revisited, 0)::int AS "householdsRevisited",
				coalesce(a.guided, 0)::int AS "peopleGuided",
				coalesce(a.aged, 0)::int AS "peopleAged60Plus",
				coalesce(a.minorities, 0)::int AS "peopleFromMinorities",
				coalesce(a.aged_unrecorded, 0)::int AS "agedUnrecorded",
				coalesce(a.minorities_unrecorded, 0)::int AS "minoritiesUnrecorded",
				coalesce(a.activities, 0)::int AS activities,
				to_char(s.month, 'YYYY-MM-DD') AS "surveyMonth",
				coalesce(s.adults_assessed, 0) AS "adultsAssessed",
				coalesce(s.with_basic_skills, 0) AS "withBasicSkills",
				coalesce(s.with_smartphone, 0) AS "withSmartphone",
				coalesce(s.with_epayment, 0) AS "withEpayment",
				coalesce(s.with_vneid_level2, 0) AS "withVneidLevel2"
			FROM unnest(ARRAY[${monthList}]) AS m(month)
			CROSS JOIN ${currentHamlets} h
			JOIN communes c ON c.code = h.commune_code
			LEFT JOIN LATERAL (
				SELECT sum(o.households_new) AS reached, sum(o.households_revisited) AS revisited,
					sum(o.people_guided) AS guided, sum(o.people_aged_60_plus) AS aged,
					sum(o.people_from_minorities) AS minorities, count(*) AS activities,
					count(*) FILTER (WHERE o.people_aged_60_plus IS NULL) AS aged_unrecorded,
					count(*) FILTER (WHERE o.people_from_minorities IS NULL) AS minorities_unrecorded
				FROM ${currentActivities} o
				WHERE o.hamlet_id = h.id AND o.occurred_on < m.month + interval '1 month'
			) a ON true
			LEFT JOIN LATERAL (
				SELECT * FROM skill_surveys s
				WHERE s.hamlet_id = h.id AND s.month <= m.month
				ORDER BY s.month DESC LIMIT 1
			) s ON true
			WHERE ${scopeCondition(scope)}
			ORDER BY h.id, m.month`
	);
}

interface HamletBase {
	hamletId: number;
	communeCode: string;
	households: number;
	adults: number;
	isRural: boolean;
}

/** A hamlet's activities of one month (every month before `months[0]` folded into it). */
interface ActivityMonthSums {
	hamletId: number;
	month: string;
	reached: number;
	revisited: number;
	guided: number;
	aged: number;
	minorities: number;
	agedUnrecorded: number;
	minoritiesUnrecorded: number;
	activities: number;
}

interface SurveyRow {
	hamletId: number;
	month: string;
	adultsAssessed: number;
	withBasicSkills: number;
	withSmartphone: number;
	withEpayment: number;
	withVneidLevel2: number;
}

/**
 * The same rows as {@link hamletFiguresByMonth} for many months at once (the dashboard's every month),
 * from three scans instead of a lateral probe per hamlet and month: activities summed per hamlet and
 * month, then accumulated here; each month takes the latest survey so far. On PGlite the probes cost
 * seconds for the whole city over eleven months; a test holds the two to the same rows.
 */
export async function hamletFiguresThroughMonths(
	db: Database,
	months: readonly string[],
	scope: FiguresScope = {}
): Promise<HamletMonthFigures[]> {
	checkMonths(months);
	if (months.length === 0) return [];
	const sorted = [...months].sort();
	const first = sorted[0]!;
	const last = sorted.at(-1)!;
	const where = scopeCondition(scope);
	const [hamlets, activities, surveys] = await Promise.all([
		selectRowsAsJson<HamletBase>(
			db,
			sql`
				SELECT h.id AS "hamletId", h.commune_code AS "communeCode", h.households, h.adults,
					${ruralHamletSql('h', 'c')} AS "isRural"
				FROM ${currentHamlets} h JOIN communes c ON c.code = h.commune_code
				WHERE ${where}`
		),
		selectRowsAsJson<ActivityMonthSums>(
			db,
			sql`
				SELECT o.hamlet_id AS "hamletId",
					to_char(greatest(date_trunc('month', o.occurred_on)::date, ${first}::date), 'YYYY-MM-DD') AS month,
					sum(o.households_new)::int AS reached, sum(o.households_revisited)::int AS revisited,
					sum(o.people_guided)::int AS guided, coalesce(sum(o.people_aged_60_plus), 0)::int AS aged,
					coalesce(sum(o.people_from_minorities), 0)::int AS minorities, count(*)::int AS activities,
					(count(*) FILTER (WHERE o.people_aged_60_plus IS NULL))::int AS "agedUnrecorded",
					(count(*) FILTER (WHERE o.people_from_minorities IS NULL))::int AS "minoritiesUnrecorded"
				FROM ${currentActivities} o JOIN ${currentHamlets} h ON h.id = o.hamlet_id
				WHERE o.occurred_on < ${last}::date + interval '1 month' AND ${where}
				GROUP BY 1, 2`
		),
		selectRowsAsJson<SurveyRow>(
			db,
			sql`
				SELECT s.hamlet_id AS "hamletId", to_char(s.month, 'YYYY-MM-DD') AS month,
					s.adults_assessed AS "adultsAssessed", s.with_basic_skills AS "withBasicSkills",
					s.with_smartphone AS "withSmartphone", s.with_epayment AS "withEpayment",
					s.with_vneid_level2 AS "withVneidLevel2"
				FROM skill_surveys s JOIN ${currentHamlets} h ON h.id = s.hamlet_id
				WHERE s.month <= ${last}::date AND ${where}`
		)
	]);
	hamlets.sort((a, b) => a.hamletId - b.hamletId);
	// Months between the asked ones still count: each activity month goes to the first asked month at or after it.
	const activityByHamlet = Map.groupBy(activities, (row) => row.hamletId);
	const surveysByHamlet = Map.groupBy(surveys, (row) => row.hamletId);
	const rows: HamletMonthFigures[] = [];
	for (const hamlet of hamlets) {
		const own = (activityByHamlet.get(hamlet.hamletId) ?? []).sort((a, b) => (a.month < b.month ? -1 : 1));
		const ownSurveys = (surveysByHamlet.get(hamlet.hamletId) ?? []).sort((a, b) =>
			a.month < b.month ? -1 : 1
		);
		const sums = {
			reached: 0,
			revisited: 0,
			guided: 0,
			aged: 0,
			minorities: 0,
			agedUnrecorded: 0,
			minoritiesUnrecorded: 0,
			activities: 0
		};
		let nextActivity = 0;
		let nextSurvey = 0;
		let survey: SurveyRow | undefined;
		for (const month of sorted) {
			while (nextActivity < own.length && own[nextActivity]!.month <= month) {
				const row = own[nextActivity++]!;
				sums.reached += row.reached;
				sums.revisited += row.revisited;
				sums.guided += row.guided;
				sums.aged += row.aged;
				sums.minorities += row.minorities;
				sums.agedUnrecorded += row.agedUnrecorded;
				sums.minoritiesUnrecorded += row.minoritiesUnrecorded;
				sums.activities += row.activities;
			}
			while (nextSurvey < ownSurveys.length && ownSurveys[nextSurvey]!.month <= month) {
				survey = ownSurveys[nextSurvey++]!;
			}
			rows.push({
				...hamlet,
				month,
				householdsReached: sums.reached,
				householdsRevisited: sums.revisited,
				peopleGuided: sums.guided,
				peopleAged60Plus: sums.aged,
				peopleFromMinorities: sums.minorities,
				agedUnrecorded: sums.agedUnrecorded,
				minoritiesUnrecorded: sums.minoritiesUnrecorded,
				activities: sums.activities,
				surveyMonth: survey?.month ?? null,
				adultsAssessed: survey?.adultsAssessed ?? 0,
				withBasicSkills: survey?.withBasicSkills ?? 0,
				withSmartphone: survey?.withSmartphone ?? 0,
				withEpayment: survey?.withEpayment ?? 0,
				withVneidLevel2: survey?.withVneidLevel2 ?? 0
			});
		}
	}
	return rows;
}

/** Figures of every hamlet in `scope` at the end of one month. */
export function hamletFiguresForMonth(
	db: Database,
	month: string,
	scope: FiguresScope = {}
): Promise<HamletMonthFigures[]> {
	return hamletFiguresByMonth(db, [month], scope);
}

/**
 * The months the data covers, oldest first: every month from the first survey or activity to the last.
 * The month selector offers exactly these. The two tables are scanned in separate queries with requests
 * served in between (on the embedded database each scan holds the server's thread).
 */
export async function dataMonths(db: Database): Promise<string[]> {
	const bounds = await selectRows<{ first: string | null; last: string | null }>(
		db,
		sql`SELECT to_char(min(month), 'YYYY-MM-DD') AS first, to_char(max(month), 'YYYY-MM-DD') AS last
			FROM skill_surveys`
	);
	await yieldToRequests();
	bounds.push(
		...(await selectRows<{ first: string | null; last: string | null }>(
			db,
			sql`SELECT to_char(date_trunc('month', min(occurred_on)), 'YYYY-MM-DD') AS first,
				to_char(date_trunc('month', max(occurred_on)), 'YYYY-MM-DD') AS last
			FROM ${currentActivities} AS outreach_activities`
		))
	);
	const firsts = bounds.flatMap((row) => (row.first === null ? [] : [row.first]));
	const lasts = bounds.flatMap((row) => (row.last === null ? [] : [row.last]));
	if (firsts.length === 0) return [];
	return monthsBetween(firsts.sort()[0]!, lasts.sort().at(-1)!);
}

/** Every first day of a month from `first` to `last` (both YYYY-MM-01), in order. */
function monthsBetween(first: string, last: string): string[] {
	const months: string[] = [];
	let [year, month] = first.split('-').map(Number) as [number, number];
	for (let day = first; day <= last; day = `${year}-${String(month).padStart(2, '0')}-01`) {
		months.push(day);
		month += 1;
		if (month > 12) [year, month] = [year + 1, 1];
	}
	return months;
}
