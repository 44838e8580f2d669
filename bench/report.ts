// Shared by every bench section: a figure is always printed with its ratio to a baseline from the same run.
import type { Actor } from '../src/lib/server/db/write';

/** Who writes when a bench section seeds its databases. */
export const BENCH_ACTOR: Actor = { kind: 'system', reason: 'npm run bench' };

export interface BenchRow {
	benchmark: string;
	value: string;
	ratio: string;
	baseline: string;
}

const rows: BenchRow[] = [];

export function report(
	benchmark: string,
	milliseconds: number,
	baselineName: string,
	baselineMilliseconds: number
): void {
	rows.push({
		benchmark,
		value: `${milliseconds.toFixed(1)} ms`,
		ratio: `${(milliseconds / baselineMilliseconds).toFixed(2)}×`,
		baseline: `${baselineName} (${baselineMilliseconds.toFixed(1)} ms)`
	});
}

/** A figure that is not a duration (bytes, counts): the ratio is still value ÷ baseline. */
export function reportQuantity(
	benchmark: string,
	value: number,
	unit: string,
	baselineName: string,
	baselineValue: number
): void {
	rows.push({
		benchmark,
		value: `${value.toLocaleString('en')} ${unit}`,
		ratio: `${(value / baselineValue).toFixed(2)}×`,
		baseline: `${baselineName} (${baselineValue.toLocaleString('en')} ${unit})`
	});
}

export function reportedRows(): readonly BenchRow[] {
	return rows;
}

export async function timed<T>(action: () => Promise<T> | T): Promise<[T, number]> {
	const started = performance.now();
	const result = await action();
	return [result, performance.now() - started];
}

/** Value at quantile `q` (0–1) of already-measured samples. */
export function quantileOf(samples: readonly number[], q: number): number {
	const sorted = [...samples].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
