// "Where do we stand": the headline strip, title and source line over the public map, for whichever
// metric it shows. The figures are the city's progress as the dashboard reads it (target-progress.ts,
// sent with the month's public data); this module only picks and words them.
import { formatDate, formatMonth } from './format';
import { metricLabel } from './labels';
import type { MapMetricId } from './map/view-state';
import { m } from './paraglide/messages';
import { getLocale, type Locale } from './paraglide/runtime';
import type { CityStanding } from './public-map';

export interface MapHeadline {
	metric: MapMetricId;
	/** A share for the rates, index points for the gap; null when there is nothing to divide by. */
	value: number | null;
	/** The counts behind a rate (null for the gap index). */
	numerator: number | null;
	denominator: number | null;
	/** The plan's target as a share; null when the plan sets none (VNeID, the gap index). */
	target: number | null;
	/** People (households for coverage) still to reach the target; null without a target. */
	gap: number | null;
	/** What `gap` counts. */
	gapUnit: 'people' | 'households';
	/** The month the figures run to (YYYY-MM-01): the latest survey for survey rates. */
	dataMonth: string;
}

/**
 * The city's headline for `metric` in `month`: the rates from `metricProgress` (so the same figures as
 * the dashboard's cards), the gap index with its value and month only, since the plan sets it no target.
 */
export function mapHeadline(city: CityStanding, metric: MapMetricId, month: string): MapHeadline {
	if (metric === 'gap') {
		return {
			metric,
			value: city.gapIndex,
			numerator: null,
			denominator: null,
			target: null,
			gap: null,
			gapUnit: 'people',
			dataMonth: month
		};
	}
	const progress = city.progress[metric];
	return {
		metric,
		value: progress.value,
		numerator: progress.numerator,
		denominator: progress.denominator,
		target: progress.target,
		gap: progress.gap,
		gapUnit: metric === 'coverage' ? 'households' : 'people',
		dataMonth: progress.dataMonth ?? month
	};
}

/** The last day of a data month (YYYY-MM-01 → YYYY-MM-DD): "số liệu đến 30/11/2026". */
export function monthEnd(month: string): string {
	const [year, monthNumber] = month.split('-').map(Number) as [number, number];
	return new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
}

/** The map's title: "Tỷ lệ hộ được tiếp cận · tháng 11/2026". */
export function mapTitle(metric: MapMetricId, month: string, locale?: Locale): string {
	const monthText = formatMonth(month, locale);
	return m.map_title(
		{
			metric: metricLabel(metric, 'label', locale),
			// Mid-sentence in Vietnamese ("tháng 11"); English month names keep their capital.
			month:
				(locale ?? getLocale()) === 'vi' ? monthText.charAt(0).toLowerCase() + monthText.slice(1) : monthText
		},
		{ locale }
	);
}

/**
 * The source line: "Nguồn: … · số liệu đến 30/11/2026", with "ranh giới thôn ước tính" when any
 * hamlet's boundary drawn is a generated one rather than the commune's.
 */
export function mapSourceLine(dataMonth: string, approximateHamlets: number, locale?: Locale): string {
	const parts = [
		m.map_source({}, { locale }),
		m.map_source_until({ date: formatDate(monthEnd(dataMonth), locale) }, { locale })
	];
	if (approximateHamlets > 0) parts.push(m.map_source_approximate({}, { locale }));
	return parts.join(' · ');
}
