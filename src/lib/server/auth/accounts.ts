// Rules of accounts shared by the sign-in, the admin page, the CLI and the first admin: usernames,
// password strength, hashing (better-auth's scrypt, so that its sign-in verifies what we store).
import { hashPassword } from 'better-auth/crypto';
import { randomBytes } from 'node:crypto';
import { ROLES, type Role } from '../../roles';

/** better-auth's username plugin lowercases usernames and accepts letters, digits, '_' and '.'. */
const USERNAME = /^[a-z0-9_.]{3,30}$/;

export const MIN_PASSWORD_LENGTH = 10;
/** scrypt's cost grows with the input; a bound keeps one request from tying up the CPU. */
export const MAX_PASSWORD_LENGTH = 128;

/**
 * The most common passwords of at least 10 characters (public breach lists, plus Vietnamese ones such
 * as "matkhau" = password): long enough for the length rule, and the first ones an attacker tries.
 */
const COMMON_PASSWORDS = new Set([
	'1234567890',
	'0123456789',
	'12345678910',
	'123456789a',
	'a123456789',
	'1234567890a',
	'qwertyuiop',
	'1q2w3e4r5t',
	'1qaz2wsx3edc',
	'qwerty123456',
	'password12',
	'password123',
	'password1234',
	'passw0rd123',
	'iloveyou12',
	'iloveyou123',
	'abc1234567',
	'abcd123456',
	'abcdefghij',
	'1111111111',
	'0000000000',
	'9876543210',
	'asdfghjkl1',
	'zxcvbnm123',
	'matkhau123',
	'matkhau1234',
	'matkhaumoi',
	'admin12345',
	'admin123456',
	'administrator',
	'hanoi12345',
	'vietnam123',
	'vietnam1234',
	'anhyeuem123',
	'gotungnha123'
]);

export type PasswordProblem = 'too-short' | 'too-long' | 'too-common';

/** Why a password is refused, or null when it may be used. */
export function passwordProblem(password: string, username = ''): PasswordProblem | null {
	if (password.length < MIN_PASSWORD_LENGTH) return 'too-short';
	if (password.length > MAX_PASSWORD_LENGTH) return 'too-long';
	const folded = password.toLowerCase();
	if (COMMON_PASSWORDS.has(folded) || (username !== '' && folded.includes(username.toLowerCase()))) {
		return 'too-common';
	}
	return null;
}

/** The username as better-auth stores it (lowercase), or null when it is not a valid one. */
export function normalUsername(text: string): string | null {
	const username = text.trim().toLowerCase();
	return USERNAME.test(username) ? username : null;
}

export function isRole(text: string): text is Role {
	return (ROLES as readonly string[]).includes(text);
}

/** Roles that work for communes must name at least one; the others name none. */
export function communesFitRole(role: Role, communeCodes: readonly string[]): boolean {
	return role === 'commune' || role === 'team' ? communeCodes.length > 0 : communeCodes.length === 0;
}

/** A temporary password an admin hands over once: 16 characters from 12 random bytes. */
export function temporaryPassword(): string {
	return randomBytes(12).toString('base64url');
}

export const passwordHash = (password: string): Promise<string> => hashPassword(password);
