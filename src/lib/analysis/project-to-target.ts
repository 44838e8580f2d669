/** One month's value of a rate: `month` is its first day (YYYY-MM-01), `value` a share or null. */
export interface MonthlyValue {
	month: string;
	value: number | null;
}

export interface ProjectionOptions {
	/** The month whose end is the deadline (first day): the plan's 31 December 2026. */
	deadlineMonth?: string;
	/** How many recent monthly changes the pace is fitted to. */
	window?: number;
	/** Within this many points (0.05 = 5 points) below the target at the deadline: at risk, not off track. */
	atRiskMargin?: number;
}

export const DEFAULT_PROJECTION_OPTIONS: Required<ProjectionOptions> = {
	deadlineMonth: '2026-12-01', // the plan's year ends 31 December 2026
	window: 3, // the last three months' change: recent enough to react, long enough to smooth a survey
	atRiskMargin: 0.05 // five points short at the deadline can still be closed with an extra push
};

/** `reached`: the target is met already; `no-data`: too few recent values to fit a pace. */
export type ProjectionStatus = 'reached' | 'on-track' | 'at-risk' | 'off-track' | 'no-data';

export interface Projection {
	status: ProjectionStatus;
	/** The latest month with a value and that value (null without any). */
	latestMonth: string | null;
	latestValue: number | null;
	/** The fitted change per month (0.012 = 1.2 points a month); null for no-data. */
	pacePerMonth: number | null;
	/** The fitted line's value at the deadline month; null for no-data. */
	projectedValue: number | null;
	/**
	 * The first month at whose end the fitted line reaches the target: the latest month when reached
	 * already, null when the pace never gets there (flat or falling).
	 */
	reachMonth: string | null;
}

/** Months since year 0 of a YYYY-MM-01 month, for arithmetic. */
function monthIndex(month: string): number {
	return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function monthOf(index: number): string {
	const year = Math.floor(index / 12);
	return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * Projects a monthly rate to the deadline at its recent pace: a least-squares line through the values
 * of the last `window` + 1 months (the last `window` monthly changes), extended to the deadline month,
 * and compared with the target. Months without a value are left out of the fit, and at least two values
 * are needed; a rate already at or above the target is `reached` whatever its pace.
 */
export function projectToTarget(
	series: readonly MonthlyValue[],
	target: number,
	options: ProjectionOptions = {}
): Projection {
	const { deadlineMonth, window, atRiskMargin } = { ...DEFAULT_PROJECTION_OPTIONS, ...options };
	const known = series
		.filter((point): point is { month: string; value: number } => point.value !== null)
		.map((point) => ({ index: monthIndex(point.month), value: point.value }))
		.sort((a, b) => a.index - b.index);
	const latest = known.at(-1);
	const noData: Projection = {
		status: 'no-data',
		latestMonth: latest ? monthOf(latest.index) : null,
		latestValue: latest?.value ?? null,
		pacePerMonth: null,
		projectedValue: null,
		reachMonth: null
	};
	if (!latest) return noData;
	if (latest.value >= target) {
		return { ...noData, status: 'reached', reachMonth: monthOf(latest.index) };
	}
	const recent = known.filter((point) => point.index > latest.index - window - 1);
	if (recent.length < 2) return noData;

	const meanIndex = recent.reduce((sum, point) => sum + point.index, 0) / recent.length;
	const meanValue = recent.reduce((sum, point) => sum + point.value, 0) / recent.length;
	let covariance = 0;
	let variance = 0;
	for (const point of recent) {
		covariance += (point.index - meanIndex) * (point.value - meanValue);
		variance += (point.index - meanIndex) ** 2;
	}
	const pace = covariance / variance;
	const valueAt = (index: number) => meanValue + pace * (index - meanIndex);
	const deadline = monthIndex(deadlineMonth);
	const projectedValue = valueAt(deadline);
	// The line crosses the target at a fractional month: the target is reached at the end of the next whole one.
	const reachMonth =
		pace > 0 ? monthOf(Math.max(latest.index, Math.ceil(meanIndex + (target - meanValue) / pace))) : null;
	const status: ProjectionStatus =
		projectedValue >= target ? 'on-track' : projectedValue >= target - atRiskMargin ? 'at-risk' : 'off-track';
	return {
		status,
		latestMonth: monthOf(latest.index),
		latestValue: latest.value,
		pacePerMonth: pace,
		projectedValue,
		reachMonth
	};
}
