import { describe, expect, it } from 'vitest';
import { expectGolden, goldenCases } from './golden-fixtures';
import { pickNextTargets, type NextTargetsOptions, type TargetCandidate } from './next-targets';

/** Four hamlets whose costs and scores are easy to follow (householdsPerTeamDay 20 below). */
const CANDIDATES: TargetCandidate[] = [
	// 80 households left → 4 team-days; benefit 200 × 50/100 = 100 → 25 per team-day.
	{ id: 1, name: 'Thôn A', households: 100, householdsReached: 20, adultsWithoutSkills: 200, gapIndex: 50 },
	// 60 left → 3 team-days; benefit 90 × 100/100 = 90 → 30 per team-day.
	{ id: 2, name: 'Thôn B', households: 60, householdsReached: 0, adultsWithoutSkills: 90, gapIndex: 100 },
	// 200 left → 10 team-days; benefit 500 × 80/100 = 400 → 40 per team-day.
	{ id: 3, name: 'Thôn C', households: 250, householdsReached: 50, adultsWithoutSkills: 500, gapIndex: 80 },
	// 40 left → 2 team-days; benefit 10 × 20/100 = 2 → 1 per team-day.
	{ id: 4, name: 'Thôn D', households: 40, householdsReached: 0, adultsWithoutSkills: 10, gapIndex: 20 }
];

const OPTIONS: NextTargetsOptions = {
	teamDays: 15,
	teams: 2,
	householdsPerTeamDay: 20,
	startDate: '2026-04-01',
	pace: { householdsPerDay: 15 }
};

describe('pickNextTargets', () => {
	it.each(goldenCases<NextTargetsOptions>('next-targets'))(
		'matches the golden output for $name',
		({ input, outPath }) => {
			const candidates = input.features.map((feature) => feature.properties as TargetCandidate);
			const { picks, unpicked, ...summary } = pickNextTargets(candidates, input.options!);
			expectGolden(outPath, {
				type: 'FeatureCollection',
				summary,
				features: input.features.map((feature) => {
					const id = (feature.properties as TargetCandidate).id;
					return {
						...feature,
						properties: {
							...feature.properties,
							pick: picks.find((pick) => pick.id === id) ?? null,
							unpicked: unpicked.find((entry) => entry.id === id) ?? null
						}
					};
				})
			});
		}
	);

	it('takes the best value per team-day first and respects the capacity', () => {
		const result = pickNextTargets(CANDIDATES, OPTIONS);
		expect(result.errors).toBeUndefined();
		// By score: C (40, 10 days), B (30, 3 → 13), A (25, 4 → 17 > 15: skipped), D (1, 2 → 15: fits).
		expect(result.picks.map((pick) => pick.id)).toEqual([3, 2, 4]);
		expect(result.picks.map((pick) => pick.cumulativeTeamDays)).toEqual([10, 13, 15]);
		expect(result.teamDaysUsed).toBeLessThanOrEqual(OPTIONS.teamDays!);
		expect(result.unpicked).toEqual([
			expect.objectContaining({
				id: 1,
				reason: 'capacity',
				score: 25,
				messageEn: 'Not enough team-days: needs 4, 2 left'
			})
		]);
		expect(result.unpicked[0]!.message).toBe('Không đủ ngày công: cần 4, còn 2');
	});

	it('explains the order with its arithmetic, in Vietnamese and English', () => {
		const [first] = pickNextTargets(CANDIDATES, OPTIONS).picks;
		expect(first!.message).toBe(
			'Thứ tự 1: 500 người chưa có kỹ năng số × chỉ số khoảng cách 80/100 = 400, cần 10 ngày công → 40 mỗi ngày công'
		);
		expect(first!.messageEn).toBe(
			'Suggested 1: 500 adults without skills × gap index 80/100 = 400, needing 10 team-days → 40 per team-day'
		);
	});

	it('computes the days needed and the completion dates by hand', () => {
		const result = pickNextTargets(CANDIDATES, OPTIONS);
		// Picks: 200 + 60 + 40 = 300 households ÷ (2 teams × 20) = 7.5 → 8 days: 1 to 8 April.
		expect(result.householdsToReach).toBe(300);
		expect(result.daysNeeded).toBe(8);
		expect(result.picksFinishDate).toBe('2026-04-08');
		// All: 80 + 60 + 200 + 40 = 380 households ÷ 15 a day = 25.3 → 26 days: 1 to 26 April.
		expect(result.remainingHouseholds).toBe(380);
		expect(result.projectedCompletionDate).toBe('2026-04-26');
		expect(
			pickNextTargets(CANDIDATES, { ...OPTIONS, pace: { householdsPerDay: 0 } }).projectedCompletionDate
		).toBeNull();
		expect(pickNextTargets(CANDIDATES, { ...OPTIONS, pace: undefined }).projectedCompletionDate).toBeNull();
	});

	it('budgets classes when asked, and both resources at once', () => {
		// Classes of 25: A 8, B 4, C 20, D 1. Per class: A 12.5, B 22.5, C 20, D 2.
		const byClass = pickNextTargets(CANDIDATES, { ...OPTIONS, teamDays: undefined, classes: 14 });
		expect(byClass.picks.map((pick) => [pick.id, pick.classes])).toEqual([
			[2, 4],
			[1, 8],
			[4, 1]
		]);
		expect(byClass.classesUsed).toBe(13);
		// With 15 team-days too, C (10 team-days) and B (3) fit the days but C's 20 classes do not fit 14.
		const both = pickNextTargets(CANDIDATES, { ...OPTIONS, classes: 14 });
		expect(both.picks.map((pick) => pick.id)).toEqual([2, 1, 4]);
		expect(both.unpicked[0]).toMatchObject({
			id: 3,
			reason: 'capacity',
			messageEn: 'Not enough classes: needs 20, 14 left'
		});
	});

	it('leaves out hamlets with nothing left to do or nothing to gain', () => {
		const result = pickNextTargets(
			[
				{
					id: 1,
					name: 'Đã xong',
					households: 100,
					householdsReached: 120,
					adultsWithoutSkills: 50,
					gapIndex: 60
				},
				{
					id: 2,
					name: 'Không thiếu',
					households: 100,
					householdsReached: 0,
					adultsWithoutSkills: 0,
					gapIndex: 60
				}
			],
			OPTIONS
		);
		expect(result.picks).toEqual([]);
		expect(result.unpicked.map((entry) => [entry.id, entry.reason])).toEqual([
			[1, 'all-reached'],
			[2, 'no-gap']
		]);
		expect(result.remainingHouseholds).toBe(100);
	});

	it.each([
		['zero team-days', { teamDays: 0 }, 'teamDays', 'Số ngày công phải lớn hơn 0'],
		['negative classes', { teamDays: undefined, classes: -2 }, 'classes', 'Số lớp học phải lớn hơn 0'],
		['no capacity at all', { teamDays: undefined }, 'teamDays', 'Cần nhập số ngày công hoặc số lớp học'],
		['zero teams', { teams: 0 }, 'teams', 'Số tổ phải lớn hơn 0'],
		['negative teams', { teams: -1 }, 'teams', 'Số tổ phải lớn hơn 0'],
		[
			'NaN households per team-day',
			{ householdsPerTeamDay: Number.NaN },
			'householdsPerTeamDay',
			'Số hộ mỗi ngày công phải là một số hữu hạn'
		],
		['infinite team-days', { teamDays: Infinity }, 'teamDays', 'Số ngày công phải là một số hữu hạn'],
		['a bad date', { startDate: '2026-13-01' }, 'startDate', 'Ngày bắt đầu phải có dạng YYYY-MM-DD'],
		[
			'a negative pace',
			{ pace: { householdsPerDay: -1 } },
			'pace.householdsPerDay',
			'Tốc độ phải là một số không âm'
		]
	])('refuses %s without throwing', (_, change, path, message) => {
		const result = pickNextTargets(CANDIDATES, { ...OPTIONS, ...change } as NextTargetsOptions);
		expect(result.picks).toEqual([]);
		expect(result.errors).toContainEqual(expect.objectContaining({ path, vi: message }));
		expect(result.errors!.every((error) => error.en.length > 0)).toBe(true);
	});

	it('refuses bad candidate figures, naming the field', () => {
		const result = pickNextTargets(
			[
				{ ...CANDIDATES[0]!, households: Number.NaN },
				{ ...CANDIDATES[1]!, gapIndex: 120 }
			],
			OPTIONS
		);
		expect(result.errors!.map((error) => error.path)).toEqual([
			'candidates[0].households',
			'candidates[1].gapIndex'
		]);
	});
});
