import { describe, expect, it } from 'vitest';
import { NOT_APPLICABLE_PATTERN, SPECIAL_CLASS_COLORS } from './classification';
import { HATCH_SIZE, hatchCss, hatchImage, STYLE_IMAGES } from './style-images';

function pixel(image: ReturnType<typeof hatchImage>, x: number, y: number): number[] {
	const at = (y * image.width + x) * 4;
	return [...image.data.slice(at, at + 4)];
}

describe('hatchImage', () => {
	it('draws opaque diagonal stripes on the not-applicable ground, repeating without a seam', () => {
		const image = hatchImage('#ff0000', '#0000ff');
		expect(image).toMatchObject({ width: HATCH_SIZE, height: HATCH_SIZE });
		expect(image.data).toHaveLength(HATCH_SIZE * HATCH_SIZE * 4);
		expect(pixel(image, 0, 0)).toEqual([255, 0, 0, 255]);
		expect(pixel(image, 4, 0)).toEqual([0, 0, 255, 255]);
		// Along a diagonal the color is the same, and across the tile's edge the stripe continues.
		for (let x = 0; x < HATCH_SIZE; x++) {
			expect(pixel(image, x, HATCH_SIZE - 1 - x)).toEqual(pixel(image, 0, HATCH_SIZE - 1));
			expect(pixel(image, x, 0)).toEqual(pixel(image, (x + 1) % HATCH_SIZE, HATCH_SIZE - 1));
		}
		const stripes = Array.from({ length: HATCH_SIZE }, (_, x) => pixel(image, x, 0)[0] === 255).filter(
			Boolean
		);
		expect(stripes).toHaveLength(2);
	});

	it('is the image the style names, with the legend drawing the same colors', () => {
		expect(STYLE_IMAGES[NOT_APPLICABLE_PATTERN.id]!()).toEqual(hatchImage());
		const css = hatchCss();
		expect(css).toContain(NOT_APPLICABLE_PATTERN.stripe);
		expect(css).toContain(SPECIAL_CLASS_COLORS.notApplicable);
	});
});
