import { sql, type SQL } from 'drizzle-orm';
import { URBAN_UNIT_TYPE } from '../../analysis/rural';

/**
 * `isRuralHamlet` as a SQL expression, for queries that decide rurality in the database (the map's
 * figures, the tiles): `hamlet` and `commune` are the aliases (or table names) of a hamlets row and its
 * commune's row. Tested against `isRuralHamlet` on every combination (db/rural.test.ts).
 */
export function ruralHamletSql(hamlet = 'h', commune = 'c'): SQL {
	const h = sql.identifier(hamlet);
	const c = sql.identifier(commune);
	return sql`(${c}.unit_type <> ${sql.raw(`'${URBAN_UNIT_TYPE}'`)} OR ${h}.is_rural)`;
}
