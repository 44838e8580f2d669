// The production server: adapter-node's request handler (build/handler.js) in a Node HTTP server of our
// own, used by `npm start`, the end-to-end tests and the benchmarks instead of build/index.js, for two
// things adapter-node's server does not do:
// - a static file that disappears from build/client under a running server (a redeploy copying files)
//   answers 404; adapter-node's file server lists the files at start and streams a vanished one into
//   an unhandled error that ends the process;
// - a request whose headers are too large (e.g. a 35 kB query string) gets a 400 in the app's JSON
//   error shape instead of Node's empty 431.
// Like build/index.js it reads PORT and HOST, and on SIGTERM/SIGINT stops taking requests, lets the
// open ones finish and emits `sveltekit:shutdown` (the database closes, src/hooks.server.ts).
import { existsSync, readdirSync } from 'node:fs';
import http from 'node:http';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const buildDir = resolve(process.env.BUILD_DIR ?? 'build');
const clientDir = join(buildDir, 'client');
const { handler } = await import(pathToFileURL(join(buildDir, 'handler.js')).href);

/**
 * Every file under `dir`, as URL paths (`/_app/immutable/…`).
 * @param {string} dir
 * @returns {string[]}
 */
function staticPaths(dir) {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => '/' + relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

// What the file server knows of (listed at start, as it does): the files and their .gz/.br twins.
const knownFiles = new Set(existsSync(clientDir) ? staticPaths(clientDir) : []);

/**
 * Whether a request is for a file the file server listed that is no longer there (itself or the
 * precompressed twin it would stream instead).
 * @param {string} url
 */
function vanished(url) {
	let pathname;
	try {
		pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
	} catch {
		return false;
	}
	if (!knownFiles.has(pathname)) return false;
	return [pathname, `${pathname}.gz`, `${pathname}.br`].some(
		(path) => knownFiles.has(path) && !existsSync(join(clientDir, path))
	);
}

const TOO_LARGE = JSON.stringify({
	error: {
		code: 'request-too-large',
		message: 'Yêu cầu quá dài (địa chỉ hoặc tiêu đề vượt giới hạn)',
		messageEn: 'The request is too large (its address or headers exceed the limit)'
	}
});

const server = http.createServer((req, res) => {
	if ((req.method === 'GET' || req.method === 'HEAD') && vanished(req.url ?? '/')) {
		res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
		res.end('Not found');
		return;
	}
	handler(req, res, () => {
		res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
		res.end('Not found');
	});
});

server.on('clientError', (error, socket) => {
	if (!socket.writable) return socket.destroy();
	const tooLarge = /** @type {NodeJS.ErrnoException} */ (error).code === 'HPE_HEADER_OVERFLOW';
	const body = tooLarge ? TOO_LARGE : '';
	socket.end(
		`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\n` +
			`Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
	);
});

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

/** @param {string} reason */
function shutdown(reason) {
	server.closeIdleConnections();
	server.close(() => process.emit(/** @type {any} */ ('sveltekit:shutdown'), reason));
	const seconds = Number(process.env.SHUTDOWN_TIMEOUT ?? 30);
	setTimeout(() => server.closeAllConnections(), (Number.isFinite(seconds) ? seconds : 30) * 1000).unref();
}
process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
