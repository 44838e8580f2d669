import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { allPairsNeighbours, contiguityNeighbours } from './contiguity';
import { expectGolden, goldenCases } from './golden-fixtures';
import { square } from './test-squares';

type Cell = Feature<Polygon | MultiPolygon, { id: number; communeCode?: string }>;

function grid(columns: number, rows: number): Cell[] {
	const cells: Cell[] = [];
	for (let row = 0; row < rows; row++)
		for (let column = 0; column < columns; column++)
			cells.push({
				type: 'Feature',
				properties: { id: cells.length },
				geometry: { type: 'Polygon', coordinates: square(105 + column, 21 + row, 1) }
			});
	return cells;
}

describe('contiguityNeighbours', () => {
	it.each(goldenCases('contiguity'))('matches the golden output for $name', ({ input, outPath }) => {
		const features = input.features as Cell[];
		const neighbours = contiguityNeighbours(features);
		expectGolden(outPath, {
			type: 'FeatureCollection',
			features: features.map((feature, i) => ({
				...feature,
				properties: {
					...feature.properties,
					neighbours: neighbours[i]!.map((j) => features[j]!.properties.id)
				}
			}))
		});
	});

	it('gives queen neighbours on a grid: 3 at a corner, 5 on an edge, 8 inside', () => {
		const neighbours = contiguityNeighbours(grid(3, 3));
		// Cells are numbered row by row: 0 1 2 / 3 4 5 / 6 7 8.
		expect(neighbours[0]).toEqual([1, 3, 4]);
		expect(neighbours[1]).toEqual([0, 2, 3, 4, 5]);
		expect(neighbours[4]).toEqual([0, 1, 2, 3, 5, 6, 7, 8]);
	});

	it('is symmetric, sorted and never lists a feature as its own neighbour', () => {
		const neighbours = contiguityNeighbours(grid(6, 4));
		neighbours.forEach((list, i) => {
			expect(list).toEqual([...list].sort((a, b) => a - b));
			expect(list).not.toContain(i);
			for (const j of list) expect(neighbours[j]).toContain(i);
		});
	});

	it('separates polygons that only come close, depending on the tolerance', () => {
		const cells = grid(1, 1);
		cells.push({
			type: 'Feature',
			properties: { id: 1 },
			geometry: { type: 'Polygon', coordinates: square(106 + 1e-6, 21, 1) }
		});
		expect(contiguityNeighbours(cells)).toEqual([[], []]);
		expect(contiguityNeighbours(cells, { tolerance: 2e-6 })).toEqual([[1], [0]]);
	});

	it('handles no features and multipolygons', () => {
		expect(contiguityNeighbours([])).toEqual([]);
		const [a, b] = grid(2, 1);
		const multi: Cell = {
			type: 'Feature',
			properties: { id: 2 },
			geometry: { type: 'MultiPolygon', coordinates: [square(110, 21, 1), square(105, 22, 1)] }
		};
		// The multipolygon's second part sits on top of cell a, touching b at a corner.
		expect(contiguityNeighbours([a!, b!, multi])).toEqual([
			[1, 2],
			[0, 2],
			[0, 1]
		]);
	});

	it('equals the all-pairs search on the real hamlets of several communes', () => {
		const hamlets = JSON.parse(
			readFileSync('geodata/hamlets-approximate.geojson', 'utf8')
		) as FeatureCollection<MultiPolygon, { communeCode: string }>;
		// Ba Đình, Ngọc Hà, Giảng Võ, Hoàn Kiếm, Cửa Nam (inner city), plus two xã in the west.
		const communes = new Set(['00004', '00008', '00025', '00070', '00082', '09661', '09700']);
		const features = hamlets.features.filter((feature) => communes.has(feature.properties.communeCode));
		expect(features.length).toBeGreaterThan(30);
		const indexed = contiguityNeighbours(features);
		expect(indexed).toEqual(allPairsNeighbours(features));
		// Every hamlet of a partition touches another one, and some pairs cross commune borders.
		expect(indexed.every((list) => list.length > 0)).toBe(true);
		const crossing = indexed.flatMap((list, i) =>
			list.filter((j) => features[j]!.properties.communeCode !== features[i]!.properties.communeCode)
		);
		expect(crossing.length).toBeGreaterThan(0);
	});
});
