// Temporary profiling helper (not committed).
import { openDatabaseFromEnvironment } from './database-from-env';
import { dataMonths, hamletFiguresByMonth, hamletFiguresThroughMonths } from '../src/lib/server/db/metrics';
import {
	activityKindCounts,
	activityTopicCounts,
	communeListings,
	hamletProfiles,
	rosterTrainedByMonth,
	teamTrainingRows
} from '../src/lib/server/db/dashboard';
import { minorityDesignations } from '../src/lib/server/minority-areas';
import { cityGapAnalysis } from '../src/lib/server/gap-analysis';
import { cityDashboard } from '../src/lib/server/dashboard';

const handle = await openDatabaseFromEnvironment();
const db = handle.db;
const time = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
	const started = performance.now();
	const value = await run();
	console.log(label, Math.round(performance.now() - started), 'ms');
	return value;
};
const months = await time('dataMonths', () => dataMonths(db));
const month = months.at(-1)!;
await time('gap analysis (the map’s, shared)', () => cityGapAnalysis(db, month));
if (!process.argv.includes('--skip-old')) await time('hamletFiguresByMonth all', () => hamletFiguresByMonth(db, months));
await time('hamletFiguresThroughMonths all', () => hamletFiguresThroughMonths(db, months));
await time('communeListings', () => communeListings(db));
await time('hamletProfiles', () => hamletProfiles(db));
await time('minorityDesignations', () => minorityDesignations(db));
await time('activityKindCounts', () => activityKindCounts(db));
await time('activityTopicCounts', () => activityTopicCounts(db));
await time('teamTrainingRows', () => teamTrainingRows(db));
await time('rosterTrainedByMonth', () => rosterTrainedByMonth(db));
await time('cityDashboard (first)', () => cityDashboard(db, month));
await time('cityDashboard (cached)', () => cityDashboard(db, month));
await handle.close();
