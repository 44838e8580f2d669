import { formatIsoDay, parseIsoDay } from './dates';
import type { InputIssue } from './types';

/** A hamlet the commune could work in next. */
export interface TargetCandidate {
	id: number;
	name: string;
	households: number;
	/** Distinct households reached so far; above `households` counts as all reached. */
	householdsReached: number;
	/** Estimate: adults × (1 − shrunk skills rate). */
	adultsWithoutSkills: number;
	/** 0–100, from `gapIndex`. */
	gapIndex: number;
}

/** The commune's capacity and pace. At least one of `teamDays` and `classes` is needed. */
export interface NextTargetsOptions {
	/** Team-days of door-to-door work available in the planning period. */
	teamDays?: number;
	/** Classes available in the planning period. */
	classes?: number;
	/** Teams working in parallel. */
	teams: number;
	/** Households one team reaches in one day. */
	householdsPerTeamDay: number;
	/** Adults one class trains; default 25. */
	adultsPerClass?: number;
	/** First day of the plan, YYYY-MM-DD. */
	startDate: string;
	/** The commune's recent pace, for the projected completion date. */
	pace?: { householdsPerDay: number };
}

/** A picked hamlet, with the arithmetic that put it there. */
export interface TargetPick {
	id: number;
	name: string;
	/** 1 = first to do. */
	rank: number;
	/** Households not yet reached. */
	householdsToReach: number;
	/** householdsToReach ÷ householdsPerTeamDay. */
	teamDays: number;
	/** ⌈adultsWithoutSkills ÷ adultsPerClass⌉. */
	classes: number;
	/** adultsWithoutSkills × gapIndex ÷ 100: the adults without skills, weighted by how large the gap is. */
	benefit: number;
	/** benefit per unit of cost (team-day, or class when only classes are budgeted). */
	score: number;
	cumulativeTeamDays: number;
	cumulativeClasses: number;
	/** Why it is here, Vietnamese then English. */
	message: string;
	messageEn: string;
}

type UnpickedReason = 'capacity' | 'all-reached' | 'no-gap';

/** A candidate left out, and why. */
interface UnpickedTarget {
	id: number;
	name: string;
	reason: UnpickedReason;
	/** Its score, when it had one (reason 'capacity'). */
	score: number | null;
	message: string;
	messageEn: string;
}

export interface NextTargetsResult {
	/** In the order to do them. */
	picks: TargetPick[];
	/** In score order, then the ones without a score. */
	unpicked: UnpickedTarget[];
	teamDaysUsed: number;
	classesUsed: number;
	/** Households not yet reached in the picked hamlets. */
	householdsToReach: number;
	/** Whole days for all teams together to reach them: ⌈households ÷ (teams × householdsPerTeamDay)⌉. */
	daysNeeded: number;
	/** The last day of that work, counting startDate as day 1; null without picks. */
	picksFinishDate: string | null;
	/** Households not yet reached in all candidates (the whole commune when all its hamlets are given). */
	remainingHouseholds: number;
	/** The date the candidates reach 100 % coverage at `pace`; null without a pace or when it is 0. */
	projectedCompletionDate: string | null;
	errors?: InputIssue[];
}

const defaultOptions = {
	adultsPerClass: 25 // adults: a class in the commune's cultural house, one team member per few learners
};

/**
 * Which hamlets a commune should work in next, within its capacity, and how long that takes.
 *
 * Greedy by value for effort, the classic approximation of the knapsack problem: each candidate's
 * benefit is its adults without basic digital skills × gapIndex ÷ 100 (many people to train, in a
 * hamlet where the gap is large); its cost is the team-days of door-to-door work left
 * (households not yet reached ÷ householdsPerTeamDay), or the classes it needs when only classes are
 * budgeted. Candidates are taken by benefit ÷ cost, highest first (ties: larger benefit, then lower
 * id); one that does not fit the remaining capacity is skipped and the next, smaller ones are still
 * tried, so capacity is not left idle. When both team-days and classes are given, a pick must fit
 * both. Candidates with nothing to gain (benefit 0) or nothing left to do (cost 0) are not picked.
 * Each pick carries its arithmetic in words, so the planner sees why it comes first.
 *
 * Days: teams work in parallel every day, so the picks need ⌈households ÷ (teams ×
 * householdsPerTeamDay)⌉ days. The projected completion date takes all candidates' remaining
 * households at the commune's recent pace.
 *
 * User input is checked, never thrown on: any problem returns empty picks and `errors` (Vietnamese
 * and English).
 *
 * @param candidates the commune's hamlets with their estimates
 * @param options {@link NextTargetsOptions}
 * @returns {@link NextTargetsResult}
 */
export function pickNextTargets(
	candidates: TargetCandidate[],
	options: NextTargetsOptions
): NextTargetsResult {
	const errors = validate(candidates, options);
	const startDay = parseIsoDay(options.startDate);
	if (errors.length > 0 || startDay === null) {
		return {
			picks: [],
			unpicked: [],
			teamDaysUsed: 0,
			classesUsed: 0,
			householdsToReach: 0,
			daysNeeded: 0,
			picksFinishDate: null,
			remainingHouseholds: 0,
			projectedCompletionDate: null,
			errors
		};
	}
	const adultsPerClass = options.adultsPerClass ?? defaultOptions.adultsPerClass;
	const byClass = options.teamDays === undefined;
	const unit = byClass
		? { vi: 'lớp học', en: 'classes', perVi: 'mỗi lớp', perEn: 'per class' }
		: { vi: 'ngày công', en: 'team-days', perVi: 'mỗi ngày công', perEn: 'per team-day' };

	const costed = candidates.map((candidate) => {
		const householdsToReach = Math.max(0, candidate.households - candidate.householdsReached);
		const teamDays = householdsToReach / options.householdsPerTeamDay;
		const classes = Math.ceil(candidate.adultsWithoutSkills / adultsPerClass);
		const benefit = (candidate.adultsWithoutSkills * candidate.gapIndex) / 100;
		const cost = byClass ? classes : teamDays;
		return {
			candidate,
			householdsToReach,
			teamDays,
			classes,
			benefit,
			cost,
			score: cost > 0 ? benefit / cost : 0
		};
	});
	const remainingHouseholds = costed.reduce((total, entry) => total + entry.householdsToReach, 0);

	const unpicked: UnpickedTarget[] = [];
	const rankable = costed.filter((entry) => {
		const { id, name } = entry.candidate;
		if (entry.benefit <= 0) {
			unpicked.push({
				id,
				name,
				reason: 'no-gap',
				score: null,
				message: 'Không còn người chưa có kỹ năng số, hoặc chỉ số khoảng cách bằng 0',
				messageEn: 'No adults without skills, or a gap index of 0'
			});
			return false;
		}
		if (entry.cost <= 0) {
			unpicked.push({
				id,
				name,
				reason: 'all-reached',
				score: null,
				message: 'Đã tiếp cận hết các hộ',
				messageEn: 'All households already reached'
			});
			return false;
		}
		return true;
	});
	rankable.sort((a, b) => b.score - a.score || b.benefit - a.benefit || a.candidate.id - b.candidate.id);

	// A hair of slack so that budgets summed from fractions of team-days are not refused by rounding.
	const slack = 1e-9;
	const picks: TargetPick[] = [];
	const capacityUnpicked: UnpickedTarget[] = [];
	let teamDaysUsed = 0;
	let classesUsed = 0;
	for (const entry of rankable) {
		const { id, name } = entry.candidate;
		const teamDaysLeft = options.teamDays === undefined ? Infinity : options.teamDays - teamDaysUsed;
		const classesLeft = options.classes === undefined ? Infinity : options.classes - classesUsed;
		if (entry.teamDays > teamDaysLeft + slack) {
			capacityUnpicked.push({
				id,
				name,
				reason: 'capacity',
				score: entry.score,
				message: `Không đủ ngày công: cần ${vi(entry.teamDays)}, còn ${vi(teamDaysLeft)}`,
				messageEn: `Not enough team-days: needs ${en(entry.teamDays)}, ${en(teamDaysLeft)} left`
			});
			continue;
		}
		if (entry.classes > classesLeft + slack) {
			capacityUnpicked.push({
				id,
				name,
				reason: 'capacity',
				score: entry.score,
				message: `Không đủ lớp học: cần ${vi(entry.classes)}, còn ${vi(classesLeft)}`,
				messageEn: `Not enough classes: needs ${en(entry.classes)}, ${en(classesLeft)} left`
			});
			continue;
		}
		teamDaysUsed += entry.teamDays;
		classesUsed += entry.classes;
		const rank = picks.length + 1;
		const { adultsWithoutSkills, gapIndex: gap } = entry.candidate;
		picks.push({
			id,
			name,
			rank,
			householdsToReach: entry.householdsToReach,
			teamDays: entry.teamDays,
			classes: entry.classes,
			benefit: entry.benefit,
			score: entry.score,
			cumulativeTeamDays: teamDaysUsed,
			cumulativeClasses: classesUsed,
			message:
				`Thứ tự ${rank}: ${vi(adultsWithoutSkills)} người chưa có kỹ năng số × chỉ số khoảng cách ` +
				`${vi(gap)}/100 = ${vi(entry.benefit)}, cần ${vi(entry.cost)} ${unit.vi} → ` +
				`${vi(entry.score)} ${unit.perVi}`,
			messageEn:
				`Suggested ${rank}: ${en(adultsWithoutSkills)} adults without skills × gap index ` +
				`${en(gap)}/100 = ${en(entry.benefit)}, needing ${en(entry.cost)} ${unit.en} → ` +
				`${en(entry.score)} ${unit.perEn}`
		});
	}

	const householdsToReach = picks.reduce((total, pick) => total + pick.householdsToReach, 0);
	const daysNeeded = Math.ceil(householdsToReach / (options.teams * options.householdsPerTeamDay) - slack);
	const pace = options.pace?.householdsPerDay ?? 0;
	return {
		picks,
		unpicked: [...capacityUnpicked, ...unpicked],
		teamDaysUsed,
		classesUsed,
		householdsToReach,
		daysNeeded: Math.max(0, daysNeeded),
		picksFinishDate: picks.length > 0 ? lastDay(startDay, daysNeeded) : null,
		remainingHouseholds,
		projectedCompletionDate:
			pace > 0 ? lastDay(startDay, Math.ceil(remainingHouseholds / pace - slack)) : null
	};
}

/** The last day of `days` days of work starting on `startDay` (day 1); the start itself when 0. */
function lastDay(startDay: number, days: number): string {
	return formatIsoDay(startDay + Math.max(0, days - 1));
}

/** One decimal at most, Vietnamese decimal comma. */
function vi(value: number): string {
	return en(value).replace('.', ',');
}

function en(value: number): string {
	return String(Math.round(value * 10) / 10);
}

function validate(candidates: TargetCandidate[], options: NextTargetsOptions): InputIssue[] {
	const errors: InputIssue[] = [];
	const positive = (path: string, value: unknown, vi: string, en: string) => {
		if (typeof value !== 'number' || !Number.isFinite(value)) {
			errors.push({
				path,
				code: 'not-a-number',
				vi: `${vi} phải là một số hữu hạn`,
				en: `${en} must be a finite number`
			});
		} else if (value <= 0) {
			errors.push({
				path,
				code: 'not-positive',
				vi: `${vi} phải lớn hơn 0`,
				en: `${en} must be greater than 0`
			});
		}
	};
	positive('teams', options.teams, 'Số tổ', 'The number of teams');
	positive(
		'householdsPerTeamDay',
		options.householdsPerTeamDay,
		'Số hộ mỗi ngày công',
		'Households per team-day'
	);
	if (options.teamDays === undefined && options.classes === undefined) {
		errors.push({
			path: 'teamDays',
			code: 'missing-capacity',
			vi: 'Cần nhập số ngày công hoặc số lớp học',
			en: 'Give the team-days or the number of classes available'
		});
	}
	if (options.teamDays !== undefined) positive('teamDays', options.teamDays, 'Số ngày công', 'Team-days');
	if (options.classes !== undefined)
		positive('classes', options.classes, 'Số lớp học', 'The number of classes');
	if (options.adultsPerClass !== undefined)
		positive('adultsPerClass', options.adultsPerClass, 'Số người mỗi lớp', 'Adults per class');
	if (parseIsoDay(options.startDate) === null) {
		errors.push({
			path: 'startDate',
			code: 'invalid-date',
			vi: 'Ngày bắt đầu phải có dạng YYYY-MM-DD',
			en: 'The start date must be a YYYY-MM-DD date'
		});
	}
	if (options.pace !== undefined) {
		const pace = options.pace.householdsPerDay;
		if (typeof pace !== 'number' || !Number.isFinite(pace) || pace < 0) {
			errors.push({
				path: 'pace.householdsPerDay',
				code: 'negative',
				vi: 'Tốc độ phải là một số không âm',
				en: 'The pace must be a non-negative number'
			});
		}
	}
	candidates.forEach((candidate, position) => {
		for (const field of ['households', 'householdsReached', 'adultsWithoutSkills'] as const) {
			const value = candidate[field];
			if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
				errors.push({
					path: `candidates[${position}].${field}`,
					code: 'not-a-number',
					vi: 'Phải là một số hữu hạn không âm',
					en: 'Must be a finite, non-negative number'
				});
			}
		}
		const gap = candidate.gapIndex;
		if (typeof gap !== 'number' || !Number.isFinite(gap) || gap < 0 || gap > 100) {
			errors.push({
				path: `candidates[${position}].gapIndex`,
				code: 'out-of-range',
				vi: 'Chỉ số khoảng cách phải từ 0 đến 100',
				en: 'The gap index must be between 0 and 100'
			});
		}
	});
	return errors;
}
