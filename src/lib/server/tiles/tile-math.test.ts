import { describe, expect, it } from 'vitest';
import { parseTileCoordinates, tileBounds, tileContaining } from './tile-math';

describe('parseTileCoordinates', () => {
	it('accepts integer coordinates on the grid', () => {
		expect(parseTileCoordinates('0', '0', '0')).toEqual({ ok: true, tile: { z: 0, x: 0, y: 0 } });
		expect(parseTileCoordinates('12', '3252', '1797')).toEqual({
			ok: true,
			tile: { z: 12, x: 3252, y: 1797 }
		});
		expect(parseTileCoordinates('22', String(2 ** 22 - 1), '0').ok).toBe(true);
	});

	it.each([
		['-1', '0', '0'],
		['1.5', '0', '0'],
		['3', '1e1', '1'],
		['3', '', '1'],
		['3', '+1', '1'],
		['3', '0x1', '1'],
		['abc', '0', '0'],
		['3', '1', ' 1']
	])('refuses the non-integer or negative %s/%s/%s', (z, x, y) => {
		const result = parseTileCoordinates(z, x, y);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message.en).toContain('non-negative integers');
	});

	it('refuses zooms above 22 and x or y off the grid', () => {
		const tooDeep = parseTileCoordinates('23', '0', '0');
		expect(tooDeep).toMatchObject({
			ok: false,
			message: { en: 'Invalid tile 23/0/0: the maximum zoom is 22' }
		});
		expect(parseTileCoordinates('3', '8', '1')).toMatchObject({ ok: false });
		expect(parseTileCoordinates('3', '1', '8')).toMatchObject({ ok: false });
		expect(parseTileCoordinates('0', '1', '0')).toMatchObject({ ok: false });
		const offGrid = parseTileCoordinates('3', '9', '1');
		expect(offGrid.ok || offGrid.message.vi).toBe(
			'Ô bản đồ 3/9/1 nằm ngoài lưới: ở mức 3, x và y phải nhỏ hơn 8'
		);
	});
});

describe('tileBounds', () => {
	it('gives the whole Web Mercator world at zoom 0', () => {
		const [west, south, east, north] = tileBounds({ z: 0, x: 0, y: 0 });
		expect([west, east]).toEqual([-180, 180]);
		expect(north).toBeCloseTo(85.0511287798, 9);
		expect(south).toBeCloseTo(-85.0511287798, 9);
	});

	it('splits the world at the equator and the prime meridian at zoom 1', () => {
		const bounds = tileBounds({ z: 1, x: 1, y: 0 });
		expect(bounds[0]).toBe(0);
		expect(bounds[1]).toBeCloseTo(0, 12);
		expect(bounds[2]).toBe(180);
	});

	it('matches the known bounds of a tile over Hà Nội', () => {
		// z12 tile over Hoàn Kiếm; reference values from ST_TileEnvelope(12, 3252, 1803) in PostGIS.
		const [west, south, east, north] = tileBounds({ z: 12, x: 3252, y: 1803 });
		expect(west).toBeCloseTo(105.8203125, 9);
		expect(east).toBeCloseTo(105.908203125, 9);
		expect(south).toBeCloseTo(20.9614396, 6);
		expect(north).toBeCloseTo(21.0434912, 6);
	});

	it('grows by the buffer, as a fraction of the tile, on every side', () => {
		const plain = tileBounds({ z: 10, x: 812, y: 449 });
		const buffered = tileBounds({ z: 10, x: 812, y: 449 }, 64 / 4096);
		const width = plain[2] - plain[0];
		expect(plain[0] - buffered[0]).toBeCloseTo((width * 64) / 4096, 12);
		expect(buffered[2] - plain[2]).toBeCloseTo((width * 64) / 4096, 12);
		expect(buffered[1]).toBeLessThan(plain[1]);
		expect(buffered[3]).toBeGreaterThan(plain[3]);
	});
});

describe('tileContaining', () => {
	it('finds the tile under a point, inside its bounds', () => {
		const tile = tileContaining(105.85, 21.03, 12);
		expect(tile).toEqual({ z: 12, x: 3252, y: 1803 });
		const [west, south, east, north] = tileBounds(tile);
		expect(105.85).toBeGreaterThan(west);
		expect(105.85).toBeLessThan(east);
		expect(21.03).toBeGreaterThan(south);
		expect(21.03).toBeLessThan(north);
	});
});
