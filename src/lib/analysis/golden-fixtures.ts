// Test helper (imported only by *.test.ts): Turf-style golden fixtures,
// fixtures/<function-file>/in/*.geojson → fixtures/<function-file>/out/*.geojson.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { expect } from 'vitest';

const FIXTURES = 'src/lib/analysis/fixtures';

/** An input fixture: a FeatureCollection whose `options` foreign member holds the call's parameters. */
export interface GoldenCase<Options = Record<string, unknown>> {
	name: string;
	input: FeatureCollection & { options?: Options };
	outPath: string;
}

/** Every `in` fixture of one function file, read fresh (tests cannot change each other's input). */
export function goldenCases<Options = Record<string, unknown>>(functionFile: string): GoldenCase<Options>[] {
	const directory = join(FIXTURES, functionFile);
	return readdirSync(join(directory, 'in'))
		.filter((name) => name.endsWith('.geojson'))
		.sort()
		.map((name) => ({
			name,
			input: JSON.parse(readFileSync(join(directory, 'in', name), 'utf8')),
			outPath: join(directory, 'out', name)
		}));
}

/**
 * Compares `value` (numbers rounded to 6 decimals, so float noise never breaks a golden) with the
 * committed `out` file. REGEN=1 rewrites the file instead, after an intended change: review the diff.
 */
export function expectGolden(outPath: string, value: unknown): void {
	const text = JSON.stringify(roundNumbers(value), null, 1) + '\n';
	if (process.env.REGEN) {
		mkdirSync(join(outPath, '..'), { recursive: true });
		writeFileSync(outPath, text);
	}
	expect(existsSync(outPath), `golden file ${outPath} is missing: run with REGEN=1`).toBe(true);
	// Parsed, not as text, so reformatting the file (Prettier) does not break the golden.
	expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(outPath, 'utf8')));
}

/** A deep copy with every number rounded to `decimals` (−0 becomes 0). */
function roundNumbers(value: unknown, decimals = 6): unknown {
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return value;
		const rounded = Math.round(value * 10 ** decimals) / 10 ** decimals;
		return rounded === 0 ? 0 : rounded;
	}
	if (Array.isArray(value)) return value.map((item) => roundNumbers(item, decimals));
	if (value instanceof Map) return roundNumbers(Object.fromEntries(value), decimals);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([key, item]) => [key, roundNumbers(item, decimals)])
		);
	}
	return value;
}
