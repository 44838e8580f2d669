import type { HamletMonthFigures } from '$lib/hamlet-details';
import type { MonthValues } from '$lib/map/map-states';
import { aggregateReading, METRICS, metricValue } from '$lib/metrics';
import type { Database } from './db/index';
import { hamletFiguresForMonth } from './db/metrics';
import { tooFewMask } from '$lib/suppression';
import { RevisionCache } from './revision-cache';
import { yieldToRequests } from './event-loop';

// Four decimals is a hundredth of a percentage point: finer than the legend, and it halves the payload.
const round = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 10_000);

const cache = new RevisionCache<MonthValues>(24);
const figuresCache = new RevisionCache<HamletMonthFigures[]>(4);

/**
 * The city's hamlets are read in this many slices with requests served between them: on the embedded
 * database the whole-city query held the thread 0.6–1.5 s under load (every viewer waited that long).
 */
const FIGURE_SLICES = 8;

/**
 * Every hamlet's figures at the end of `month` (by hamlet id), read once per data revision and month:
 * the map's values and the gap analysis both start from them.
 */
export async function hamletFiguresOfMonth(db: Database, month: string): Promise<HamletMonthFigures[]> {
	return (
		await figuresCache.get(db, month, async () => {
			const rows: HamletMonthFigures[] = [];
			for (let index = 0; index < FIGURE_SLICES; index++) {
				if (index > 0) await yieldToRequests();
				rows.push(...(await hamletFiguresForMonth(db, month, { slice: { index, of: FIGURE_SLICES } })));
			}
			return rows.sort((a, b) => a.hamletId - b.hamletId);
		})
	).value;
}

/** The rates of every hamlet at the end of `month`, computed once per month and data revision. */
export async function monthValues(db: Database, month: string): Promise<MonthValues> {
	const { value } = await cache.get(db, month, async () => {
		const figures = await hamletFiguresOfMonth(db, month);
		const values = Object.fromEntries(
			METRICS.map((metric) => [metric, figures.map((row) => round(metricValue(metric, row)))])
		) as MonthValues['values'];
		const byCommune = Map.groupBy(figures, (row) => row.communeCode);
		const communeCodes = [...byCommune.keys()].sort();
		const communeValues = Object.fromEntries(
			METRICS.map((metric) => [
				metric,
				communeCodes.map((code) => round(aggregateReading(metric, byCommune.get(code)!).value))
			])
		) as MonthValues['values'];
		return {
			month,
			hamletIds: figures.map((row) => row.hamletId),
			values,
			communeCodes,
			communeValues,
			tooFew: figures.map(tooFewMask),
			rural: figures.map((row) => (row.isRural ? 1 : 0)),
			communeRural: communeCodes.map((code) => (byCommune.get(code)!.every((row) => row.isRural) ? 1 : 0))
		};
	});
	return value;
}
