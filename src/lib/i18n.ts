// Glue between Paraglide (messages/*.json, compiled into $lib/paraglide) and the rest of the app.
import type { ResolvedPathname } from '$app/types';
import type { Label } from './domain';
import { baseLocale, getLocale, localizeHref, type Locale } from './paraglide/runtime';

export type { Locale };

/** A compiled message without parameters, as `m.some_message`. */
export type PlainMessage = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

/** The Intl locale for numbers and dates: English dates day first, as in Vietnam. */
export function intlLocale(locale: Locale = getLocale()): string {
	return locale === 'en' ? 'en-GB' : 'vi-VN';
}

/** A text that comes in both languages (validation messages, JSON errors) in `locale`. */
export function localized(label: Label, locale: Locale = getLocale()): string {
	return label[locale];
}

/** A server text that carries both languages (`App.Error`, JSON errors, analysis messages) in `locale`. */
export function messageIn(
	text: { message: string; messageEn?: string },
	locale: Locale = getLocale()
): string {
	return locale === 'en' ? (text.messageEn ?? text.message) : text.message;
}

/**
 * A message in both languages, for answers that carry both (JSON exports, CSV reasons): the text
 * itself lives once, in messages/*.json.
 */
export function bilingual(message: PlainMessage): Label {
	return { vi: message({}, { locale: 'vi' }), en: message({}, { locale: 'en' }) };
}

/**
 * A path from `resolve()` in the page's language (`/en/…` on English pages): links must keep the
 * language, which the URL carries. Still a resolved path, as ESLint's navigation rule wants.
 */
export function localizePath(path: ResolvedPathname, locale: Locale = getLocale()): ResolvedPathname {
	return localizeHref(path, { locale }) as ResolvedPathname;
}

/**
 * The same view in `target`: path, query and hash kept. `url` is the page's URL, localized or not.
 * The link needs `data-sveltekit-reload`: a client-side navigation would keep the old language.
 */
export function switchLocaleHref(url: URL, target: Locale): ResolvedPathname {
	return localizePath(`${url.pathname}${url.search}${url.hash}` as ResolvedPathname, target);
}

/**
 * Where `/vi/…` goes: the Vietnamese page has one address, without a prefix (`/vi/…` would otherwise be
 * a copy of it). Null for every other URL.
 */
export function baseLocalePrefixRedirect(url: URL): string | null {
	const prefix = `/${baseLocale}`;
	if (url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) return null;
	return `${url.pathname.slice(prefix.length) || '/'}${url.search}`;
}
