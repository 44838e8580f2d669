import { aggregateReading, METRICS, metricValue, type MetricReading } from '$lib/metrics';
import type { Database } from './db/index';
import type { HamletDetails, HamletMonthFigures, MetricValues } from '$lib/hamlet-details';
import { hamletNamesInCommune, hamletRecord } from './db/hamlets';
import { dataMonths, hamletFiguresByMonth, hamletFiguresForMonth } from './db/metrics';

function valuesOf(row: HamletMonthFigures | undefined): MetricValues {
	return Object.fromEntries(
		METRICS.map((metric) => [metric, row ? metricValue(metric, row) : null])
	) as MetricValues;
}

/** How far back the commune comparison looks by default: five months, so November is compared with June. */
const DEFAULT_COMPARISON_MONTHS = 5;

function readingsOf(rows: readonly HamletMonthFigures[]): MetricReading[] {
	return METRICS.map((metric) => aggregateReading(metric, rows));
}

/**
 * The panel's data for hamlet `id` at the end of `month`, its commune compared with `sinceMonth`
 * (by default five months earlier, or the first month of the data); undefined when there is no such hamlet.
 */
export async function hamletDetails(
	db: Database,
	id: number,
	month: string,
	sinceMonth?: string
): Promise<HamletDetails | undefined> {
	const hamlet = await hamletRecord(db, id);
	if (!hamlet) return undefined;
	const months = (await dataMonths(db)).filter((candidate) => candidate <= month);
	const trendRows = await hamletFiguresByMonth(db, months.includes(month) ? months : [...months, month], {
		hamletIds: [id]
	});
	const communeRows = await hamletFiguresForMonth(db, month, { communeCode: hamlet.communeCode });
	const since = sinceMonth ?? months[Math.max(0, months.length - 1 - DEFAULT_COMPARISON_MONTHS)] ?? month;
	const thenRows = new Map(
		(await hamletFiguresForMonth(db, since, { communeCode: hamlet.communeCode })).map((row) => [
			row.hamletId,
			row
		])
	);
	const nowRows = new Map(communeRows.map((row) => [row.hamletId, row]));
	const names = await hamletNamesInCommune(db, hamlet.communeCode);
	const figures = trendRows.at(-1)!;
	return {
		hamlet,
		month,
		figures,
		readings: readingsOf([figures]),
		trend: trendRows.map((row) => ({ month: row.month, values: valuesOf(row) })),
		commune: {
			hamletCount: communeRows.length,
			readings: readingsOf(communeRows),
			sinceMonth: since,
			hamlets: names.map(({ id: hamletId, name }) => ({
				id: hamletId,
				name,
				now: valuesOf(nowRows.get(hamletId)),
				then: valuesOf(thenRows.get(hamletId))
			}))
		}
	};
}
