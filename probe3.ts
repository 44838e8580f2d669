import { sql } from 'drizzle-orm';
import { openMigratedDatabase } from './src/lib/server/db/index';
import { importJobContent } from './src/lib/server/db/imports';
import { readTable } from './src/lib/server/import/read-table';
const handle = await openMigratedDatabase({ url: 'postgres://gotungnha_ci:gotungnha_ci@127.0.0.1:5432/gtn_fix' });
const jobs = (await handle.db.execute(sql`SELECT id, file_name, status, size FROM import_jobs ORDER BY created_at`)) as unknown as { rows: { id: string; file_name: string; status: string; size: number }[] };
for (const job of jobs.rows) {
	const bytes = (await importJobContent(handle.db, job.id))!;
	try {
		const table = await readTable(bytes, job.file_name);
		console.log(job.file_name, job.status, job.size, 'rows', table.rows.length);
	} catch (error) {
		console.log(job.file_name, job.status, job.size, 'ERROR', (error as Error).message, (error as { cause?: unknown }).cause);
	}
}
await handle.close();
