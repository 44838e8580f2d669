import type { TeamMemberRole } from '../../domain';
import type { TeamMemberRow } from '../db/teams';
import type { Random } from './random';
import type { DemoTeam } from './types';

/** One member of a team's roster: initials only, as a roster needs no more. */
export type DemoTeamMember = TeamMemberRow;

// Initials drawn by how common the names are: Nguyễn, Trần, Lê, Phạm, Hoàng, Vũ, Đặng/Đỗ, Bùi…
const SURNAMES = ['N', 'T', 'L', 'P', 'H', 'V', 'Đ', 'B', 'D', 'C'];
const SURNAME_WEIGHTS = [38, 11, 9.5, 7, 5, 4, 4, 2, 2, 2];
const MIDDLE_NAMES = ['V', 'T', 'Đ', 'M', 'H', 'Q', 'N', 'K'];
const MIDDLE_WEIGHTS = [30, 30, 8, 8, 8, 5, 6, 5];
const GIVEN_NAMES = 'ABCDĐGHKLMNPQSTVXY'.split('');

/** Training courses: the 2025 basic-skills course some members took before the plan, then the plan's. */
const COURSES = {
	before: 'Bồi dưỡng kỹ năng số cơ bản 2025',
	plan: 'Tập huấn Tổ CĐS cộng đồng 2026'
} as const;

// Trainings per month of 2026 (January … 25 November): slow before Tết, then classes for every commune.
const MONTH_WEIGHTS = [0.6, 0.3, 1, 1.2, 1.3, 1.3, 1.2, 1.1, 1, 1, 0.8];
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 25];
/** Members already trained before 2026 (the 2025 course, October to December). */
const TRAINED_BEFORE_SHARE = 0.15;
const AMBASSADOR_SHARE = 0.12;

const day = (year: number, month: number, date: number) =>
	`${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;

/**
 * Every team's roster, matching its member and trained counts: the leader and deputy first, the trained
 * members first in that order (leaders are trained first), each with the day of their training. The teams
 * of `lateCommunes` (designated minority communes, whose training lags) train later in the year, so the
 * city's trained share rises month by month and lags there, as the plan's projection needs.
 */
export function buildRosters(
	teams: readonly DemoTeam[],
	random: Random,
	lateCommunes: ReadonlySet<string>
): DemoTeamMember[] {
	const members: DemoTeamMember[] = [];
	for (const team of teams) {
		const late = lateCommunes.has(team.communeCode);
		const monthWeights = MONTH_WEIGHTS.map((weight, month) => (late ? weight * (0.4 + month / 6) : weight));
		for (let index = 0; index < team.members; index++) {
			const name = [
				SURNAMES[random.weightedIndex(SURNAME_WEIGHTS)],
				MIDDLE_NAMES[random.weightedIndex(MIDDLE_WEIGHTS)],
				random.pick(GIVEN_NAMES)
			].join('.');
			const role: TeamMemberRole = index === 0 ? 'leader' : index === 1 ? 'deputy' : 'member';
			const trained = index < team.membersTrained;
			let trainedOn: string | null = null;
			let course = '';
			if (trained) {
				if (!late && random.chance(TRAINED_BEFORE_SHARE)) {
					trainedOn = day(2025, random.integer(10, 12), random.integer(1, 28));
					course = COURSES.before;
				} else {
					const month = random.weightedIndex(monthWeights);
					trainedOn = day(2026, month + 1, random.integer(1, DAYS_IN_MONTH[month]!));
					course = COURSES.plan;
				}
			}
			members.push({
				teamId: team.id,
				name,
				role,
				trained,
				trainedOn,
				course,
				digitalAmbassador: trained && random.chance(AMBASSADOR_SHARE)
			});
		}
	}
	return members;
}
