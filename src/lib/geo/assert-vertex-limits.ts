import { InputError } from '../input-error';

/** How many vertices a polygon file may hold: per feature and in all. */
export interface VertexLimits {
	perFeature: number;
	total: number;
}

/** Counts the positions in raw GeoJSON coordinates, stopping as soon as the count passes `stopAbove`. */
function countPositions(coordinates: unknown, stopAbove: number): number {
	if (!Array.isArray(coordinates)) return 0;
	if (typeof coordinates[0] === 'number') return 1;
	let count = 0;
	for (const child of coordinates) {
		count += countPositions(child, stopAbove - count);
		if (count > stopAbove) return count;
	}
	return count;
}

/**
 * Refuses features with more vertices than the limits before any validation or SQL, so a polygon with a
 * million vertices fails in milliseconds instead of tying up the database. Reads raw parsed JSON.
 */
export function assertVertexLimits(
	features: readonly unknown[],
	limits: VertexLimits,
	listName: string
): void {
	let total = 0;
	for (const [index, feature] of features.entries()) {
		const coordinates = (feature as { geometry?: { coordinates?: unknown } } | null)?.geometry?.coordinates;
		const count = countPositions(coordinates, limits.perFeature);
		const path = `${listName}[${index}].geometry`;
		if (count > limits.perFeature) {
			throw InputError.invalid(
				'too-many-vertices',
				{
					vi: `Đa giác có hơn ${limits.perFeature} đỉnh (giới hạn mỗi đối tượng): hãy đơn giản hóa [${path}]`,
					en: `The polygon has more than ${limits.perFeature} vertices (the limit per feature): simplify it [${path}]`
				},
				path
			);
		}
		total += count;
		if (total > limits.total) {
			throw InputError.invalid(
				'too-many-vertices',
				{
					vi: `Tệp có hơn ${limits.total} đỉnh (giới hạn cả tệp) [${path}]`,
					en: `The file has more than ${limits.total} vertices (the limit per file) [${path}]`
				},
				path
			);
		}
	}
}
