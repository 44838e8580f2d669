import { describe, expect, it } from 'vitest';
import { trainingHistories } from './training-history';

const MONTHS = ['2026-01-01', '2026-02-01', '2026-03-01'];

describe('trainingHistories', () => {
	it('counts a roster member as trained from the month of the training, earlier years from the start', () => {
		const histories = trainingHistories(
			[{ communeCode: '00004', members: 10, membersTrained: 6, rosterSize: 10 }],
			[
				{ communeCode: '00004', month: '2025-11-01', trained: 2 },
				{ communeCode: '00004', month: '2026-02-01', trained: 3 },
				{ communeCode: '00004', month: '2026-03-01', trained: 1 }
			],
			MONTHS
		);
		expect(histories.get('00004')!.byMonth).toEqual([
			{ members: 10, membersTrained: 2 },
			{ members: 10, membersTrained: 5 },
			{ members: 10, membersTrained: 6 }
		]);
		expect(histories.get('00004')).toMatchObject({ teams: 1, undatedTeams: 0 });
	});

	it('counts a team without a roster at its current numbers in every month, and says so', () => {
		const histories = trainingHistories(
			[
				{ communeCode: '00004', members: 10, membersTrained: 4, rosterSize: 10 },
				{ communeCode: '00008', members: 8, membersTrained: 8, rosterSize: 0 }
			],
			[{ communeCode: '00004', month: '2026-03-01', trained: 4 }],
			MONTHS
		);
		expect(histories.get('00008')!.byMonth.map((counts) => counts.membersTrained)).toEqual([8, 8, 8]);
		const city = histories.get('')!;
		expect(city.byMonth).toEqual([
			{ members: 18, membersTrained: 8 },
			{ members: 18, membersTrained: 8 },
			{ members: 18, membersTrained: 12 }
		]);
		expect(city).toMatchObject({ teams: 2, undatedTeams: 1 });
	});

	it('leaves a training after the last month out (the history ends there)', () => {
		const histories = trainingHistories(
			[{ communeCode: '00004', members: 5, membersTrained: 1, rosterSize: 5 }],
			[{ communeCode: '00004', month: '2026-04-01', trained: 1 }],
			MONTHS
		);
		expect(histories.get('00004')!.byMonth.at(-1)).toEqual({ members: 5, membersTrained: 0 });
	});
});
