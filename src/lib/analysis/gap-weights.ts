import { GAP_COMPONENTS, zeroComponents } from './gap-components';
import type { GapComponent, InputIssue } from './types';

/**
 * The default weights (sum 1). Half goes to what plan 20/KH-UBND measures directly: skills first
 * (its 100 % target and the teams' main job, 0.25), then households not yet reached (the teams' own
 * lever, 0.2), smartphones (0.15, target 85 %) and e-payment (0.1, urban only, target 50 %). The
 * other 0.3 goes to who the plan names as at risk: the elderly and ethnic minorities (0.1 each), and
 * rural areas and distance from classes (0.05 each; both are partly captured by the gaps already).
 */
export const DEFAULT_GAP_WEIGHTS: Record<GapComponent, number> = {
	skills: 0.25,
	coverage: 0.2,
	device: 0.15,
	payment: 0.1,
	elderly: 0.1,
	minority: 0.1,
	rurality: 0.05,
	classDistance: 0.05
};

/**
 * Checks weights sent by a user (sliders, URL) and normalises them to sum 1. A missing component
 * counts as 0; unknown keys are refused rather than ignored, so a typo cannot silently zero a weight.
 *
 * @param weights anything; a valid value is an object `{ [component]: number ≥ 0 }` with a positive sum
 * @returns the normalised weights, or every problem found (Vietnamese and English)
 * @example
 * validateGapWeights({ skills: 1, coverage: 1 }); // → { ok: true, weights: { skills: 0.5, coverage: 0.5, device: 0, … } }
 */
export function validateGapWeights(
	weights: unknown
): { ok: true; weights: Record<GapComponent, number> } | { ok: false; errors: InputIssue[] } {
	if (typeof weights !== 'object' || weights === null || Array.isArray(weights)) {
		return {
			ok: false,
			errors: [
				{
					path: 'weights',
					code: 'not-an-object',
					vi: 'Trọng số phải là một đối tượng {thành phần: số}',
					en: 'Weights must be an object of {component: number}'
				}
			]
		};
	}
	const errors: InputIssue[] = [];
	const known = new Set<string>(GAP_COMPONENTS);
	const result = zeroComponents();
	for (const [key, value] of Object.entries(weights)) {
		const path = `weights.${key}`;
		if (!known.has(key)) {
			errors.push({
				path,
				code: 'unknown-component',
				vi: `Thành phần không xác định: "${key}"`,
				en: `Unknown component: "${key}"`
			});
		} else if (typeof value !== 'number' || !Number.isFinite(value)) {
			errors.push({
				path,
				code: 'not-a-number',
				vi: 'Trọng số phải là một số hữu hạn',
				en: 'Weight must be a finite number'
			});
		} else if (value < 0) {
			errors.push({
				path,
				code: 'negative',
				vi: 'Trọng số không được âm',
				en: 'Weights must not be negative'
			});
		} else {
			result[key as GapComponent] = value;
		}
	}
	if (errors.length > 0) return { ok: false, errors };
	const sum = GAP_COMPONENTS.reduce((total, component) => total + result[component], 0);
	if (!(sum > 0) || !Number.isFinite(sum)) {
		return {
			ok: false,
			errors: [
				{
					path: 'weights',
					code: 'all-zero',
					vi: 'Cần ít nhất một trọng số lớn hơn 0',
					en: 'At least one weight must be greater than 0'
				}
			]
		};
	}
	for (const component of GAP_COMPONENTS) result[component] /= sum;
	return { ok: true, weights: result };
}
