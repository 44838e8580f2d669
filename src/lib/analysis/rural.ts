// What "rural" means, once: the e-payment target (urban adults only), the rurality component, the
// "rural" flag and filter, the map's rates and the planner's totals all read this rule. Its SQL twin,
// `ruralHamletSql` in server/db/rural.ts, is built from the same constant and tested against it.
import type { UnitType } from '../domain';

/**
 * The commune unit type whose residents are urban. Statistics count phường as urban (thành thị) and xã
 * as rural (nông thôn), which is how the plan's urban e-payment target is measured.
 */
export const URBAN_UNIT_TYPE = 'phường' satisfies UnitType;

/** What the rule reads of a hamlet. */
interface RuralityFacts {
	/** Its commune is a phường ({@link URBAN_UNIT_TYPE}). */
	isWard: boolean;
	/** The hamlet itself is recorded as rural (a thôn, xóm or bản). */
	isRural: boolean;
}

/**
 * A hamlet is rural when its commune is a xã, or when it is itself rural: a tổ dân phố in a xã counts
 * as rural (the statistics count the xã's residents as rural), and so does a thôn inside a phường (a
 * village the ward absorbed, still recorded as rural). Urban needs both signals, so the urban-only
 * e-payment target is never set where it may not apply.
 */
export function isRuralHamlet(hamlet: RuralityFacts): boolean {
	return !hamlet.isWard || hamlet.isRural;
}
