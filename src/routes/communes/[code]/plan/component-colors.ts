import type { GapComponent } from '$lib/analysis/types';

/**
 * One color per gap component for the decomposition bars: the Okabe–Ito palette, designed to stay
 * distinguishable with the common color-vision deficiencies (https://jfly.uni-koeln.de/color/).
 * Each segment also carries its label (title and text), so color is never the only cue.
 */
export const COMPONENT_COLORS: Record<GapComponent, string> = {
	skills: '#D55E00', // vermillion
	coverage: '#E69F00', // orange
	device: '#0072B2', // blue
	payment: '#56B4E9', // sky blue
	elderly: '#CC79A7', // reddish purple
	minority: '#009E73', // bluish green
	rurality: '#F0E442', // yellow
	classDistance: '#000000' // black
};
