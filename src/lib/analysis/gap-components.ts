import type { GapComponent } from './types';

/** The components of the digital-gap index, in display order: what is missing, then who is at risk. */
export const GAP_COMPONENTS = [
	'skills',
	'coverage',
	'device',
	'payment',
	'elderly',
	'minority',
	'rurality',
	'classDistance'
] as const satisfies readonly GapComponent[];

/**
 * A record of 0 for every component: the start of weights, contributions and normalised values.
 *
 * @returns a new object each call, so callers may fill it in place
 */
export function zeroComponents(): Record<GapComponent, number> {
	return Object.fromEntries(GAP_COMPONENTS.map((component) => [component, 0])) as Record<
		GapComponent,
		number
	>;
}
