// npm run restore -- FILE [--force] — restore a backup into DATABASE_URL or the embedded data directory,
// which must be empty unless --force (everything in it is replaced). Stop the app first.
import { BackupError, restoreDatabase } from '../src/lib/server/db/backup';
import { databaseTarget, describeDatabase } from './database-from-env';

const args = process.argv.slice(2);
const force = args.includes('--force');
const files = args.filter((arg) => !arg.startsWith('--'));
if (files.length !== 1) {
	console.error('Usage: npm run restore -- FILE [--force]');
	process.exit(2);
}

const started = performance.now();
try {
	const facts = await restoreDatabase(databaseTarget(), files[0]!, { force });
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.log(
		`Đã khôi phục (restored) ${files[0]} → ${describeDatabase()} in ${seconds} s: ` +
			`${facts.migrations.count} migrations, data revision ${facts.revision}` +
			' (the app migrates it to its own level at its next start)'
	);
} catch (error) {
	console.error(error instanceof BackupError ? error.message : error);
	process.exit(1);
}
