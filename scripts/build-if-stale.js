// Builds the app when the build is missing or older than its sources (npm start, the benchmarks).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUILD_ENTRY = 'build/handler.js';
const SOURCES = [
	'src',
	'static',
	'messages',
	'project.inlang',
	'svelte.config.js',
	'vite.config.ts',
	'package-lock.json'
];

/**
 * Latest modification time under a file or folder, in ms.
 * @param {string} path
 * @returns {number}
 */
function newestMtime(path) {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/**
 * Runs `npm run build` if any source is newer than the build.
 * @returns {void}
 */
export function buildIfStale() {
	const buildTime = existsSync(BUILD_ENTRY) ? statSync(BUILD_ENTRY).mtimeMs : 0;
	if (SOURCES.some((path) => existsSync(path) && newestMtime(path) > buildTime)) {
		console.log('Đang build ứng dụng (building the app)…');
		execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
	}
}
