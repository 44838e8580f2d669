// better-auth reaches our tables through its drizzle adapter, built here because only db/ may name them.
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { Database } from './index';
import { accounts, sessions, users, verifications } from './auth-schema';

/** The adapter over the app's database: plural table names (users, sessions, accounts, verifications). */
export function authDatabaseAdapter(db: Database) {
	return drizzleAdapter(db, {
		provider: 'pg',
		usePlural: true,
		schema: { users, sessions, accounts, verifications }
	});
}
