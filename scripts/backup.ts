// npm run backup [-- --out DIR] — one file in DIR (default BACKUP_DIR or backups/): a pg_dump archive of
// DATABASE_URL, or the embedded data directory's tarball (stop the server first: its lock refuses otherwise).
import { readFileSync } from 'node:fs';
import { BackupError, backupDatabase } from '../src/lib/server/db/backup';
import { databaseTarget, describeDatabase } from './database-from-env';

const outIndex = process.argv.indexOf('--out');
const outDir = (outIndex > 0 ? process.argv[outIndex + 1] : undefined) ?? process.env.BACKUP_DIR ?? 'backups';
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

const started = performance.now();
try {
	const { file, bytes, facts } = await backupDatabase(databaseTarget(), outDir, version);
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.log(
		`Đã sao lưu (backed up) ${describeDatabase()} → ${file}: ${(bytes / 1e6).toFixed(1)} MB in ${seconds} s, ` +
			`${facts.migrations.count} migrations, data revision ${facts.revision}`
	);
} catch (error) {
	console.error(error instanceof BackupError ? error.message : error);
	process.exit(1);
}
