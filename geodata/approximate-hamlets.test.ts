import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { featureCollection, polygon } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { pointOnFeature } from '@turf/point-on-feature';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
	allocateByLargestRemainder,
	buildApproximateHamlets,
	toHamletCommune,
	type HamletCommuneProperties,
	type HamletFeature,
	type VillagePointProperties
} from './approximate-hamlets';
import {
	groupVillagePoints,
	paths,
	readFeatureCollection,
	type SourceCommuneProperties
} from './build-hamlets';
import { findValidityError } from './find-validity-error';

const communes = readFeatureCollection<FeatureCollection<Polygon | MultiPolygon, SourceCommuneProperties>>(
	paths.communes
).features;
const villagePoints = groupVillagePoints(
	readFeatureCollection<FeatureCollection<Point, VillagePointProperties>>(paths.villagePoints)
);
const UNNAMED = /^(Thôn|Tổ dân phố) (\d+)$/u;

function communeByCode(code: string): Feature<Polygon | MultiPolygon, HamletCommuneProperties> {
	const feature = communes.find((candidate) => candidate.properties.code === code);
	if (!feature) throw new Error(`No commune ${code}`);
	return toHamletCommune(feature);
}

function pointsOf(code: string): Feature<Point, VillagePointProperties>[] {
	return villagePoints.get(code) ?? [];
}

// The checks every generated commune must pass, whatever its shape.
function expectWellFormed(
	commune: Feature<Polygon | MultiPolygon, HamletCommuneProperties>,
	hamlets: HamletFeature[]
): void {
	const { code, population, unitType } = commune.properties;
	expect(hamlets).toHaveLength(Math.max(1, Math.round(population / 1800)));
	expect(hamlets.map((hamlet) => hamlet.id)).toEqual(
		hamlets.map((_, index) => Number(code) * 1000 + index + 1)
	);
	for (const hamlet of hamlets) {
		expect(hamlet.properties.id).toBe(hamlet.id);
		expect(hamlet.properties.communeCode).toBe(code);
		expect(hamlet.properties.kind).toBe(unitType === 'Xã' ? 'thôn' : 'tổ dân phố');
		expect(hamlet.properties.boundarySource).toBe('approximate');
		expect(hamlet.geometry.type).toBe('MultiPolygon');
		expect(findValidityError(hamlet.geometry, { rightHandRule: true })).toBeNull();
		const coordinates = hamlet.geometry.coordinates.flat(2).flat();
		expect(coordinates.every((value) => Math.round(value * 1e6) / 1e6 === value)).toBe(true);
		expect(Number.isInteger(hamlet.properties.population)).toBe(true);
		expect(hamlet.properties.population).toBeGreaterThanOrEqual(0);
	}
	expect(hamlets.reduce((sum, hamlet) => sum + hamlet.properties.population, 0)).toBe(population);
	const hamletArea = hamlets.reduce((sum, hamlet) => sum + area(hamlet), 0);
	expect(Math.abs(hamletArea - area(commune)) / area(commune)).toBeLessThan(0.005);
	for (const [index, hamlet] of hamlets.entries()) {
		for (const other of hamlets.slice(index + 1)) {
			const overlap = intersect(featureCollection([hamlet, other]));
			expect(overlap ? area(overlap) : 0).toBeLessThan(1);
		}
	}
	const names = hamlets.map((hamlet) => hamlet.properties.name);
	expect(new Set(names).size).toBe(names.length);
	// Unnamed cells are numbered 1, 2, 3… in id order (north to south).
	const numbers = names.flatMap((name) => UNNAMED.exec(name)?.[2] ?? []).map(Number);
	expect(numbers).toEqual(numbers.map((_, index) => index + 1));
}

describe('buildApproximateHamlets', () => {
	it('splits a xã into thôn named after the village points inside them', () => {
		const commune = communeByCode('09706'); // Xã Yên Bài, 21,416 residents, 17 village points
		const points = pointsOf('09706');
		const hamlets = buildApproximateHamlets(commune, points);
		expectWellFormed(commune, hamlets);
		const named = hamlets.filter((hamlet) => !UNNAMED.test(hamlet.properties.name));
		expect(named.length).toBeGreaterThan(5);
		for (const hamlet of named) {
			const source = points.filter((point) => point.properties.name_vi === hamlet.properties.name);
			expect(source.some((point) => booleanPointInPolygon(point, hamlet))).toBe(true);
		}
		expect(hamlets.filter((hamlet) => UNNAMED.test(hamlet.properties.name))[0]?.properties.name).toBe(
			'Thôn 1'
		);
	});

	it('splits a phường into tổ dân phố and names a cell once even when several points share it', () => {
		const commune = communeByCode('00004'); // Phường Ba Đình, 65,023 residents
		const hamlets = buildApproximateHamlets(commune, pointsOf('00004'));
		expectWellFormed(commune, hamlets);
		// Hao Nam, Hữu Tiệp and Ngọc Hà sit on the same arc-minute grid point: one cell, one name. Names with
		// diacritics come first, then the lower Who's On First id (Hữu Tiệp 1226453221 < Ngọc Hà 1360304449).
		const named = hamlets.filter((hamlet) => !UNNAMED.test(hamlet.properties.name));
		expect(named.map((hamlet) => hamlet.properties.name)).toEqual(['Hữu Tiệp']);
		expect(hamlets.filter((hamlet) => hamlet.properties.name.startsWith('Tổ dân phố '))).toHaveLength(35);
	});

	it('covers every part of a multi-part commune', () => {
		// Hanoi has no multi-part commune, so join two distant real ones (Ba Đình, Phú Lương) into one.
		const first = communeByCode('00004');
		const second = communeByCode('09568');
		const commune: Feature<MultiPolygon, HamletCommuneProperties> = {
			type: 'Feature',
			properties: {
				code: '99001',
				fullName: 'Phường Thử Nghiệm',
				unitType: 'Phường',
				population: first.properties.population + second.properties.population
			},
			geometry: {
				type: 'MultiPolygon',
				coordinates: [first, second].flatMap((part) =>
					part.geometry.type === 'Polygon' ? [part.geometry.coordinates] : part.geometry.coordinates
				)
			}
		};
		const hamlets = buildApproximateHamlets(commune, []);
		expectWellFormed(commune, hamlets);
		for (const part of commune.geometry.coordinates) {
			const inPart = hamlets.filter((hamlet) => booleanPointInPolygon(pointOnFeature(hamlet), polygon(part)));
			const partArea = area(polygon(part));
			const coveredArea = inPart.reduce((sum, hamlet) => sum + area(hamlet), 0);
			expect(Math.abs(coveredArea - partArea) / partArea).toBeLessThan(0.005);
		}
	});

	it('returns the same bytes on every run and does not depend on other communes', () => {
		const commune = communeByCode('09700'); // Xã Ba Vì
		const once = JSON.stringify(buildApproximateHamlets(commune, pointsOf('09700')));
		buildApproximateHamlets(communeByCode('00004'), pointsOf('00004'));
		expect(JSON.stringify(buildApproximateHamlets(commune, pointsOf('09700')))).toBe(once);
	});

	it('keeps a small commune whole as a single hamlet', () => {
		const source = communeByCode('09661');
		const commune = { ...source, properties: { ...source.properties, population: 800 } };
		const hamlets = buildApproximateHamlets(commune, []);
		expect(hamlets).toHaveLength(1);
		expect(hamlets[0]!.properties).toMatchObject({ id: 9661001, name: 'Thôn 1', population: 800 });
		expect(Math.abs(area(hamlets[0]!) - area(commune)) / area(commune)).toBeLessThan(1e-6);
	});
});

describe('allocateByLargestRemainder', () => {
	it('splits a total in proportion to the weights and sums exactly', () => {
		expect(allocateByLargestRemainder(10, [1, 1, 1])).toEqual([4, 3, 3]);
		expect(allocateByLargestRemainder(7, [2, 5, 3])).toEqual([1, 4, 2]);
		expect(allocateByLargestRemainder(0, [1, 2])).toEqual([0, 0]);
		const shares = allocateByLargestRemainder(65_023, [0.3, 1.7, 2.2, 0.9, 5.1]);
		expect(shares.reduce((sum, share) => sum + share, 0)).toBe(65_023);
	});
});
