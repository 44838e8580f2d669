// The trained share of team members month by month, from the rosters' training days: a team that keeps a
// roster counts a member as trained from the month of their training; a team without one (loaded with
// counts only) has no dates, so it counts its current numbers in every month, and the card says how many.

/** A team's current counts and the size of its roster (0: no roster). */
export interface TeamTrainingRow {
	communeCode: string;
	members: number;
	membersTrained: number;
	rosterSize: number;
}

/** Roster members of a commune trained in one month (YYYY-MM-01). */
export interface RosterTrainedRow {
	communeCode: string;
	month: string;
	trained: number;
}

/** A scope's members and trained members at the end of one month. */
interface TrainingCounts {
	members: number;
	membersTrained: number;
}

/** A scope's training history: one entry per month of `months`, and how many teams it has no dates for. */
export interface TrainingHistory {
	byMonth: TrainingCounts[];
	teams: number;
	/** Teams without a roster: counted at their current numbers in every month. */
	undatedTeams: number;
}

const emptyHistory = (monthCount: number): TrainingHistory => ({
	byMonth: Array.from({ length: monthCount }, () => ({ members: 0, membersTrained: 0 })),
	teams: 0,
	undatedTeams: 0
});

/**
 * The history of every commune (by code) and of the city (key ''), at the end of each month of `months`
 * (ascending, YYYY-MM-01). A member trained before the first month counts from it.
 */
export function trainingHistories(
	teams: readonly TeamTrainingRow[],
	trainedByMonth: readonly RosterTrainedRow[],
	months: readonly string[]
): Map<string, TrainingHistory> {
	const histories = new Map<string, TrainingHistory>();
	const historyOf = (key: string) => {
		let history = histories.get(key);
		if (!history) histories.set(key, (history = emptyHistory(months.length)));
		return history;
	};
	for (const team of teams) {
		const undated = team.rosterSize === 0;
		for (const history of [historyOf(''), historyOf(team.communeCode)]) {
			history.teams += 1;
			if (undated) history.undatedTeams += 1;
			for (const counts of history.byMonth) {
				counts.members += team.members;
				if (undated) counts.membersTrained += team.membersTrained;
			}
		}
	}
	for (const row of trainedByMonth) {
		for (const history of [historyOf(''), historyOf(row.communeCode)]) {
			months.forEach((month, index) => {
				if (row.month <= month) history.byMonth[index]!.membersTrained += row.trained;
			});
		}
	}
	return histories;
}

/** The history of a scope without teams. */
export function noTrainingHistory(monthCount: number): TrainingHistory {
	return emptyHistory(monthCount);
}
