// Registers the offline worker from the field app's page only (svelte.config.js turns SvelteKit's
// automatic registration off), and asks for Background Sync of the outbox where the browser has it.
import { dev } from '$app/environment';
import { OUTBOX_SYNC_TAG } from './paths';

/** The registration of the worker, once it is active; undefined where service workers are unavailable. */
export async function registerFieldWorker(): Promise<ServiceWorkerRegistration | undefined> {
	if (!('serviceWorker' in navigator)) return undefined;
	try {
		await navigator.serviceWorker.register('/service-worker.js', { type: dev ? 'module' : 'classic' });
		return await navigator.serviceWorker.ready;
	} catch {
		return undefined;
	}
}

/** Background Sync's part of a registration (not in TypeScript's DOM types yet). */
interface SyncRegistration {
	sync?: { register(tag: string): Promise<void> };
}

/** Asks the browser to send the outbox when the network returns, even with the page closed. */
export async function requestOutboxSync(registration: ServiceWorkerRegistration | undefined): Promise<void> {
	try {
		await (registration as (ServiceWorkerRegistration & SyncRegistration) | undefined)?.sync?.register(
			OUTBOX_SYNC_TAG
		);
	} catch {
		// No Background Sync (or refused): the page sends at load, on `online` and with backoff.
	}
}
