import { isHttpError, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { auditQuery } from '$lib/audit';
import { InputError } from '$lib/input-error';
import type { Role } from '$lib/roles';
import { readAuditQuery, requireAdmin } from './audit-query';

const url = new URL('http://localhost/admin/audit?action=plan.delete');

function userWith(role: Role): App.Locals {
	return {
		user: { id: 'u1', username: 'u1', name: 'U1', role, communeCodes: [], mustChangePassword: false }
	};
}

/** What requireAdmin throws (a redirect or an HTTP error), or undefined when it lets the user through. */
function thrownBy(locals: App.Locals): unknown {
	try {
		requireAdmin(locals, url);
		return undefined;
	} catch (thrown) {
		return thrown;
	}
}

describe('requireAdmin', () => {
	it('sends an anonymous visitor to sign in, back to the same page', () => {
		const thrown = thrownBy({ user: null });
		expect(isRedirect(thrown) && thrown.location).toBe(
			'/login?redirectTo=%2Fadmin%2Faudit%3Faction%3Dplan.delete'
		);
	});

	it.each(['city', 'commune', 'team'] as const)('refuses a %s user with a 403', (role) => {
		const thrown = thrownBy(userWith(role));
		expect(isHttpError(thrown) && thrown.status).toBe(403);
	});

	it('lets an admin through', () => {
		expect(thrownBy(userWith('admin'))).toBeUndefined();
	});
});

describe('readAuditQuery', () => {
	it('reads the filters, days as Hanoi days with the end day included, empty fields as absent', () => {
		const { filter, values, page } = readAuditQuery(
			new URLSearchParams('user=canbo&commune=00004&action=plan.update&from=2026-12-01&to=2026-12-01&page=2')
		);
		expect(filter).toEqual({
			username: 'canbo',
			communeCode: '00004',
			action: 'plan.update',
			since: new Date('2026-11-30T17:00:00Z'),
			until: new Date('2026-12-01T17:00:00Z')
		});
		expect(values).toEqual({
			user: 'canbo',
			commune: '00004',
			action: 'plan.update',
			from: '2026-12-01',
			to: '2026-12-01'
		});
		expect(page).toBe(2);
		expect(readAuditQuery(new URLSearchParams('user=&commune=&action=&from=&to=')).filter).toEqual({
			username: undefined,
			communeCode: undefined,
			action: undefined,
			since: undefined,
			until: undefined
		});
	});

	it.each(['action=plan.drop', 'from=2026-13-01', 'to=yesterday', 'page=0'])(
		'refuses %s with a 400',
		(query) => {
			let thrown: unknown;
			try {
				readAuditQuery(new URLSearchParams(query));
			} catch (error) {
				thrown = error;
			}
			expect(thrown).toBeInstanceOf(InputError);
			expect((thrown as InputError).kind).toBe('invalid');
		}
	);
});

describe('auditQuery', () => {
	it('keeps the given filters and the page after the first, in the order of the form', () => {
		const values = { user: 'canbo', commune: '', action: 'plan.delete', from: '', to: '2026-12-31' };
		expect(auditQuery(values)).toBe('?user=canbo&action=plan.delete&to=2026-12-31');
		expect(auditQuery(values, 3)).toBe('?user=canbo&action=plan.delete&to=2026-12-31&page=3');
		expect(auditQuery({ user: '', commune: '' })).toBe('');
		expect(auditQuery({ user: 'a&b=c' }, 2)).toBe('?user=a%26b%3Dc&page=2');
	});
});
