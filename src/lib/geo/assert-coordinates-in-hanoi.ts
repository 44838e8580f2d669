import { InputError } from '../input-error';

/** A generous box around Hanoi ([lng, lat]): a boundary outside it is misplaced, whatever the reason. */
const HANOI_BOX = { west: 104.5, south: 20, east: 107, north: 22 } as const;

function inBox(x: number, y: number): boolean {
	return x >= HANOI_BOX.west && x <= HANOI_BOX.east && y >= HANOI_BOX.south && y <= HANOI_BOX.north;
}

/**
 * Refuses a polygon's coordinates outside the box around Hanoi before anything is written, at the first
 * such position (`path` + '.coordinates[p][r][v]'), saying the likely cause: `[lat, lng]` swapped,
 * projected metres (VN-2000 or UTM read as degrees), or a place far from Hanoi.
 */
export function assertCoordinatesInHanoi(coordinates: number[][][][], path: string): void {
	for (const [p, polygon] of coordinates.entries()) {
		for (const [r, ring] of polygon.entries()) {
			for (const [v, position] of ring.entries()) {
				const [x = NaN, y = NaN] = position;
				if (inBox(x, y)) continue;
				const where = `${path}.coordinates[${p}][${r}][${v}]`;
				const value = `[${x}, ${y}]`;
				if (inBox(y, x)) {
					throw InputError.invalid(
						'swapped-coordinates',
						{
							vi: `Tọa độ ${value}: có vẻ bị đảo vĩ độ/kinh độ (GeoJSON ghi [kinh độ, vĩ độ]) [${where}]`,
							en: `Coordinates ${value}: looks like lat/lng swapped (GeoJSON is [lng, lat]) [${where}]`
						},
						where
					);
				}
				if (Math.abs(x) > 180 || Math.abs(y) > 90) {
					throw InputError.invalid(
						'projected-coordinates',
						{
							vi: `Tọa độ ${value}: có vẻ là tọa độ phẳng: hệ tọa độ nào? Đây là mét, không phải độ: hãy kèm tệp .prj hoặc chọn hệ tọa độ (VN-2000?) [${where}]`,
							en: `Coordinates ${value}: looks projected: which CRS? They are metres, not degrees: include the .prj, or choose the CRS (VN-2000?) [${where}]`
						},
						where
					);
				}
				throw InputError.invalid(
					'outside-hanoi',
					{
						vi: `Tọa độ ${value} nằm xa Hà Nội [${where}]`,
						en: `Coordinates ${value} are far outside Hanoi [${where}]`
					},
					where
				);
			}
		}
	}
}
