// messages/*.json are checked here and by the types: an unknown message or a missing parameter fails
// `npm run check`; a message missing from a locale, an empty or non-NFC text, parameters that differ
// between the locales, or a message that nothing uses fail this test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseLocale, locales } from './paraglide/runtime';

type Variant = { declarations?: string[]; selectors?: string[]; match: Record<string, string> };
type Messages = Record<string, string | Variant[]>;

function read(locale: string): Messages {
	const { $schema, ...messages } = JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Messages;
	void $schema;
	return messages;
}

const byLocale = Object.fromEntries(locales.map((locale) => [locale, read(locale)]));

/** Every text of a message (one, or one per variant). */
function texts(message: string | Variant[]): string[] {
	return typeof message === 'string' ? [message] : message.flatMap((variant) => Object.values(variant.match));
}

/** The inputs a message takes: the `{name}` placeholders, or the declared `input name`s. */
function inputs(message: string | Variant[]): string[] {
	const names =
		typeof message === 'string'
			? [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!)
			: message.flatMap((variant) =>
					(variant.declarations ?? []).flatMap((declaration) => /^input (\w+)$/.exec(declaration)?.[1] ?? [])
				);
	return [...new Set(names)].sort();
}

function sourceFiles(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) return path === join('src', 'lib', 'paraglide') ? [] : sourceFiles(path);
		return /\.(ts|svelte)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
	});
}

describe('messages/*.json', () => {
	const base = byLocale[baseLocale]!;

	it.each(locales.filter((locale) => locale !== baseLocale))(
		'%s has exactly the messages of the base locale',
		(locale) => {
			expect(Object.keys(byLocale[locale]!).sort()).toEqual(Object.keys(base).sort());
		}
	);

	it.each(locales)('%s: every text is non-empty, trimmed and NFC', (locale) => {
		for (const [key, message] of Object.entries(byLocale[locale]!)) {
			for (const text of texts(message)) {
				expect(text.trim(), key).not.toBe('');
				expect(text, key).toBe(text.trim());
				expect(text.normalize('NFC'), key).toBe(text);
			}
		}
	});

	it('takes the same parameters in every locale', () => {
		for (const [key, message] of Object.entries(base)) {
			for (const locale of locales)
				expect(inputs(byLocale[locale]![key]!), `${locale}: ${key}`).toEqual(inputs(message));
		}
	});

	it('are all used', () => {
		const source = sourceFiles('src')
			.map((path) => readFileSync(path, 'utf8'))
			.join('\n');
		const unused = Object.keys(base).filter((key) => !new RegExp(`\\bm\\.${key}\\b`).test(source));
		expect(unused).toEqual([]);
	});
});
