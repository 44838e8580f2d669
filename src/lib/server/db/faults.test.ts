// Faults in the middle of a write: the connection killed (PostgreSQL) and the disk full (PGlite). In both,
// the write's transaction is gone as a whole, the error says what happened, and the database serves again.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../server-error';
import { loadActivities } from './activities';
import { DEMO_DATASET } from './datasets';
import { openDatabase, openMigratedDatabase, selectRows, type DatabaseHandle } from './index';
import { createEmptyTestDatabase, testDrivers } from './test-databases';
import { fixtureActivity, loadFixtureData, tableFingerprint, TEST_ACTOR } from './test-fixtures';

/** The tables a load of activities writes, its audit event and the data revision included. */
const WRITTEN = ['outreach_activities', 'audit_events', 'data_revision', 'datasets'];

/** A long write: thousands of activities in one transaction (a loader's batches). */
const manyActivities = (from: number, count: number) =>
	Array.from({ length: count }, (_, index) => fixtureActivity(from + index));

describe.runIf(testDrivers().includes('pg'))(
	'PostgreSQL connection killed in the middle of a long write',
	() => {
		let handle: DatabaseHandle;
		let drop: () => Promise<void>;
		let url: string;

		beforeAll(async () => {
			const empty = await createEmptyTestDatabase();
			({ url, drop } = empty);
			handle = await openMigratedDatabase({ url });
			await loadFixtureData(handle.db, 10);
		}, 120_000);
		afterAll(async () => {
			await handle?.close();
			await drop?.();
		});

		it('loses the whole transaction, says the database went away, and the pool serves again', async () => {
			const before = await tableFingerprint(handle, WRITTEN);
			const name = new URL(url).pathname.slice(1);
			const write = loadActivities(handle.db, TEST_ACTOR, manyActivities(1000, 40_000), DEMO_DATASET);
			const outcome = write.then(
				() => null,
				(error: unknown) => error
			);
			// Wait until the write is running, then end its server process as a crash or an admin would.
			const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
			await admin.connect();
			let killed = 0;
			try {
				for (let tries = 0; tries < 200 && killed === 0; tries++) {
					await new Promise((resolve) => setTimeout(resolve, 50));
					const { rows } = await admin.query<{ killed: number }>(
						`SELECT count(pg_terminate_backend(pid))::int AS killed FROM pg_stat_activity
					 WHERE datname = $1 AND state IN ('active', 'idle in transaction') AND backend_xid IS NOT NULL`,
						[name]
					);
					killed = rows[0]!.killed;
				}
			} finally {
				await admin.end();
			}
			expect(killed).toBe(1);
			const error = await outcome;
			expect(error).toBeInstanceOf(Error);
			expect(isDatabaseUnavailable(error)).toBe(true);
			// The next queries get a new connection from the pool: nothing of the write is there.
			expect(await tableFingerprint(handle, WRITTEN)).toEqual(before);
			const [row] = await selectRows<{ ok: number }>(handle.db, sql`SELECT 1 AS ok`);
			expect(row?.ok).toBe(1);
		});
	}
);

/** Mounts a small tmpfs (root only), or explains why the test cannot run here. */
function mountTmpfs(dir: string, megabytes: number): void {
	try {
		execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { stdio: 'pipe' });
	} catch (error) {
		throw new Error(
			`The disk-full test mounts a ${megabytes} MB tmpfs and needs root (CI runs as root): ${String(error)}`,
			{ cause: error }
		);
	}
}

/** Fills the file system of `dir` until it refuses more: the disk is full. */
function fill(dir: string): void {
	const chunk = Buffer.alloc(1024 * 1024);
	for (let index = 0; ; index++) {
		try {
			writeFileSync(join(dir, `filler-${index}`), chunk);
		} catch {
			// The last megabyte: fill what is left in smaller pieces.
			for (let small = 0; ; small++) {
				try {
					writeFileSync(join(dir, `filler-${index}-${small}`), Buffer.alloc(4096));
				} catch {
					return;
				}
			}
		}
	}
}

describe('PGlite with its disk full in the middle of a write', () => {
	const mountPoint = mkdtempSync(join(tmpdir(), 'gtn-disk-full-'));
	const dataDir = join(mountPoint, 'pglite');
	const fillers = join(mountPoint, 'fillers');

	beforeAll(() => mountTmpfs(mountPoint, 160));
	afterAll(() => {
		execFileSync('umount', [mountPoint]);
		rmSync(mountPoint, { recursive: true, force: true });
	});

	it('refuses the write with the reason, keeps everything before it, and opens again once there is room', async () => {
		let handle = await openMigratedDatabase({ dataDir });
		await loadFixtureData(handle.db, 10);
		const before = await tableFingerprint(handle, WRITTEN);
		execFileSync('mkdir', [fillers]);
		fill(fillers);

		const error = await loadActivities(
			handle.db,
			TEST_ACTOR,
			manyActivities(1000, 20_000),
			DEMO_DATASET
		).then(
			() => null,
			(failure: unknown) => failure
		);
		expect(error).toBeInstanceOf(Error);
		expect(String((error as Error).message) + String((error as Error).cause)).toMatch(
			/No space left on device|could not (extend|write)/i
		);

		// Room again; close (PGlite may have given up on the instance) and open the directory anew.
		rmSync(fillers, { recursive: true, force: true });
		await handle.close().catch(() => undefined);
		handle = await openDatabase({ dataDir });
		try {
			expect(await tableFingerprint(handle, WRITTEN)).toEqual(before);
			// And it takes writes again.
			await loadActivities(handle.db, TEST_ACTOR, manyActivities(5000, 10), DEMO_DATASET);
		} finally {
			await handle.close();
		}
	});
});
