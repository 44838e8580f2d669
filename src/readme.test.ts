// The README's "How the code is laid out" is where a newcomer starts: it must name every module of
// src/lib, so that a new one is described when it is added (the generated src/lib/paraglide aside).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function modules(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) return path === join('src', 'lib', 'paraglide') ? [] : modules(path);
		return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
	});
}

describe('README', () => {
	it('names every module of src/lib in its code layout', () => {
		const readme = readFileSync('README.md', 'utf8');
		const start = readme.indexOf('```', readme.indexOf('## How the code is laid out'));
		const layout = readme.slice(start, readme.indexOf('```', start + 3));
		expect(layout).toContain('src/lib/server/db/');
		const unnamed = modules(join('src', 'lib')).filter((path) => {
			const name = path.split(/[/\\]/).at(-1)!.replace(/\.ts$/, '');
			// The name as a word: `tiles` must not count as named inside `tile-cache`.
			return !new RegExp(`(?<![\\w-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(layout);
		});
		expect(unnamed).toEqual([]);
	});
});
