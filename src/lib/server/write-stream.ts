// A synthetic stream of field records for the load bench (`npm run bench -- load`): with
// BENCH_WRITES_PER_SECOND set, the server records that many outreach activities a second through the
// ordinary loader (withWrite, a system actor, audited), as teams recording in the field would, so that
// the public read path is measured under writes. Unset (the default), nothing runs.
import { randomUUID } from 'node:crypto';
import { latestActivityTemplate, loadActivities } from './db/activities';
import { DEMO_DATASET } from './db/datasets';
import type { Database } from './db/index';
import type { Actor } from './db/write';

const STREAM_ACTOR: Actor = { kind: 'system', reason: 'BENCH_WRITES_PER_SECOND: synthetic field records' };

/** Starts the stream when `perSecond` is a positive number; returns a function that stops it. */
export function startWriteStream(db: Database, perSecond: string | undefined): () => void {
	const rate = Number(perSecond);
	if (!perSecond || !/^\d+(\.\d+)?$/.test(perSecond) || !(rate > 0)) return () => {};
	let written = 0;
	// Read once: the stream repeats one team's visit in one hamlet, and the read is no part of a record.
	let template: Awaited<ReturnType<typeof latestActivityTemplate>> | undefined;
	const timer = setInterval(async () => {
		template ??= await latestActivityTemplate(db);
		if (!template) return;
		written += 1;
		const id = randomUUID();
		await loadActivities(
			db,
			STREAM_ACTOR,
			[
				{
					id,
					hamletId: template.hamletId,
					teamId: template.teamId,
					kind: 'door-to-door',
					occurredOn: template.occurredOn,
					location: [template.lng, template.lat],
					householdsNew: 0,
					householdsRevisited: 1,
					peopleGuided: 1,
					topics: ['vneid'],
					idempotencyKey: `write-stream-${id}`
				}
			],
			DEMO_DATASET
		).catch((error: unknown) => console.error('write stream:', error));
		if (written % 60 === 0) console.log(`write stream: ${written} activities recorded`);
	}, 1000 / rate);
	timer.unref();
	return () => clearInterval(timer);
}
