import { readFileSync } from 'node:fs';
import { area } from '@turf/area';
import { bbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { pointOnFeature } from '@turf/point-on-feature';
import type { BBox, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildApproximateHamlets, toHamletCommune, type HamletFeature } from './approximate-hamlets';
import {
	groupVillagePoints,
	paths,
	readFeatureCollection,
	readVillagePoints,
	serializeHamlets,
	type SourceCommuneProperties
} from './build-hamlets';
import { hasVietnameseLetter } from './restore-diacritics';
import { findValidityError } from './find-validity-error';

// These tests check the committed output file; after changing the generator run `npm run geodata`.
const text = readFileSync(paths.hamlets, 'utf8');
const hamlets = (JSON.parse(text) as FeatureCollection<MultiPolygon> & { features: HamletFeature[] })
	.features;
const communeCollection = readFeatureCollection<
	FeatureCollection<Polygon | MultiPolygon, SourceCommuneProperties>
>(paths.communes);
const communes = communeCollection.features;
const communeBboxes = communes.map((commune) => bbox(commune));
const hamletsByCommune = new Map<string, HamletFeature[]>();
for (const hamlet of hamlets) {
	const code = hamlet.properties.communeCode;
	hamletsByCommune.set(code, [...(hamletsByCommune.get(code) ?? []), hamlet]);
}

function bboxesIntersect(first: BBox, second: BBox): boolean {
	return first[0] <= second[2] && second[0] <= first[2] && first[1] <= second[3] && second[1] <= first[3];
}

describe('hamlets-approximate.geojson', () => {
	it('is sorted by id, one feature per line, exactly as the build serialises it', () => {
		expect(serializeHamlets(hamlets)).toBe(text);
		expect(text.split('\n')).toHaveLength(hamlets.length + 3);
	});

	it('covers the 126 communes with about one hamlet per 1,800 residents', () => {
		expect(new Set(communes.map((commune) => commune.properties.code)).size).toBe(126);
		expect([...hamletsByCommune.keys()].sort()).toEqual(
			communes.map((commune) => commune.properties.code).sort()
		);
		expect(hamlets.length).toBeGreaterThanOrEqual(4500);
		expect(hamlets.length).toBeLessThanOrEqual(5000);
		for (const commune of communes) {
			const expected = Math.max(1, Math.round(commune.properties.popSapnhap / 1800));
			expect(hamletsByCommune.get(commune.properties.code)).toHaveLength(expected);
		}
	});

	it('has unique, stable integer ids derived from the commune code', () => {
		expect(new Set(hamlets.map((hamlet) => hamlet.id)).size).toBe(hamlets.length);
		for (const [code, members] of hamletsByCommune) {
			expect(members.map((hamlet) => hamlet.id)).toEqual(
				members.map((_, index) => Number(code) * 1000 + index + 1)
			);
			for (const hamlet of members) expect(hamlet.properties.id).toBe(hamlet.id);
		}
	});

	it('has non-empty, per-commune unique names, the right kind and the approximate source', () => {
		for (const commune of communes) {
			const members = hamletsByCommune.get(commune.properties.code)!;
			const names = members.map((hamlet) => hamlet.properties.name);
			expect(names.every((name) => name.trim().length > 0)).toBe(true);
			expect(new Set(names).size).toBe(names.length);
			const kind = commune.properties.unitType === 'Xã' ? 'thôn' : 'tổ dân phố';
			expect(members.every((hamlet) => hamlet.properties.kind === kind)).toBe(true);
			expect(members.every((hamlet) => hamlet.properties.boundarySource === 'approximate')).toBe(true);
		}
	});

	it('puts every hamlet in exactly one commune, its own', () => {
		for (const hamlet of hamlets) {
			const inside = pointOnFeature(hamlet);
			const [lng, lat] = inside.geometry.coordinates as [number, number];
			const own = communes.find((commune) => commune.properties.code === hamlet.properties.communeCode)!;
			expect(booleanPointInPolygon(inside, own)).toBe(true);
			// When its bbox centre is outside, point-on-feature falls back to a vertex, which may lie on the
			// shared commune border; so a neighbour only counts if the point is strictly inside it.
			const others = communes.filter(
				(commune, index) =>
					commune !== own &&
					bboxesIntersect(communeBboxes[index]!, [lng, lat, lng, lat]) &&
					booleanPointInPolygon(inside, commune, { ignoreBoundary: true })
			);
			expect(others.map((commune) => commune.properties.code)).toEqual([]);
		}
	});

	it('has only valid MultiPolygons with 6-decimal coordinates', () => {
		for (const hamlet of hamlets) {
			expect(hamlet.geometry.type).toBe('MultiPolygon');
			expect(findValidityError(hamlet.geometry, { rightHandRule: true })).toBeNull();
		}
		const decimals = text.match(/\d+\.\d{7,}/u);
		expect(decimals).toBeNull();
	});

	it('tiles each commune: no overlaps, area sum within 0.5 %, populations sum exactly', () => {
		for (const commune of communes) {
			const members = hamletsByCommune.get(commune.properties.code)!;
			const boxes = members.map((hamlet) => bbox(hamlet));
			for (let first = 0; first < members.length; first++) {
				for (let second = first + 1; second < members.length; second++) {
					if (!bboxesIntersect(boxes[first]!, boxes[second]!)) continue;
					const overlap = intersect(featureCollection([members[first]!, members[second]!]));
					expect(overlap ? area(overlap) : 0).toBeLessThan(1);
				}
			}
			const communeArea = area(commune);
			const hamletArea = members.reduce((sum, hamlet) => sum + area(hamlet), 0);
			expect(Math.abs(hamletArea - communeArea) / communeArea).toBeLessThan(0.005);
			const population = members.reduce((sum, hamlet) => sum + hamlet.properties.population, 0);
			expect(population).toBe(commune.properties.popSapnhap);
		}
	});

	it('names every hamlet and commune in Vietnamese with its diacritics (no bare-ASCII name is shown)', () => {
		const bare = [
			...hamlets.map((hamlet: HamletFeature) => hamlet.properties.name),
			...communes.map((commune) => commune.properties.fullName)
		].filter((name) => !hasVietnameseLetter(name) || name !== name.normalize('NFC'));
		expect(bare).toEqual([]);
		const names = new Set(hamlets.map((hamlet: HamletFeature) => hamlet.properties.name));
		// GeoNames has "Van Dinh" and "Dong Du"; our sources spell them one way only.
		expect(names).toContain('Vân Đình');
		expect(names).toContain('Đông Dư');
		expect(names).not.toContain('Dich Vong Trung');
	});

	it('is reproduced exactly by rebuilding sample communes', () => {
		const villagePoints = groupVillagePoints(readVillagePoints(communeCollection));
		// A phường, a large xã with many village points, a xã with a multi-part hamlet, and a xã whose
		// village point is spelled without diacritics in GeoNames ("Van Dinh", restored to "Vân Đình").
		for (const code of ['00004', '09700', '10441', '09739']) {
			const commune = communes.find((candidate) => candidate.properties.code === code)!;
			const rebuilt = buildApproximateHamlets(toHamletCommune(commune), villagePoints.get(code) ?? []);
			expect(rebuilt.map((hamlet) => JSON.stringify(hamlet))).toEqual(
				hamletsByCommune.get(code)!.map((hamlet) => JSON.stringify(hamlet))
			);
		}
	});
});
