import { expect, it } from 'vitest';
import { openDatabase } from './db/index';
import { dataMonths } from './db/metrics';
import { databaseSummary } from './db/summary';
import { hamletFiguresForMonth } from './db/metrics';
import { gapAnalysisInput, cityGapAnalysis } from './gap-analysis';
import { gapComponents, CLASS_WINDOW_DAYS } from '$lib/analysis/gap-index';
import { shrinkRates } from '$lib/analysis/reliability';
import { contiguityNeighbours } from '$lib/analysis/contiguity';
import { monthValues } from './month-values';
import { mapGapValues } from './map-gap-values';
import { publicMapSnapshot } from './public-map';
const t = async <T>(name: string, f: () => Promise<T> | T): Promise<T> => {
	const s = performance.now();
	const r = await f();
	console.log(name, (performance.now() - s).toFixed(0), 'ms');
	return r;
};
it('times', async () => {
	const { db, close } = await openDatabase({ dataDir: '/tmp/el-pgdata' });
	const months = await t('dataMonths', () => dataMonths(db));
	const month = months.at(-1)!;
	await t('summary', () => databaseSummary(db));
	const figs = await t('hamletFiguresForMonth', () => hamletFiguresForMonth(db, month));
	console.log('hamlets', figs.length);
	await t('hamletFiguresForMonth again', () => hamletFiguresForMonth(db, month));
	const input = await t('gapAnalysisInput', () => gapAnalysisInput(db, month));
	await t('gapComponents', () =>
		gapComponents(input.hamlets, input.classes, { asOf: input.asOf, classWindowDays: CLASS_WINDOW_DAYS })
	);
	await t('shrinkRates', () => shrinkRates(input.hamlets));
	await t('contiguity', () => contiguityNeighbours(input.hamlets));
	await t('cityGapAnalysis', () => cityGapAnalysis(db, month));
	const v = await t('monthValues (cached)', () => monthValues(db, month));
	await t('mapGapValues (cached)', () => mapGapValues(db, v));
	await t('snapshot', () => publicMapSnapshot(db, month));
	await close();
	expect(1).toBe(1);
});
it('components twice', async () => {
	const { db, close } = await openDatabase({ dataDir: '/tmp/el-pgdata' });
	const months = await dataMonths(db);
	const input = await gapAnalysisInput(db, months.at(-1)!);
	for (let i = 0; i < 3; i++)
		await t('gapComponents', () =>
			gapComponents(input.hamlets, input.classes, { asOf: input.asOf, classWindowDays: CLASS_WINDOW_DAYS })
		);
	await close();
	expect(1).toBe(1);
});
