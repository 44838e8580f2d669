import { getAppDatabase } from '$lib/server/db/app-database';
import { listAuditEvents } from '$lib/server/db/audit';
import { withErrorPage } from '$lib/server/input-error-http';
import { AUDIT_PAGE_SIZE, readAuditQuery, requireAdmin } from './audit-query';
import type { PageServerLoad } from './$types';

/** The audit trail, newest first, filtered and paginated (admins only). */
export const load: PageServerLoad = ({ locals, url }) =>
	withErrorPage(async () => {
		requireAdmin(locals, url);
		const { filter, values, page } = readAuditQuery(url.searchParams);
		const { db } = await getAppDatabase();
		const { events, total } = await listAuditEvents(db, filter, {
			limit: AUDIT_PAGE_SIZE,
			offset: (page - 1) * AUDIT_PAGE_SIZE
		});
		return {
			events: events.map((event) => ({
				...event,
				occurredAt: event.occurredAt.toISOString(),
				changes: event.changes === null ? '' : JSON.stringify(event.changes, null, 1)
			})),
			total,
			page,
			pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
			values
		};
	});
