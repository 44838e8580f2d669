import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './scripts/paraglide-options.js';

export default defineConfig(({ command }) => ({
	// The messages are compiled once by `npm run messages` (in prepare, check, build, test:unit). Only the
	// dev server recompiles them on change: a recompiling build or test run keeps Node alive ≈ 27 s after
	// it is done (timers of the inlang SDK).
	plugins: [
		command === 'serve' && !process.env.VITEST ? paraglideVitePlugin(paraglideOptions) : [],
		sveltekit()
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
