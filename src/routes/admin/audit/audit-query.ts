// What /admin/audit and its CSV share: who may read the trail, and the filters read from the URL.
import { error, redirect } from '@sveltejs/kit';
import {
	givenParams,
	readChoiceParam,
	readCommuneCodeParam,
	readDayParam,
	readPageParam,
	readTextParam
} from '$lib/params';
import { AUDIT_ACTIONS, type AuditAction, type AuditFilter } from '$lib/audit';

/**
 * Only an admin reads the audit trail. The permission table of the accounts work checks this centrally
 * too; this check stays so that the trail is never open while (or if) that table misses the route.
 */
export function requireAdmin(locals: App.Locals, url: URL): void {
	const user = locals.user;
	if (!user) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	if (user.role !== 'admin') {
		error(403, {
			message: 'Chỉ quản trị viên được xem nhật ký thay đổi',
			messageEn: 'Only administrators may read the audit trail',
			code: 'forbidden'
		});
	}
}

/** Events per page of /admin/audit. */
export const AUDIT_PAGE_SIZE = 50;

/** What the filter form shows back: the parameters as given (a type, so it is a record of strings). */
export type AuditQueryValues = {
	user: string;
	commune: string;
	action: AuditAction | '';
	from: string;
	to: string;
};

/** Midnight in Hanoi (UTC+7, no daylight saving) at the start of a day. */
function hanoiMidnight(day: string, plusDays = 0): Date {
	const start = new Date(`${day}T00:00:00+07:00`);
	return new Date(start.getTime() + plusDays * 86_400_000);
}

/**
 * The filters of the URL (`user`, `commune`, `action`, `from`, `to` as Hanoi days, both included) and
 * the page; a bad one is an InputError (400) from the shared readers.
 */
export function readAuditQuery(search: URLSearchParams): {
	filter: AuditFilter;
	values: AuditQueryValues;
	page: number;
} {
	const params = givenParams(search);
	const user = readTextParam(params, 'user', 100);
	const commune = readCommuneCodeParam(params, 'commune');
	const action = params.has('action')
		? readChoiceParam(params, 'action', AUDIT_ACTIONS, AUDIT_ACTIONS[0], (text) => ({
				code: 'invalid-action',
				message: { vi: `Không có thao tác "${text}"`, en: `No action is called "${text}"` }
			}))
		: undefined;
	const from = readDayParam(params, 'from');
	const to = readDayParam(params, 'to');
	return {
		filter: {
			username: user,
			communeCode: commune,
			action,
			since: from === undefined ? undefined : hanoiMidnight(from),
			until: to === undefined ? undefined : hanoiMidnight(to, 1)
		},
		values: {
			user: user ?? '',
			commune: commune ?? '',
			action: action ?? '',
			from: from ?? '',
			to: to ?? ''
		},
		page: readPageParam(params)
	};
}
