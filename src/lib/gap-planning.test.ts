import { describe, expect, it } from 'vitest';
import { GAP_COMPONENTS } from './analysis/gap-components';
import { DEFAULT_GAP_WEIGHTS } from './analysis/gap-weights';
import type { GapComponent } from './analysis/types';
import {
	describeGap,
	formatWeightsParam,
	gapReason,
	nextTargets,
	parseWeightsParam,
	scoreHamlets,
	type HamletGapResult
} from './gap-planning';

function record(values: Partial<Record<GapComponent, number>>): Record<GapComponent, number> {
	return Object.fromEntries(GAP_COMPONENTS.map((component) => [component, values[component] ?? 0])) as Record<
		GapComponent,
		number
	>;
}

function hamlet(id: number, normalised: Partial<Record<GapComponent, number>>): HamletGapResult {
	return {
		id,
		name: `Thôn ${id}`,
		communeCode: '09700',
		households: 100,
		adults: 250,
		householdsReached: 40,
		adultsWithoutSkills: 100,
		gapIndex: 0,
		contributions: record({}),
		components: record({}),
		normalised: record(normalised),
		notApplicable: ['payment'],
		flags: { rural: true, minority: false, largestGapCity: false, largestGapCommune: false },
		hotSpot: { z: null, p: null, q: null, hotSpotClass: 'none' },
		lowConfidence: false,
		adultsAssessed: 60,
		rates: {
			skills: { raw: 0.6, shrunk: 0.6 },
			smartphone: { raw: 0.8, shrunk: 0.8 },
			epayment: { raw: 0.3, shrunk: 0.3 },
			vneidLevel2: { raw: 0.5, shrunk: 0.5 }
		}
	};
}

describe('parseWeightsParam', () => {
	it('reads component:number pairs, missing components weigh 0, and normalises to sum 1', () => {
		const result = parseWeightsParam('skills:3, classDistance:1');
		expect(result).toEqual({ ok: true, weights: record({ skills: 0.75, classDistance: 0.25 }) });
	});

	it('round-trips the default weights', () => {
		expect(parseWeightsParam(formatWeightsParam(DEFAULT_GAP_WEIGHTS))).toEqual({
			ok: true,
			weights: DEFAULT_GAP_WEIGHTS
		});
	});

	it.each([
		['skills:-1', 'Trọng số không được âm'],
		['skills:abc', 'Trọng số phải là một số hữu hạn'],
		['skills:', 'Trọng số phải là một số hữu hạn'],
		['skill:1', 'Thành phần không xác định: "skill"'],
		['skills:0,coverage:0', 'Cần ít nhất một trọng số lớn hơn 0'],
		['', 'Cần ít nhất một trọng số lớn hơn 0'],
		['skills=1', 'Không đọc được "skills=1"'],
		['skills:1,skills:2', 'Thành phần "skills" có hai trọng số']
	])('refuses %j in Vietnamese', (text, message) => {
		const result = parseWeightsParam(text);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors[0]!.vi).toContain(message);
	});
});

describe('scoring and reasons in the browser', () => {
	const hamlets = [hamlet(1, { skills: 1, classDistance: 0 }), hamlet(2, { skills: 0, classDistance: 1 })];

	it('re-ranks with the weights: classes only puts the far hamlet first', () => {
		const bySkills = scoreHamlets(hamlets, record({ skills: 1 }));
		expect(bySkills.get(1)!.index).toBe(100);
		expect(bySkills.get(2)!.index).toBe(0);
		const byClasses = scoreHamlets(hamlets, record({ classDistance: 1 }));
		expect(byClasses.get(2)!.index).toBe(100);
		expect(byClasses.get(1)!.index).toBe(0);
	});

	it('says why in plain Vietnamese, largest contributions first', () => {
		expect(gapReason(record({ skills: 31.2, classDistance: 12.4, elderly: 0.2 }))).toEqual({
			vi: 'Thiếu kỹ năng số: 31 điểm; Xa lớp học: 12 điểm',
			en: 'Skills gap: 31 points; Far from classes: 12 points'
		});
		expect(gapReason(record({})).vi).toBe('Không có khoảng cách đáng kể');
	});

	it('says it in the language asked for, the page language by default', () => {
		const contributions = record({ skills: 31.2, classDistance: 12.4 });
		expect(describeGap(contributions, 'en', 1)).toBe('Skills gap: 31 points');
		// Outside a request the page language is the base locale, Vietnamese.
		expect(describeGap(contributions)).toBe('Thiếu kỹ năng số: 31 điểm; Xa lớp học: 12 điểm');
	});

	it('picks next targets under the given weights, each with its reason', () => {
		const result = nextTargets(hamlets, record({ classDistance: 1 }), {
			teams: 1,
			teamDays: 3,
			householdsPerTeamDay: 20,
			startDate: '2026-12-01'
		});
		expect(result.picks.map((pick) => pick.id)).toEqual([2]);
		expect(result.picks[0]).toMatchObject({
			gapIndex: 100,
			households: 100,
			reason: { vi: 'Xa lớp học: 100 điểm' },
			teamDays: 3
		});
		expect(result.daysNeeded).toBe(3);
	});
});
