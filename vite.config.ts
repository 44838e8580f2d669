import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 3000 },
	preview: { port: 3000 },
	test: {
		include: ['src/**/*.test.ts', 'geodata/**/*.test.ts', 'scripts/**/*.test.ts'],
		expect: { requireAssertions: true },
		environment: 'node',
		// CI must run everything: a skipped test fails the run there.
		reporters: process.env.CI ? ['default', './tests/reporters/vitest-no-skips.ts'] : ['default'],
		allowOnly: !process.env.CI,
		// PGlite + PostGIS instances are heavy; two cores, so keep files in few workers.
		maxWorkers: 2,
		testTimeout: 120_000,
		hookTimeout: 240_000
	}
});
