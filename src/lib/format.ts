// Numbers and dates as readers of the page's language write them: Vietnamese 1.234 hộ, 82,3%,
// 14/03/2026; English 1,234, 82.3%, 14 Mar 2026.
import { intlLocale, type Locale } from './i18n';
import { m } from './paraglide/messages';
import { getLocale } from './paraglide/runtime';

// Formatters are costly to make and a ranking formats hundreds of numbers: one per locale and options.
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `${locale} ${JSON.stringify(options)}`;
	let format = numberFormats.get(key);
	if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(intlLocale(locale), options)));
	return format;
}

/** A number with the locale's grouping and decimal mark; `options` as Intl's (fraction digits). */
export function formatNumber(
	value: number,
	options: Intl.NumberFormatOptions = {},
	locale: Locale = getLocale()
): string {
	return numberFormat(locale, options).format(value);
}

/** A count: "12.345" in Vietnamese, "12,345" in English. */
export function formatCount(value: number, locale: Locale = getLocale()): string {
	return formatNumber(value, {}, locale);
}

/** A share (0.823) as a percentage ("82,3%", "82.3%"); a dash when there is no value. */
export function formatShare(
	value: number | null | undefined,
	locale: Locale = getLocale(),
	maximumFractionDigits = 1
): string {
	if (value === null || value === undefined) return '–';
	return formatNumber(value, { style: 'percent', maximumFractionDigits }, locale);
}

const DATE_OPTIONS: Record<Locale, Intl.DateTimeFormatOptions> = {
	vi: { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' },
	// Month in words: "03/04/2026" reads as 4 March to some English readers and 3 April to others.
	en: { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }
};
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

/** 'YYYY-MM-DD' → '14/03/2026' (Vietnamese), '14 Mar 2026' (English). */
export function formatDate(isoDate: string, locale: Locale = getLocale()): string {
	let format = dateFormats.get(locale);
	if (!format)
		dateFormats.set(locale, (format = new Intl.DateTimeFormat(intlLocale(locale), DATE_OPTIONS[locale])));
	return format.format(new Date(`${isoDate}T00:00:00Z`));
}

// Events happen in Hanoi: an instant is shown in Hanoi time, whatever the reader's or the server's clock.
const DATE_TIME_OPTIONS: Record<Locale, Intl.DateTimeFormatOptions> = {
	vi: { ...DATE_OPTIONS.vi, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
	en: { ...DATE_OPTIONS.en, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }
};
const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

/** An instant in Hanoi time: '01:54:10 30/11/2026' (Vietnamese), '30 Nov 2026, 01:54:10' (English). */
export function formatDateTime(instant: Date, locale: Locale = getLocale()): string {
	let format = dateTimeFormats.get(locale);
	if (!format) {
		const options = { ...DATE_TIME_OPTIONS[locale], timeZone: 'Asia/Ho_Chi_Minh' };
		dateTimeFormats.set(locale, (format = new Intl.DateTimeFormat(intlLocale(locale), options)));
	}
	return format.format(instant);
}

const timeFormats = new Map<Locale, Intl.DateTimeFormat>();

/** The time of an instant in Hanoi, hours and minutes: '14:05'. */
export function formatTime(instant: Date, locale: Locale = getLocale()): string {
	let format = timeFormats.get(locale);
	if (!format) {
		const options = {
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23',
			timeZone: 'Asia/Ho_Chi_Minh'
		} as const;
		timeFormats.set(locale, (format = new Intl.DateTimeFormat(intlLocale(locale), options)));
	}
	return format.format(instant);
}

/** A data month, '2026-11-01' → 'Tháng 11/2026' (Vietnamese), 'November 2026' (English). */
export function formatMonth(month: string, locale: Locale = getLocale()): string {
	const [year, monthNumber] = month.split('-').map(Number) as [number, number];
	return m.month_label({ month: monthNumber, year }, { locale });
}
