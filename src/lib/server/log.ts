// The app's structured log: one JSON object a line on standard output (pino), for journald, Docker or
// a log shipper. Only what is passed is logged: callers pass ids, never passwords, tokens or people's data.
import { pino } from 'pino';

/** LOG_LEVEL: trace, debug, info (default), warn, error, fatal or silent. */
export const logger = pino({
	level: process.env.LOG_LEVEL || 'info',
	base: { pid: process.pid },
	timestamp: pino.stdTimeFunctions.isoTime
});
