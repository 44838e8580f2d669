// The dashboard's figures against SQL written out here, on both databases: the communes' table and the
// city's cards must say what the definitions say (metrics.ts), whatever path the code takes.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { squarePolygon } from '../../analysis/test-squares';
import { PLAN_TARGETS } from '../../domain';
import { cityDashboard, communeDashboard } from '../dashboard';
import { loadActivities } from './activities';
import { DEMO_DATASET } from './datasets';
import { loadHamlets } from './hamlets';
import { selectRows, type DatabaseHandle } from './index';
import { loadMinorityAreas } from './minority-areas';
import { loadSurveys } from './surveys';
import { loadTeamMembers, type TeamMemberRow } from './teams';
import {
	fixtureActivity,
	fixtureMinorityAreas,
	fixtureSurvey,
	loadFixtureData,
	TEST_ACTOR
} from './test-fixtures';
import { openTestDatabase, testDrivers } from './test-databases';

/** Two thôn of Xã Ba Vì (rural, a designated minority commune), beside the fixtures' four tổ dân phố. */
const BA_VI_HAMLETS = {
	type: 'FeatureCollection',
	features: [5001, 5002].map((id, index) => ({
		type: 'Feature',
		properties: {
			id,
			communeCode: '09700',
			name: `Thôn ${index + 1}`,
			kind: 'thôn',
			households: 300 + index * 40,
			adults: 800 + index * 90,
			elderly: 120 + index * 7,
			minorityShare: 0.4,
			isRural: true,
			boundarySource: 'approximate'
		},
		geometry: squarePolygon(105.335 + index * 0.01, 21.06, 0.004)
	}))
};

const member = (name: string, role: TeamMemberRow['role']): TeamMemberRow => ({
	teamId: 2,
	name,
	role,
	trained: false,
	trainedOn: null,
	course: '',
	digitalAmbassador: false
});

const MONTHS = ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01'];

/** The rates of each commune at the end of `month`, straight from the tables. */
async function directCommuneRates(handle: DatabaseHandle, month: string) {
	return selectRows<{
		code: string;
		skills: number | null;
		smartphone: number | null;
		epayment: number | null;
		vneid: number | null;
		coverage: number | null;
		training: number | null;
		adults: number;
		urbanAdults: number;
	}>(
		handle.db,
		sql`
			WITH latest AS (
				SELECT DISTINCT ON (s.hamlet_id) s.*
				FROM skill_surveys s WHERE s.month <= ${month}::date
				ORDER BY s.hamlet_id, s.month DESC
			), hamlet_rows AS (
				SELECT h.commune_code, h.adults, h.households,
					(c.unit_type <> 'phường' OR h.is_rural) AS rural,
					coalesce(l.adults_assessed, 0) AS assessed, coalesce(l.with_basic_skills, 0) AS skills,
					coalesce(l.with_smartphone, 0) AS smartphone, coalesce(l.with_epayment, 0) AS epayment,
					coalesce(l.with_vneid_level2, 0) AS vneid,
					(SELECT coalesce(sum(o.households_new), 0) FROM outreach_activities o
						WHERE o.hamlet_id = h.id AND o.occurred_on < ${month}::date + interval '1 month') AS reached
				FROM hamlets h JOIN communes c ON c.code = h.commune_code LEFT JOIN latest l ON l.hamlet_id = h.id
			)
			SELECT c.code,
				sum(r.skills)::float8 / nullif(sum(r.assessed), 0) AS skills,
				sum(r.smartphone)::float8 / nullif(sum(r.assessed), 0) AS smartphone,
				sum(r.epayment) FILTER (WHERE NOT r.rural)::float8 / nullif(sum(r.assessed) FILTER (WHERE NOT r.rural), 0) AS epayment,
				sum(r.vneid)::float8 / nullif(sum(r.assessed), 0) AS vneid,
				sum(r.reached)::float8 / nullif(sum(r.households), 0) AS coverage,
				-- A team with a roster counts the members trained by the month's end; one without, its counts.
				(SELECT sum(CASE WHEN EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = t.id)
						THEN (SELECT count(*) FROM team_members m WHERE m.team_id = t.id AND m.trained
							AND m.trained_on < ${month}::date + interval '1 month')
						ELSE t.members_trained END)::float8 / nullif(sum(t.members), 0)
					FROM teams t WHERE t.commune_code = c.code) AS training,
				coalesce(sum(r.adults), 0)::int AS adults,
				coalesce(sum(r.adults) FILTER (WHERE NOT r.rural), 0)::int AS "urbanAdults"
			FROM communes c LEFT JOIN hamlet_rows r ON r.commune_code = c.code
			GROUP BY c.code ORDER BY c.code`
	);
}

const round4 = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 10_000);

describe.each(testDrivers())('dashboard figures on %s', (driver) => {
	let handle: DatabaseHandle;

	beforeAll(async () => {
		handle = await openTestDatabase(driver);
		await loadFixtureData(handle.db, 0);
		await loadHamlets(handle.db, TEST_ACTOR, JSON.stringify(BA_VI_HAMLETS), DEMO_DATASET);
		await loadMinorityAreas(handle.db, TEST_ACTOR, fixtureMinorityAreas());
		await loadActivities(
			handle.db,
			TEST_ACTOR,
			[
				{
					...fixtureActivity(1),
					occurredOn: '2026-01-20',
					householdsNew: 40,
					peopleAged60Plus: 7,
					peopleFromMinorities: 0
				},
				// Recorded without the groups (an older file): "not recorded", not 0.
				{ ...fixtureActivity(2), occurredOn: '2026-03-31', householdsNew: 25 },
				{
					...fixtureActivity(3),
					hamletId: 4003,
					occurredOn: '2026-04-02',
					householdsNew: 60,
					peopleAged60Plus: 4,
					peopleFromMinorities: 1
				},
				{
					...fixtureActivity(4),
					hamletId: 5001,
					teamId: 2,
					kind: 'class',
					topics: ['safety', 'e-health'],
					location: [105.335, 21.06],
					occurredOn: '2026-05-09',
					householdsNew: 30,
					peopleGuided: 18,
					peopleAged60Plus: 12,
					peopleFromMinorities: 5
				},
				{
					...fixtureActivity(5),
					hamletId: 5002,
					teamId: 2,
					kind: 'class',
					topics: ['ai'],
					location: [105.345, 21.06],
					occurredOn: '2026-05-12',
					householdsNew: 5,
					peopleGuided: 11,
					peopleFromMinorities: 9
				}
			],
			DEMO_DATASET
		);
		// Ba Vì's team keeps a roster with training days; Ba Đình's team (1) has none: its counts stand.
		await loadTeamMembers(
			handle.db,
			TEST_ACTOR,
			[
				{ ...member('L.V.A', 'leader'), trained: true, trainedOn: '2025-11-03', course: 'Kỹ năng số 2025' },
				{ ...member('N.T.B', 'deputy'), trained: true, trainedOn: '2026-02-10', course: 'Tổ CĐS 2026' },
				{ ...member('P.V.C', 'member'), trained: true, trainedOn: '2026-04-15', course: 'Tổ CĐS 2026' },
				member('H.T.D', 'member')
			],
			DEMO_DATASET
		);
		await loadSurveys(
			handle.db,
			TEST_ACTOR,
			[
				fixtureSurvey(4001, '2026-01-01', 50, 20, { withEpayment: 10 }),
				fixtureSurvey(4001, '2026-03-01', 60, 33, { withEpayment: 22 }),
				fixtureSurvey(4001, '2026-05-01', 70, 50, { withEpayment: 40, withSmartphone: 66 }),
				fixtureSurvey(4002, '2026-02-01', 40, 30, { withEpayment: 12 }),
				fixtureSurvey(4002, '2026-04-01', 40, 34, { withEpayment: 21 }),
				fixtureSurvey(5001, '2026-01-01', 30, 6, { withEpayment: 3 }),
				fixtureSurvey(5001, '2026-03-01', 30, 9, { withEpayment: 5 }),
				fixtureSurvey(5001, '2026-05-01', 32, 14, { withEpayment: 9 }),
				fixtureSurvey(5002, '2026-04-01', 25, 10)
			],
			DEMO_DATASET
		);
	});
	afterAll(async () => {
		await handle?.close();
	});

	it.each(['2026-03-01', '2026-05-01'])('matches direct SQL in every commune’s row for %s', async (month) => {
		const dashboard = await cityDashboard(handle.db, month);
		const direct = await directCommuneRates(handle, month);
		expect(dashboard.communes.map((row) => row.code)).toEqual(direct.map((row) => row.code));
		for (const [index, row] of dashboard.communes.entries()) {
			const expected = direct[index]!;
			expect(
				{
					skills: row.kpis.skills.value,
					smartphone: row.kpis.smartphone.value,
					epayment: row.kpis.epayment.value,
					vneid: row.kpis.vneid.value,
					training: row.kpis.training.value,
					coverage: row.coverage
				},
				row.code
			).toEqual({
				skills: round4(expected.skills),
				smartphone: round4(expected.smartphone),
				epayment: round4(expected.epayment),
				vneid: round4(expected.vneid),
				training: round4(expected.training),
				coverage: round4(expected.coverage)
			});
			const gap = (target: number, value: number | null, population: number) =>
				value === null
					? null
					: Math.max(0, Math.ceil(Math.round((target - value) * population * 1000) / 1000));
			expect(row.kpis.skills.gap).toBe(gap(PLAN_TARGETS.basicSkills, expected.skills, expected.adults));
			expect(row.kpis.epayment.gap).toBe(
				gap(PLAN_TARGETS.urbanEpayment, expected.epayment, expected.urbanAdults)
			);
		}
	});

	it('matches direct SQL in the city’s cards and trend', async () => {
		const dashboard = await cityDashboard(handle.db, '2026-05-01');
		const [city] = await selectRows<{ skills: number; trained: number; members: number }>(
			handle.db,
			sql`
				SELECT (SELECT sum(with_basic_skills)::float8 / sum(adults_assessed) FROM (
						SELECT DISTINCT ON (hamlet_id) * FROM skill_surveys ORDER BY hamlet_id, month DESC) s) AS skills,
					(SELECT sum(members_trained)::int FROM teams) AS trained, (SELECT sum(members)::int FROM teams) AS members`
		);
		const skills = dashboard.cards.find((card) => card.progress.kpi === 'skills')!;
		expect(skills.progress.value).toBeCloseTo(city!.skills, 12);
		expect(skills.trend.map((point) => point.month)).toEqual(MONTHS);
		expect(skills.projection?.latestMonth).toBe('2026-05-01');
		const training = dashboard.cards.find((card) => card.progress.kpi === 'training')!;
		expect([training.progress.numerator, training.progress.denominator]).toEqual([
			city!.trained,
			city!.members
		]);
		expect(dashboard.cards.find((card) => card.progress.kpi === 'vneid')!.projection).toBeNull();
	});

	it('splits rural from urban and designated areas from the rest', async () => {
		const { groups } = await cityDashboard(handle.db, '2026-05-01');
		// Ba Vì's thôn are the rural and the designated ones: (14 + 10) / (32 + 25) against (50 + 34) / (70 + 40).
		const skills = groups.rural.find((row) => row.kpi === 'skills')!;
		expect(skills.priority).toBeCloseTo(24 / 57, 12);
		expect(skills.rest).toBeCloseTo(84 / 110, 12);
		expect(skills.difference).toBeCloseTo(24 / 57 - 84 / 110, 12);
		expect(groups.minority.find((row) => row.kpi === 'skills')!.priority).toBeCloseTo(24 / 57, 12);
		// E-payment is an urban target: the rural side has no value.
		expect(groups.rural.find((row) => row.kpi === 'epayment')!.priority).toBeNull();
		expect(groups.elderly.elderlyTopicClasses).toBe(1);
		expect(groups.elderly.elderlyTopicPeopleGuided).toBe(18);
	});

	it('reads the 60+ and minority people the activities recorded, the unrecorded apart', async () => {
		const { groups, communes } = await cityDashboard(handle.db, '2026-05-01');
		const direct = async (column: string, until: string, from = '2026-01-01') => {
			const [row] = await selectRows<{ total: number; unrecorded: number; unrecordedPeople: number }>(
				handle.db,
				sql`
					SELECT coalesce(sum(${sql.raw(column)}), 0)::int AS total,
						(count(*) FILTER (WHERE ${sql.raw(column)} IS NULL))::int AS unrecorded,
						coalesce(sum(people_guided) FILTER (WHERE ${sql.raw(column)} IS NULL), 0)::int AS "unrecordedPeople"
					FROM outreach_activities WHERE occurred_on >= ${from}::date AND occurred_on < ${until}::date`
			);
			return row!;
		};
		const aged = await direct('people_aged_60_plus', '2026-06-01');
		expect(groups.elderly.toDate).toMatchObject({
			total: aged.total,
			unrecordedActivities: aged.unrecorded,
			unrecordedPeopleGuided: aged.unrecordedPeople
		});
		// 7 + 4 at door-to-door visits, 12 in the class on online safety; two activities did not say.
		expect(groups.elderly.toDate.byKind).toEqual({ 'door-to-door': 11, class: 12, event: 0, online: 0 });
		expect(groups.elderly.toDate.unrecordedActivities).toBe(2);
		expect(groups.elderly.month).toMatchObject({
			total: 12,
			unrecordedActivities: 1,
			unrecordedPeopleGuided: 11
		});
		const minorities = await direct('people_from_minorities', '2026-06-01');
		expect(groups.minorityPeople.toDate.total).toBe(minorities.total);
		expect(groups.minorityPeople.month).toMatchObject({ total: 14, unrecordedActivities: 0 });
		const baVi = communes.find((row) => row.code === '09700')!;
		expect([baVi.elderlyReached, baVi.elderlyUnrecorded]).toEqual([12, 1]);
		expect([baVi.minorityPeopleReached, baVi.minorityPeopleUnrecorded]).toEqual([14, 0]);
		const baDinh = communes.find((row) => row.code === '00004')!;
		expect([baDinh.elderlyReached, baDinh.elderlyUnrecorded]).toEqual([11, 1]);
		// In March the April visit is not counted yet.
		const march = await cityDashboard(handle.db, '2026-03-01');
		expect(march.groups.elderly.toDate.total).toBe((await direct('people_aged_60_plus', '2026-04-01')).total);
	});

	it('builds the trained share month by month from the rosters and projects it', async () => {
		const { cards } = await cityDashboard(handle.db, '2026-05-01');
		const training = cards.find((card) => card.progress.kpi === 'training')!;
		// Team 1 (no roster): 8 of 10 every month; team 2's roster: 1 trained in 2025, then February, April.
		expect(training.trend.map((point) => point.value)).toEqual(
			[9, 10, 10, 11, 11].map((trained) => trained / 14)
		);
		expect(training.training).toEqual({ teams: 2, undatedTeams: 1 });
		expect(training.projection?.status).not.toBe('no-data');
		expect(training.projection?.latestMonth).toBe('2026-05-01');
		const baVi = await communeDashboard(handle.db, '09700', '2026-03-01');
		const baViTraining = baVi!.cards.find((card) => card.progress.kpi === 'training')!;
		expect([baViTraining.progress.numerator, baViTraining.progress.denominator]).toEqual([2, 4]);
		expect(baViTraining.training).toEqual({ teams: 1, undatedTeams: 0 });
	});

	it('gives a commune its hamlets, teams and activities by month, kind and topic', async () => {
		const page = await communeDashboard(handle.db, '09700', '2026-05-01');
		expect(page?.commune).toMatchObject({ code: '09700', unitType: 'xã', minorityArea: true });
		expect(page!.hamlets.map((hamlet) => hamlet.id).sort()).toEqual([5001, 5002]);
		expect(page!.hamlets.find((hamlet) => hamlet.id === 5001)!.values.skills).toBeCloseTo(14 / 32, 4);
		expect(page!.teams).toEqual([
			{
				id: 2,
				name: 'Tổ CĐS số 1',
				members: 4,
				membersTrained: 3,
				activities: 2,
				lastActivityOn: '2026-05-12'
			}
		]);
		const may = page!.activities.at(-1)!;
		expect(may).toMatchObject({
			month: '2026-05-01',
			householdsNew: 35,
			peopleGuided: 29,
			elderlyTopicClasses: 1
		});
		expect(may.byKind).toEqual({ 'door-to-door': 0, class: 2, event: 0, online: 0 });
		expect(may.byTopic).toMatchObject({ safety: 1, 'e-health': 1, ai: 1, vneid: 0 });
		expect(page!.activities.map((month) => month.month)).toEqual(MONTHS);
		expect(await communeDashboard(handle.db, '99999', '2026-05-01')).toBeNull();
		await expect(cityDashboard(handle.db, '2027-01-01')).rejects.toThrow(RangeError);
	});
});
