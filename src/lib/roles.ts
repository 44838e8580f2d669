/**
 * The roles of the product (issue 9's table): one list, client-safe, so pages and the permission table
 * on the server name them the same way. Labels are messages (i18n), not here.
 */
export const ROLES = ['admin', 'city', 'commune', 'team'] as const;

export type Role = (typeof ROLES)[number];

/** The signed-in person as every route sees it in `event.locals.user`. */
export interface SessionUser {
	id: string;
	username: string;
	/** Display name (may equal the username). */
	name: string;
	role: Role;
	/** The 5-digit codes of the communes the user works for; empty for `admin` and `city`. */
	communeCodes: readonly string[];
	/** An admin-set temporary password must be changed before anything else. */
	mustChangePassword: boolean;
}
