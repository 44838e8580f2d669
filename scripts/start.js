// npm start — build the app when the build is missing or older than its sources, then serve it.
// The server migrates the database and seeds it on first run (src/hooks.server.ts).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUILD_ENTRY = 'build/handler.js';
const SOURCES = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

/** Latest modification time under a file or folder, in ms. */
function newestMtime(path) {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

const buildTime = existsSync(BUILD_ENTRY) ? statSync(BUILD_ENTRY).mtimeMs : 0;
if (SOURCES.some((path) => existsSync(path) && newestMtime(path) > buildTime)) {
	console.log('Đang build ứng dụng (building the app)…');
	execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
}
process.env.PORT ??= '3000';
console.log(`Gõ Từng Nhà: http://localhost:${process.env.PORT} (first run creates and seeds the database)`);
await import(join(process.cwd(), 'build', 'index.js'));
