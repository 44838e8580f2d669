// The dashboard's and the commune page's reads that the map has no use for: the hamlets' fixed
// attributes, team totals, and activities counted by month, kind and topic. The month-by-month figures
// come from metrics.ts (hamletFiguresByMonth), the same query as the map's.
import { sql } from 'drizzle-orm';
import { OUTREACH_TOPICS, type OutreachTopic, type UnitType } from '../../domain';
import type { GroupCountRow } from '../../group-reach';
import type { RosterTrainedRow, TeamTrainingRow } from '../../training-history';
import { selectRows, selectRowsAsJson, type Database } from './index';
import { currentHamlets } from './current-hamlets';
import { currentActivities } from './current-activities';

/** What a hamlet is, apart from its monthly figures and its polygon. */
export interface HamletProfile {
	id: number;
	name: string;
	communeCode: string;
	kind: string;
	elderly: number;
	minorityShare: number;
	boundarySource: string;
}

/** Every hamlet's fixed attributes, by id. */
export async function hamletProfiles(db: Database): Promise<HamletProfile[]> {
	const rows = await selectRowsAsJson<HamletProfile>(
		db,
		sql`
			SELECT id, name, commune_code AS "communeCode", kind::text AS kind, elderly,
				minority_share AS "minorityShare", boundary_source::text AS "boundarySource"
			FROM ${currentHamlets} AS hamlets`
	);
	return rows.sort((a, b) => a.id - b.id);
}

/** A commune's name and kind, for the table and the pages. */
export interface CommuneListing {
	code: string;
	name: string;
	fullName: string;
	unitType: UnitType;
}

/** Every commune by code. */
export function communeListings(db: Database): Promise<CommuneListing[]> {
	return selectRows<CommuneListing>(
		db,
		sql`SELECT code, name, full_name AS "fullName", unit_type::text AS "unitType" FROM communes ORDER BY code`
	);
}

/** A team with its members and how many of them are trained. */
export interface TeamRow {
	id: number;
	communeCode: string;
	name: string;
	members: number;
	membersTrained: number;
	/** Its activities up to the end of the month asked for. */
	activities: number;
	/** Its latest activity's day (YYYY-MM-DD) up to that month, if any. */
	lastActivityOn: string | null;
}

/** Every team (or a commune's), with its activities up to the end of `month` (YYYY-MM-01). */
export function teamRows(db: Database, month: string, communeCode?: string): Promise<TeamRow[]> {
	const where = communeCode === undefined ? sql`true` : sql`t.commune_code = ${communeCode}`;
	return selectRows<TeamRow>(
		db,
		sql`
			SELECT t.id, t.commune_code AS "communeCode", t.name, t.members, t.members_trained AS "membersTrained",
				count(o.id)::int AS activities, to_char(max(o.occurred_on), 'YYYY-MM-DD') AS "lastActivityOn"
			FROM teams t
			LEFT JOIN ${currentActivities} o
				ON o.team_id = t.id AND o.occurred_on < ${month}::date + interval '1 month'
			WHERE ${where}
			GROUP BY t.id ORDER BY t.commune_code, t.id`
	);
}

/** Activities of one commune and month of one kind, with the priority groups they recorded. */
export interface ActivityKindCount extends GroupCountRow {
	communeCode: string;
	/** YYYY-MM-01. */
	month: string;
	householdsNew: number;
	peopleGuided: number;
	/**
	 * Classes on online safety or e-health, the topics the plan puts first for the elderly: the classes
	 * for the elderly, whoever attended.
	 */
	elderlyTopicClasses: number;
	elderlyTopicPeopleGuided: number;
	/** Of these activities, those that covered each topic (an activity with two topics counts in both). */
	topics: Record<OutreachTopic, number>;
}

/**
 * Activities by commune, month and kind, for every month (an activity counts once, whatever its topics),
 * with each topic's count, unordered: one scan of the activities (a topic is a column, not an unnest).
 */
export async function activityKindCounts(db: Database): Promise<ActivityKindCount[]> {
	const rows = await selectRowsAsJson<
		Omit<ActivityKindCount, 'topics'> & Record<`topic ${OutreachTopic}`, number>
	>(
		db,
		sql`
			SELECT h.commune_code AS "communeCode", to_char(date_trunc('month', o.occurred_on), 'YYYY-MM-DD') AS month,
				o.kind::text AS kind, count(*)::int AS activities,
				sum(o.households_new)::int AS "householdsNew", sum(o.people_guided)::int AS "peopleGuided",
				(count(*) FILTER (WHERE ${ELDERLY_CLASS}))::int AS "elderlyTopicClasses",
				coalesce(sum(o.people_guided) FILTER (WHERE ${ELDERLY_CLASS}), 0)::int AS "elderlyTopicPeopleGuided",
				coalesce(sum(o.people_aged_60_plus), 0)::int AS "peopleAged60Plus",
				(count(*) FILTER (WHERE o.people_aged_60_plus IS NULL))::int AS "agedUnrecorded",
				coalesce(sum(o.people_guided) FILTER (WHERE o.people_aged_60_plus IS NULL), 0)::int
					AS "agedUnrecordedPeopleGuided",
				coalesce(sum(o.people_from_minorities), 0)::int AS "peopleFromMinorities",
				(count(*) FILTER (WHERE o.people_from_minorities IS NULL))::int AS "minoritiesUnrecorded",
				coalesce(sum(o.people_guided) FILTER (WHERE o.people_from_minorities IS NULL), 0)::int
					AS "minoritiesUnrecordedPeopleGuided",
				${sql.join(
					OUTREACH_TOPICS.map(
						(topic) =>
							sql`(count(*) FILTER (WHERE ${topic}::outreach_topic = ANY (o.topics)))::int AS ${sql.identifier(`topic ${topic}`)}`
					),
					sql`, `
				)}
			FROM ${currentActivities} o JOIN ${currentHamlets} h ON h.id = o.hamlet_id
			GROUP BY 1, 2, 3`
	);
	return rows.map((row) => {
		const counts = { ...row } as Partial<typeof row>;
		for (const topic of OUTREACH_TOPICS) delete counts[`topic ${topic}`];
		return {
			...(counts as Omit<ActivityKindCount, 'topics'>),
			topics: Object.fromEntries(OUTREACH_TOPICS.map((topic) => [topic, row[`topic ${topic}`]])) as Record<
				OutreachTopic,
				number
			>
		};
	});
}

const ELDERLY_CLASS = sql`o.kind = 'class' AND o.topics && ARRAY['safety', 'e-health']::outreach_topic[]`;

/** Every team's counts and roster size, for the trained share's history (training-history.ts). */
export function teamTrainingRows(db: Database): Promise<TeamTrainingRow[]> {
	return selectRowsAsJson<TeamTrainingRow>(
		db,
		sql`
			SELECT t.commune_code AS "communeCode", t.members, t.members_trained AS "membersTrained",
				count(m.id)::int AS "rosterSize"
			FROM teams t LEFT JOIN team_members m ON m.team_id = t.id
			GROUP BY t.id`
	);
}

/** Roster members trained, by commune and month of their training. */
export function rosterTrainedByMonth(db: Database): Promise<RosterTrainedRow[]> {
	return selectRows<RosterTrainedRow>(
		db,
		sql`
			SELECT t.commune_code AS "communeCode", to_char(date_trunc('month', m.trained_on), 'YYYY-MM-DD') AS month,
				count(*)::int AS trained
			FROM team_members m JOIN teams t ON t.id = m.team_id
			WHERE m.trained
			GROUP BY 1, 2 ORDER BY 1, 2`
	);
}
