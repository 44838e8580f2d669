// Images the style refers to by id (fill patterns), made from code rather than a sprite sheet: the map
// adds one when the style first asks for it (MapLibre's missing-image resolver), so it survives style diffs.
import { NOT_APPLICABLE_PATTERN, SPECIAL_CLASS_COLORS } from './classification';

/** A raw RGBA image as `map.addImage` takes it. */
export interface RgbaImage {
	width: number;
	height: number;
	data: Uint8Array;
}

function rgb(hex: string): [number, number, number] {
	const value = Number.parseInt(hex.slice(1), 16);
	return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** One hatch tile's geometry: a square of `HATCH_SIZE` px with one diagonal stripe `HATCH_WIDTH` px wide. */
export const HATCH_SIZE = 8;
const HATCH_WIDTH = 2;

/**
 * Diagonal stripes (lower left to upper right, 45°) on the "not applicable" ground: a tile that repeats
 * seamlessly, since a pixel's stripe depends on (x + y) modulo the size. The legend's swatch draws the
 * same stripes in CSS (`hatchCss`).
 */
export function hatchImage(
	stripe: string = NOT_APPLICABLE_PATTERN.stripe,
	ground: string = SPECIAL_CLASS_COLORS.notApplicable
): RgbaImage {
	const data = new Uint8Array(HATCH_SIZE * HATCH_SIZE * 4);
	const [stripeColor, groundColor] = [rgb(stripe), rgb(ground)];
	for (let y = 0; y < HATCH_SIZE; y++) {
		for (let x = 0; x < HATCH_SIZE; x++) {
			const onStripe = (x + y) % HATCH_SIZE < HATCH_WIDTH;
			data.set([...(onStripe ? stripeColor : groundColor), 255], (y * HATCH_SIZE + x) * 4);
		}
	}
	return { width: HATCH_SIZE, height: HATCH_SIZE, data };
}

/** The same hatch as a CSS background, for the legend's swatch. */
export function hatchCss(
	stripe: string = NOT_APPLICABLE_PATTERN.stripe,
	ground: string = SPECIAL_CLASS_COLORS.notApplicable
): string {
	const period = (HATCH_SIZE / Math.SQRT2).toFixed(2);
	const width = (HATCH_WIDTH / Math.SQRT2).toFixed(2);
	return `repeating-linear-gradient(-45deg, ${stripe} 0 ${width}px, ${ground} ${width}px ${period}px)`;
}

/** Every image a style of ours may name, by id. */
export const STYLE_IMAGES: Readonly<Record<string, () => RgbaImage>> = {
	[NOT_APPLICABLE_PATTERN.id]: () => hatchImage()
};
