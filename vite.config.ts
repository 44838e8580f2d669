import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './scripts/paraglide-options.js';

/** The input definitions that validate in the browser with zod: only the pages with such forms load them. */
const VALIDATION_MODULES =
	/node_modules[\\/]zod[\\/]|[\\/]src[\\/]lib[\\/](activity-input|plans|team-roster)\.ts$/;

/**
 * The modules every page loads: Svelte, SvelteKit's client, the build's helpers, and the app's small
 * shared modules (i18n, messages, labels, formats) with the layout's language switch. The map, the
 * analysis and the other components stay with the pages that use them.
 */
const EVERY_PAGE_MODULES =
	/node_modules[\\/](svelte|@sveltejs[\\/]kit|devalue|esm-env|clsx)[\\/]|^\0|rolldown[:\\/]runtime|vite[\\/]preload-helper|[\\/]src[\\/]lib[\\/]((?!map[\\/]|analysis[\\/]|components[\\/]|activity-input\.|plans\.|team-roster\.)|components[\\/]LanguageSwitch\.svelte)/;

/**
 * The browser's modules in a few chunks rather than many tiny ones: on a phone's slow network each file
 * costs a round trip (HTTP/1.1 opens 6 connections per host), so the field app's first load is bound by
 * how many files it needs, not by their bytes (README: "First load on a phone's slow network").
 */
const CLIENT_CHUNKS = {
	groups: [
		// Captured first, so that the input definitions' own imports (domain, text) stay in `framework`.
		{ name: 'framework', test: EVERY_PAGE_MODULES, minShareCount: 2, priority: 20 },
		{ name: 'validation', test: VALIDATION_MODULES, priority: 10 }
	]
};

/** Applies CLIENT_CHUNKS to the browser's build only (the server's chunks never travel). */
const clientChunks: Plugin = {
	name: 'client-chunks',
	apply: 'build',
	configEnvironment(name) {
		if (name === 'client') return { build: { rollupOptions: { output: { codeSplitting: CLIENT_CHUNKS } } } };
	}
};

export default defineConfig(({ command }) => ({
	// The messages are compiled once by `npm run messages` (in prepare, check, build, test:unit). Only the
	// dev server recompiles them on change: a recompiling build or test run keeps Node alive ≈ 27 s after
	// it is done (timers of the inlang SDK).
	plugins: [
		command === 'serve' && !process.env.VITEST ? paraglideVitePlugin(paraglideOptions) : [],
		sveltekit(),
		clientChunks
	],
	server: { port: 3000 },
	preview: { port: 3000 },
	test: {
		include: ['src/**/*.test.ts', 'geodata/**/*.test.ts', 'scripts/**/*.test.ts'],
		expect: { requireAssertions: true },
		environment: 'node',
		// The app's request and error log (pino) would bury the test report; LOG_LEVEL=info shows it.
		env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
		// CI must run everything: a skipped test fails the run there.
		reporters: process.env.CI ? ['default', './tests/reporters/vitest-no-skips.ts'] : ['default'],
		allowOnly: !process.env.CI,
		// PGlite + PostGIS instances are heavy; two cores, so keep files in few workers.
		maxWorkers: 2,
		testTimeout: 120_000,
		hookTimeout: 240_000
	}
}));
