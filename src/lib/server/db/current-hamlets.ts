// The one definition of a current hamlet: one that no official boundary upload has retired
// (hamlets.retired_at is null). Every read that shows or counts hamlets — the map's figures and tiles, the
// planner, the gap analysis and hot spots, the dashboard, the search, the exports, the import templates and
// matching, the field app — takes its hamlets from here, so a retired hamlet leaves all of them at once
// while its row, figures, activities and surveys stay stored (an undone retirement brings them back).
// current-hamlets.test.ts lists each read path and proves the rule holds in it; src/lib/server/db's own
// remaining `FROM hamlets` reads are named there with why they may see retired hamlets.
import { isNull, sql } from 'drizzle-orm';
import { hamlets } from './schema';

/** The predicate for query-builder reads of the `hamlets` table: `.where(and(…, isCurrentHamlet))`. */
export const isCurrentHamlet = isNull(hamlets.retiredAt);

/** The current hamlets as a relation for SQL text: `FROM ${currentHamlets} h` (planned like a view). */
export const currentHamlets = sql`(SELECT * FROM ${hamlets} WHERE ${isCurrentHamlet})`;
