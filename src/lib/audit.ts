// The actions of the audit trail, client-safe: the data layer records them, /admin/audit filters and labels them.

/** Every action the product records; a new kind of write adds its own (and its label in messages). */
export const AUDIT_ACTIONS = [
	'plan.create',
	'plan.update',
	'plan.delete',
	'dataset.load',
	'hamlet-boundaries.replace',
	'data.reset',
	'seed'
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
