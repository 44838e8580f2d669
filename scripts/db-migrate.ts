// npm run db:migrate — apply drizzle/ migrations to DATABASE_URL or the embedded database.
import { describeDatabase, openDatabaseFromEnvironment } from './database-from-env';

const started = performance.now();
const handle = await openDatabaseFromEnvironment();
await handle.close();
console.log(
	`Đã cập nhật cấu trúc CSDL (migrated) ${describeDatabase()} in ${Math.round(performance.now() - started)} ms`
);
