import type { AnalysisLabel, GapComponent } from './types';

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

export const GAP_COMPONENT_LABELS: Record<GapComponent, AnalysisLabel> = {
	skills: { vi: 'Thiếu kỹ năng số', en: 'Skills gap' },
	coverage: { vi: 'Hộ chưa được tiếp cận', en: 'Households not reached' },
	device: { vi: 'Thiếu điện thoại thông minh', en: 'Smartphone gap' },
	payment: { vi: 'Thiếu thanh toán điện tử', en: 'E-payment gap' },
	elderly: { vi: 'Người cao tuổi', en: 'Elderly' },
	minority: { vi: 'Đồng bào dân tộc thiểu số', en: 'Ethnic minorities' },
	rurality: { vi: 'Nông thôn', en: 'Rural' },
	classDistance: { vi: 'Xa lớp học', en: 'Far from classes' }
};

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
