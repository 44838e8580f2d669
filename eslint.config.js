import prettier from 'eslint-config-prettier';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { builtinModules } from 'node:module';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** SQL lives in src/lib/server/db/ only: elsewhere nothing may build a query or reach a table. */
const SQL_OUTSIDE_DB = [
	{
		group: ['drizzle-orm', 'drizzle-orm/*'],
		message: 'SQL and drizzle-orm belong in src/lib/server/db/: add a query function there and call it.'
	},
	{
		regex: '(^|/)db/schema$',
		message: 'Tables are reached through the query functions of src/lib/server/db/, not from outside it.'
	},
	{
		regex: '(^|/)db(/index)?$',
		importNames: ['selectRows', 'schema'],
		message: 'Raw queries belong in src/lib/server/db/: add a query function there and call it.'
	}
];

/** The analysis is pure: no server code, no Node built-ins, no DOM, so it runs anywhere and tests alone. */
const IMPURE_IN_ANALYSIS = [
	{ regex: '(^|/)server(/|$)', message: 'src/lib/analysis must not import server code ($lib/server).' },
	{ regex: '^node:', message: 'src/lib/analysis must not import Node built-ins.' }
];

/** Node built-ins by their bare names ('fs', 'path'), matched exactly: '../domain' is ours, not Node's. */
const NODE_BUILTINS = builtinModules.map((name) => ({
	name,
	message: 'src/lib/analysis must not import Node built-ins.'
}));

/**
 * Browser globals (the DOM and its kin): those that neither Node nor ECMAScript define, and `navigator`,
 * which Node 21+ has too but which in analysis code would only ever mean the browser's.
 */
const DOM_GLOBALS = [
	'navigator',
	...Object.keys(globals.browser).filter((name) => !(name in globals.node) && !(name in globals.builtin))
];

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'drizzle/',
			'.data/',
			'test-results/',
			'playwright-report/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: { 'no-undef': 'off' }
	},
	{
		files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: { '@typescript-eslint/no-floating-promises': 'error' }
	},
	{
		files: ['**/*.ts', '**/*.js', '**/*.svelte'],
		ignores: [
			'src/lib/server/db/**',
			// The benchmarks' baselines are hand-written SQL on purpose (a naive tile server, the busiest month).
			'bench/tiles.ts',
			'bench/clusters.ts'
		],
		rules: { 'no-restricted-imports': ['error', { patterns: SQL_OUTSIDE_DB }] }
	},
	{
		files: ['src/lib/analysis/**'],
		// The tests and their golden-fixture harness read fixture files from disk; the analysis itself may not.
		ignores: ['src/lib/analysis/**/*.test.ts', 'src/lib/analysis/golden-fixtures.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ paths: NODE_BUILTINS, patterns: [...SQL_OUTSIDE_DB, ...IMPURE_IN_ANALYSIS] }
			],
			'no-restricted-globals': [
				'error',
				...DOM_GLOBALS.map((name) => ({ name, message: 'src/lib/analysis must not use the DOM.' }))
			]
		}
	}
);
