import { describe, expect, it } from 'vitest';
import { expectGolden, goldenCases } from './golden-fixtures';
import { projectToTarget, type MonthlyValue } from './project-to-target';

const months = (values: (number | null)[]): MonthlyValue[] =>
	values.map((value, index) => ({ month: `2026-${String(index + 1).padStart(2, '0')}-01`, value }));

describe('projectToTarget', () => {
	it.each(goldenCases<{ target: number }>('project-to-target'))(
		'matches the golden output for $name',
		({ input, outPath }) => {
			expectGolden(outPath, {
				...input,
				features: input.features.map((feature) => {
					const series = (feature.properties as { series: MonthlyValue[] }).series;
					return {
						...feature,
						properties: { ...feature.properties, projection: projectToTarget(series, input.options!.target) }
					};
				})
			});
		}
	);

	it('fits the last three changes only: an early surge does not count', () => {
		const projection = projectToTarget(months([0, 0.5, 0.5, 0.5, 0.5, 0.5]), 1);
		expect(projection.pacePerMonth).toBe(0);
		expect(projection.status).toBe('off-track');
		expect(projection.reachMonth).toBeNull();
	});

	it('extends the line to the deadline and says when the target is crossed', () => {
		// +2 points a month, 80% in October: 84% in December, 90% at the end of March 2027.
		const projection = projectToTarget(
			months([null, null, null, null, null, null, 0.74, 0.76, 0.78, 0.8]),
			0.9
		);
		expect(projection.pacePerMonth).toBeCloseTo(0.02, 10);
		expect(projection.projectedValue).toBeCloseTo(0.84, 10);
		expect(projection.status).toBe('off-track');
		expect(projection.reachMonth).toBe('2027-03-01');
	});

	it('honours a different deadline, window and margin', () => {
		// The last two changes: +2 points a month, 74% in May, 76% in June.
		const series = months([0.5, 0.6, 0.7, 0.72, 0.74]);
		const june = { deadlineMonth: '2026-06-01', window: 2 };
		expect(projectToTarget(series, 0.82, june).status).toBe('off-track');
		expect(projectToTarget(series, 0.82, { ...june, atRiskMargin: 0.1 }).status).toBe('at-risk');
		// 82% is four months of +2 points after May: the end of September.
		expect(projectToTarget(series, 0.82, { window: 1 }).reachMonth).toBe('2026-09-01');
	});

	it('reads months in any order', () => {
		const ordered = months([0.2, 0.3, 0.4, 0.5]);
		expect(projectToTarget([...ordered].reverse(), 1)).toEqual(projectToTarget(ordered, 1));
	});
});
