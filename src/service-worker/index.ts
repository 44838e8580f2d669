/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// The field app's offline worker. Registered only by /record (src/lib/field/register.ts), it keeps the
// app's built files and the /record page (the user's hamlets are in it) so the page opens with no
// network, and sends the outbox on Background Sync. Every other request goes to the network untouched: no other page can go
// stale, and other pages' tests see the network as before.
import { build, files, version } from '$service-worker';
import { FIELD_PAGE_PATHS, OUTBOX_SYNC_TAG } from '$lib/field/paths';
import { flushOutbox } from '$lib/field/send';

const worker = self as unknown as ServiceWorkerGlobalScope;

const CACHE = `field-${version}`;
const ASSETS = new Set([...build, ...files]);

worker.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			await cache.addAll([...ASSETS]);
			// The pages are per user (SSR, with the user's communes' hamlets): kept only when this user may
			// open them (not a redirect to sign-in), else they are cached on the next visit.
			await Promise.all(FIELD_PAGE_PATHS.map((path) => refresh(cache, path)));
			await worker.skipWaiting();
		})()
	);
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
			await worker.clients.claim();
		})()
	);
});

/** Fetches `request` and keeps a good answer (not a redirect to sign-in); the answer either way. */
async function refresh(cache: Cache, request: RequestInfo): Promise<Response | undefined> {
	try {
		const response = await fetch(request);
		if (response.ok && !response.redirected) await cache.put(request, response.clone());
		return response;
	} catch {
		return undefined;
	}
}

/** Network first, the cached copy when offline (or when the server cannot be reached). */
async function networkFirst(request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	const response = await refresh(cache, request);
	if (response) return response;
	const cached = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
	return cached ?? Response.error();
}

worker.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== location.origin) return;
	if (ASSETS.has(url.pathname)) {
		// Built files carry their hash in the name and static files change with the version: cache first.
		event.respondWith(caches.match(url.pathname).then((cached) => cached ?? fetch(request)));
		return;
	}
	if (FIELD_PAGE_PATHS.includes(url.pathname)) {
		event.respondWith(networkFirst(request));
	}
	// Anything else: not handled here, so the browser goes to the network as without a worker.
});

/** A sync event (Background Sync), as lib.webworker does not declare it yet. */
interface SyncEvent extends ExtendableEvent {
	tag: string;
}

worker.addEventListener('sync', ((event: SyncEvent) => {
	if (event.tag !== OUTBOX_SYNC_TAG) return;
	// Throwing while items remain asks the browser to fire the sync again later; a swallowed failure never retries.
	event.waitUntil(
		flushOutbox(fetch).then((result) => {
			if (result.waiting > 0) throw new Error(`${result.waiting} not sent yet`);
		})
	);
}) as EventListener);
