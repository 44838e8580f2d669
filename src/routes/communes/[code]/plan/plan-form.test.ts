import { describe, expect, it } from 'vitest';
import { validatePlanInput } from '$lib/plans';
import { errorsByField, readPlanForm } from './plan-form';

function form(entries: [string, string][]): FormData {
	const data = new FormData();
	for (const [name, value] of entries) data.append(name, value);
	return data;
}

describe('the plan form', () => {
	it('reads every field, hamlets in form order, an empty team as none', () => {
		const { values, input } = readPlanForm(
			form([
				['name', ' Đợt 1 '],
				['startsOn', '2026-12-01'],
				['endsOn', '2026-12-10'],
				['teamId', ''],
				['expectedHouseholds', '120'],
				['note', 'Ưu tiên người cao tuổi'],
				['hamletIds', '4003'],
				['hamletIds', '4001'],
				['weights', 'skills:3,classDistance:1']
			])
		);
		expect(values).toMatchObject({ name: ' Đợt 1 ', teamId: '', hamletIds: [4003, 4001], planId: '' });
		expect(input).toEqual({
			name: ' Đợt 1 ',
			startsOn: '2026-12-01',
			endsOn: '2026-12-10',
			teamId: null,
			expectedHouseholds: 120,
			note: 'Ưu tiên người cao tuổi',
			hamletIds: [4003, 4001],
			weights: expect.objectContaining({ skills: 0.75, classDistance: 0.25, coverage: 0 })
		});
		expect(validatePlanInput(input).ok).toBe(true);
	});

	it('reads absent weights as the defaults and passes unreadable ones on to be refused', () => {
		expect(readPlanForm(form([])).input.weights).toBeNull();
		const { input } = readPlanForm(form([['weights', 'skills:abc']]));
		expect(input.weights).toBe('skills:abc');
		const result = validatePlanInput(input);
		expect(result.ok ? [] : errorsByField(result.issues).form).toEqual([
			'Trọng số phải là một đối tượng {thành phần: số}'
		]);
	});

	it('turns an empty form into Vietnamese messages per field', () => {
		const { input } = readPlanForm(form([['teamId', '7']]));
		const result = validatePlanInput(input);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		const errors = errorsByField(result.issues);
		expect(Object.keys(errors).sort()).toEqual([
			'endsOn',
			'expectedHouseholds',
			'hamletIds',
			'name',
			'startsOn'
		]);
		// In the request's language: Vietnamese by default, English when asked for.
		expect(errors.name).toEqual(['Cần nhập tên kế hoạch']);
		expect(errorsByField(result.issues, 'en').name).toEqual(['A plan name is required']);
	});

	it('reads ids and counts only as decimal digits: "0x1" or "1e3" reach the schema as invalid', () => {
		const { values, input } = readPlanForm(
			form([
				['teamId', '0x1'],
				['expectedHouseholds', '1e3'],
				['hamletIds', '4001'],
				['hamletIds', '0x2'],
				['planId', ' 2 ']
			])
		);
		expect(input.teamId).toBeNaN();
		expect(input.expectedHouseholds).toBeNaN();
		expect(input.hamletIds).toEqual([4001, Number.NaN]);
		expect(values.hamletIds).toEqual([4001]);
		expect(values.planId).toBe(' 2 ');
		const result = validatePlanInput(input);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.issues.map((issue) => issue.code)).toEqual(
			expect.arrayContaining(['team-invalid', 'expected-invalid', 'hamlets-invalid'])
		);
	});
});
