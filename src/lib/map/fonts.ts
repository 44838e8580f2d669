import type { FontFacesSpecification, MLFontFace } from '@maplibre/maplibre-gl-style-spec';
// The attribute lets Node (Playwright imports this through layers.ts) load the JSON as well as Vite.
import unicodeRanges from '@fontsource/noto-sans/unicode.json' with { type: 'json' };

/** The `text-font` name for regular labels; the style maps it to self-hosted files in `font-faces`. */
export const FONT_REGULAR = 'Noto Sans Regular';

/** The `text-font` name for bold labels. */
export const FONT_BOLD = 'Noto Sans Bold';

/** Where scripts/copy-fonts.js puts the files: static/fonts, served from the site root. */
const DEFAULT_FONTS_URL = '/fonts';

// A Vietnamese name needs both subsets: latin for a-z and à é ô, vietnamese for đ ơ ư and ạ ắ ễ.
const SUBSETS = ['latin', 'vietnamese'] as const;

const WEIGHTS: Record<typeof FONT_REGULAR | typeof FONT_BOLD, number> = {
	[FONT_REGULAR]: 400,
	[FONT_BOLD]: 700
};

/** One Fontsource file at one weight, with the codepoints it covers, so MapLibre fetches only what a label needs. */
function fontFace(fontsUrl: string, subset: (typeof SUBSETS)[number], weight: number): MLFontFace {
	return {
		url: `${fontsUrl}/noto-sans-${subset}-${weight}-normal.woff2`,
		'unicode-range': unicodeRanges[subset].split(',')
	};
}

/**
 * The style's `font-faces`: MapLibre 6 draws labels from these files with the browser's text engine, so
 * Vietnamese tone marks stack correctly and no glyph server (PBF ranges) is needed, online or offline.
 */
export function notoSansFontFaces(fontsUrl: string = DEFAULT_FONTS_URL): FontFacesSpecification {
	return Object.fromEntries(
		Object.entries(WEIGHTS).map(([font, weight]) => [
			font,
			SUBSETS.map((subset) => fontFace(fontsUrl, subset, weight))
		])
	);
}
