import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, openMigratedDatabase, selectRows } from './index';
import { openTestDatabase, testDrivers } from './test-databases';

describe('the embedded database on disk', () => {
	const dataDir = mkdtempSync(join(tmpdir(), 'gtn-pglite-'));
	afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

	it('keeps its data across a close and reopen, and refuses a second opener meanwhile', async () => {
		const first = await openMigratedDatabase({ dataDir });
		await first.db.execute(
			sql`INSERT INTO datasets (id, kind, title, source) VALUES ('kept', 'uploaded', 'kept', 'test')`
		);
		await expect(openDatabase({ dataDir })).rejects.toThrow(/đang được một tiến trình khác sử dụng/);
		await first.close();

		const second = await openMigratedDatabase({ dataDir });
		try {
			expect(await selectRows(second.db, sql`SELECT id FROM datasets`)).toEqual([{ id: 'kept' }]);
		} finally {
			await second.close();
		}
	});
});

describe.runIf(testDrivers().includes('pg'))('the PostgreSQL pool', () => {
	it('turns JIT off on every connection it opens, the first query included', async () => {
		const handle = await openTestDatabase('pg');
		try {
			// More queries at once than the pool holds open, so several new connections answer.
			const settings = await Promise.all(
				Array.from({ length: 12 }, () => selectRows<{ jit: string }>(handle.db, sql`SHOW jit`))
			);
			expect(settings.map(([row]) => row!.jit)).toEqual(Array(12).fill('off'));
		} finally {
			await handle.close();
		}
	});
});
