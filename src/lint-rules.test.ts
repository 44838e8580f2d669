// The project's ESLint configuration, run on small snippets: the layering rules must fire where they
// should and stay quiet where the code is allowed to do the thing.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

/** The layering rules under test; the snippets break others (unused imports) that do not matter here. */
const LAYERING_RULES = new Set(['no-restricted-imports', 'no-restricted-globals']);

/**
 * The layering rules ESLint reports for `code` as if it were the file at `filePath` (an existing file,
 * so that the TypeScript project knows it), plus any parsing error.
 */
async function rulesFired(filePath: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	return result!.messages
		.map((message) => message.ruleId ?? `fatal: ${message.message}`)
		.filter((rule) => LAYERING_RULES.has(rule) || rule.startsWith('fatal'));
}

const NOTHING = 'export {};\n';

describe('lint: SQL only in src/lib/server/db/', () => {
	const outside = 'src/lib/server/search.ts';

	it('refuses drizzle-orm, any of its subpaths, the schema and raw queries outside db/', async () => {
		for (const line of [
			"import { sql } from 'drizzle-orm';",
			"import type { SQL } from 'drizzle-orm';",
			"import { pgTable } from 'drizzle-orm/pg-core';",
			"import { communes } from './db/schema';",
			"import { hamlets } from '$lib/server/db/schema';",
			"import { selectRows } from './db/index';",
			"import { schema } from '$lib/server/db';"
		]) {
			expect(await rulesFired(outside, `${line}\n${NOTHING}`), line).toEqual(['no-restricted-imports']);
		}
		expect(await rulesFired('scripts/seed.ts', `import { sql } from 'drizzle-orm';\n${NOTHING}`)).toEqual([
			'no-restricted-imports'
		]);
		expect(
			await rulesFired('src/routes/+page.server.ts', `import { sql } from 'drizzle-orm';\n${NOTHING}`)
		).toEqual(['no-restricted-imports']);
	});

	it('lets db/ modules use them, and others call db/ query functions', async () => {
		expect(
			await rulesFired('src/lib/server/db/places.ts', `import { sql } from 'drizzle-orm';\n${NOTHING}`)
		).toEqual([]);
		expect(
			await rulesFired(
				outside,
				`import { findCommune } from './db/communes';\nimport type { Database } from './db/index';\n${NOTHING}`
			)
		).toEqual([]);
	});
});

describe('lint: $lib/server only from server code', () => {
	const imports = [
		"import type { PlaceResult } from '$lib/server/search';",
		"import { hamletDetails } from '$lib/server/hamlet-details';",
		"import { searchPlaces } from './server/search';"
	];

	it('refuses it, types included, in components and client-safe modules', async () => {
		for (const file of [
			'src/lib/components/SearchBox.svelte',
			'src/routes/+page.svelte',
			'src/lib/places.ts',
			'src/lib/format.ts',
			'src/hooks.ts'
		]) {
			for (const line of imports) {
				const code = file.endsWith('.svelte')
					? `<script lang="ts">\n${line}\n</script>\n`
					: `${line}\n${NOTHING}`;
				expect(await rulesFired(file, code), `${file}: ${line}`).toEqual(['no-restricted-imports']);
			}
		}
	});

	it('lets server modules, server loads, endpoints and the server hooks import it', async () => {
		for (const file of [
			'src/lib/server/gap-api.ts',
			'src/routes/+page.server.ts',
			'src/routes/api/search/+server.ts',
			'src/hooks.server.ts'
		]) {
			expect(await rulesFired(file, `${imports[0]}\n${NOTHING}`), file).toEqual([]);
		}
	});

	it('still refuses SQL in the files it covers', async () => {
		expect(await rulesFired('src/lib/places.ts', `import { sql } from 'drizzle-orm';\n${NOTHING}`)).toEqual([
			'no-restricted-imports'
		]);
	});
});

describe('lint: src/lib/analysis is pure', () => {
	const analysis = 'src/lib/analysis/flags.ts';

	it('refuses server code, Node built-ins and SQL', async () => {
		for (const line of [
			"import { searchPlaces } from '$lib/server/search';",
			"import { RevisionCache } from '../server/revision-cache';",
			"import { readFileSync } from 'node:fs';",
			"import { join } from 'path';",
			"import { sql } from 'drizzle-orm';"
		]) {
			expect(await rulesFired(analysis, `${line}\n${NOTHING}`), line).toEqual(['no-restricted-imports']);
		}
	});

	it('refuses DOM globals but not what Node and the language share with browsers', async () => {
		expect(await rulesFired(analysis, 'export const width = window.innerWidth;\n')).toEqual([
			'no-restricted-globals'
		]);
		expect(await rulesFired(analysis, "export const node = document.createElement('div');\n")).toEqual([
			'no-restricted-globals'
		]);
		expect(await rulesFired(analysis, 'export const language = navigator.language;\n')).toEqual([
			'no-restricted-globals'
		]);
		expect(
			await rulesFired(
				analysis,
				'export const started = performance.now() + Math.PI;\nconsole.log(started);\n'
			)
		).toEqual([]);
	});

	it('lets it import the app’s pure modules, even one named like a Node built-in', async () => {
		expect(
			await rulesFired(analysis, `import type { Label } from '../domain';\nexport type Name = Label;\n`)
		).toEqual([]);
	});

	it('lets the rest of the app use them', async () => {
		expect(
			await rulesFired('src/lib/map/locale.ts', 'export const language = navigator.language;\n')
		).toEqual([]);
	});
});
