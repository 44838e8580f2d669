// The app's start and end: the database opened with retries (an unreachable database is logged and
// retried, never a crash loop), errors outside requests logged rather than fatal, the database closed
// cleanly once adapter-node has drained the requests.
import { closeAppDatabase, getAppDatabase } from './db/app-database';
import type { DatabaseHandle } from './db/index';
import { logger } from './log';

/** The longest wait between two attempts to open the database at start. */
const MAX_RETRY_DELAY_MS = 30_000;

/** Whether the database is open and the app serving: until then SIGTERM stops the start itself. */
let started = false;

/**
 * Opens (migrates, seeds) the app's database, retrying with a growing delay (1 s, 2 s, 4 s … 30 s)
 * until it works; each failure is one log line with the reason and the next attempt's delay.
 */
export async function openAppDatabaseWithRetry(firstDelayMs = 1000): Promise<DatabaseHandle> {
	for (let attempt = 1; ; attempt++) {
		try {
			const handle = await getAppDatabase();
			if (attempt > 1) logger.info({ attempt }, 'database available');
			started = true;
			return handle;
		} catch (error) {
			const retryInMs = Math.min(firstDelayMs * 2 ** (attempt - 1), MAX_RETRY_DELAY_MS);
			logger.error(
				{ attempt, retryInMs, reason: error instanceof Error ? error.message : String(error) },
				'CSDL chưa sẵn sàng, sẽ thử lại (database not available at start: retrying)'
			);
			await new Promise((resolve) => setTimeout(resolve, retryInMs));
		}
	}
}

/** Once per process: log what escapes a request instead of dying, and close the database at shutdown. */
export function installProcessHandlers(): void {
	// A promise rejected outside any request (a background refresh, a dropped connection) is a bug to
	// log, not a reason to stop serving everyone else.
	process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
	process.once('SIGTERM', () => {
		if (started) return logger.info('SIGTERM: finishing requests in flight, accepting no new ones');
		// Nothing is served yet and the server's own shutdown is not installed: a stop asked for while
		// migrating, seeding or retrying must not wait for them (an orchestrator would SIGKILL). Exiting
		// is safe: migrations and the seed are transactions, rolled back and run again at the next start.
		logger.info('SIGTERM while starting: stopping before serving');
		process.exit(0);
	});
	// adapter-node emits this on SIGINT/SIGTERM once the requests in flight have finished.
	process.once('sveltekit:shutdown', () => {
		closeAppDatabase().then(
			() => logger.info('database closed, exiting'),
			(error: unknown) => logger.error({ err: error }, 'closing the database failed')
		);
	});
}
