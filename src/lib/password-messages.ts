import { m } from './paraglide/messages';

/** Why a new password was refused (the account action's codes), in the current language. */
const PROBLEMS = {
	'too-short': m.password_too_short,
	'too-long': m.password_too_long,
	'too-common': m.password_too_common,
	'wrong-current': m.password_wrong_current,
	mismatch: m.password_mismatch
} satisfies Record<string, () => string>;

export type PasswordFormProblem = keyof typeof PROBLEMS;

export const passwordProblemMessage = (problem: PasswordFormProblem): string => PROBLEMS[problem]();
