import { getAppDatabase } from '$lib/server/db/app-database';
import { listAuditEvents } from '$lib/server/db/audit';
import { withErrorPage } from '$lib/server/input-error-http';
import { spreadsheetCsv } from '$lib/spreadsheet-cells';
import { readAuditQuery, requireAdmin } from '../audit-query';
import type { RequestHandler } from './$types';

/** The most events one export holds: a year of a busy city's writes; narrow the filter for more. */
const EXPORT_LIMIT = 100_000;

const COLUMNS = [
	'id',
	'occurred_at',
	'actor_kind',
	'user_id',
	'username',
	'role',
	'system_reason',
	'action',
	'entity_type',
	'entity_id',
	'commune_code',
	'changes',
	'request_id',
	'client_address'
];

/** The filtered audit events as CSV, newest first (admins only). */
export const GET: RequestHandler = ({ locals, url }) =>
	withErrorPage(async () => {
		requireAdmin(locals, url);
		const { filter } = readAuditQuery(url.searchParams);
		const { db } = await getAppDatabase();
		const { events } = await listAuditEvents(db, filter, { limit: EXPORT_LIMIT, offset: 0 });
		const rows = events.map((event) => [
			event.id,
			event.occurredAt.toISOString(),
			event.actorKind,
			event.userId,
			event.username,
			event.role,
			event.systemReason,
			event.action,
			event.entityType,
			event.entityId,
			event.communeCode,
			event.changes === null ? '' : JSON.stringify(event.changes),
			event.requestId,
			event.clientAddress
		]);
		return new Response(spreadsheetCsv(COLUMNS, rows), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': 'attachment; filename="audit-events.csv"',
				'cache-control': 'no-store'
			}
		});
	});
