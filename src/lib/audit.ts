// The actions of the audit trail, client-safe: the data layer records them, /admin/audit filters and labels them.

/** Every action the product records; a new kind of write adds its own (and its label in messages). */
export const AUDIT_ACTIONS = [
	'plan.create',
	'plan.update',
	'plan.delete',
	'plan.restore',
	'dataset.load',
	'dataset.import',
	'dataset.withdraw',
	'hamlet-boundaries.replace',
	'hamlet-boundaries.undo',
	'hamlet.restore',
	'data.reset',
	'seed',
	'user.create',
	'user.access',
	'user.disable',
	'user.enable',
	'user.password',
	'activity.record',
	'activity.update',
	'activity.delete',
	'team.create',
	'team-member.add',
	'team-member.update',
	'team-member.remove'
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * The query of /admin/audit (and its CSV) for the filters as given and a page: empty fields left out,
 * page 1 implied; '' when nothing is set, else '?…'.
 */
export function auditQuery(values: Readonly<Record<string, string>>, page = 1): `?${string}` | '' {
	const entries = Object.entries(values).filter(([, value]) => value !== '');
	if (page > 1) entries.push(['page', String(page)]);
	return entries.length > 0 ? `?${new URLSearchParams(entries)}` : '';
}

/** The filters of /admin/audit; every one optional. `until` is exclusive. */
export interface AuditFilter {
	username?: string;
	communeCode?: string;
	action?: AuditAction;
	since?: Date;
	until?: Date;
}
