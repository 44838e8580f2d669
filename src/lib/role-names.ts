import { m } from './paraglide/messages';
import type { Role } from './roles';

const ROLE_NAMES = {
	admin: m.role_admin,
	city: m.role_city,
	commune: m.role_commune,
	team: m.role_team
} satisfies Record<Role, () => string>;

/** A role's name in the current language. */
export const roleName = (role: Role): string => ROLE_NAMES[role]();
