import { aggregateReading, METRICS, metricValue, type MetricId, type MetricReading } from '$lib/metrics';
import type { Database } from './db/index';
import { hamletRecord, type HamletRecord } from './db/hamlets';
import {
	dataMonths,
	hamletFiguresByMonth,
	hamletFiguresForMonth,
	type HamletMonthFigures
} from './db/metrics';

export interface TrendPoint {
	month: string;
	values: Record<MetricId, number | null>;
}

/** Everything the side panel shows about one hamlet in one month. */
export interface HamletDetails {
	hamlet: HamletRecord;
	month: string;
	figures: HamletMonthFigures;
	readings: MetricReading[];
	/** Every month of the data up to `month`, oldest first, for the sparkline. */
	trend: TrendPoint[];
	commune: {
		hamletCount: number;
		readings: MetricReading[];
	};
}

function readingsOf(rows: readonly HamletMonthFigures[]): MetricReading[] {
	return METRICS.map((metric) => aggregateReading(metric, rows));
}

/** The panel's data for hamlet `id` at the end of `month`, or undefined when there is no such hamlet. */
export async function hamletDetails(
	db: Database,
	id: number,
	month: string
): Promise<HamletDetails | undefined> {
	const hamlet = await hamletRecord(db, id);
	if (!hamlet) return undefined;
	const months = (await dataMonths(db)).filter((candidate) => candidate <= month);
	const trendRows = await hamletFiguresByMonth(db, months.includes(month) ? months : [...months, month], {
		hamletIds: [id]
	});
	const communeRows = await hamletFiguresForMonth(db, month, { communeCode: hamlet.communeCode });
	const figures = trendRows.at(-1)!;
	return {
		hamlet,
		month,
		figures,
		readings: readingsOf([figures]),
		trend: trendRows.map((row) => ({
			month: row.month,
			values: Object.fromEntries(METRICS.map((metric) => [metric, metricValue(metric, row)])) as Record<
				MetricId,
				number | null
			>
		})),
		commune: { hamletCount: communeRows.length, readings: readingsOf(communeRows) }
	};
}
