import { sql, type SQL } from 'drizzle-orm';
import { selectRows, type Database } from './index';
import { ruralHamletSql } from './rural';
import type { HamletMonthFigures } from '../../hamlet-details';
import { currentHamlets } from './current-hamlets';

export interface FiguresScope {
	communeCode?: string;
	hamletIds?: readonly number[];
}

const MONTH_FORMAT = /^\d{4}-(0[1-9]|1[0-2])-01$/;

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
	for (const month of months) {
		if (!MONTH_FORMAT.test(month)) throw new RangeError(`Not the first day of a month: ${month}`);
	}
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
					sum(o.people_from_minorities) AS minorities, count(*) AS activities
				FROM outreach_activities o
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
 * The month selector offers exactly these.
 */
export async function dataMonths(db: Database): Promise<string[]> {
	const rows = await selectRows<{ month: string }>(
		db,
		sql`
			WITH bounds AS (
				SELECT least(
						(SELECT min(month) FROM skill_surveys),
						(SELECT date_trunc('month', min(occurred_on))::date FROM outreach_activities)
					) AS first,
					greatest(
						(SELECT max(month) FROM skill_surveys),
						(SELECT date_trunc('month', max(occurred_on))::date FROM outreach_activities)
					) AS last
			)
			SELECT to_char(month, 'YYYY-MM-DD') AS month
			FROM bounds, generate_series(bounds.first, bounds.last, interval '1 month') AS month
			WHERE bounds.first IS NOT NULL
			ORDER BY month`
	);
	return rows.map((row) => row.month);
}
