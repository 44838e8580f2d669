import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
	validateStyleMin,
	type FillLayerSpecification,
	type StyleSpecification,
	type SymbolLayerSpecification
} from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, MultiPolygon, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { FONT_BOLD, FONT_REGULAR } from './fonts';
import { classify, NOT_APPLICABLE_PATTERN, SPECIAL_CLASS_COLORS } from './classification';
import { STYLE_IMAGES } from './style-images';
import { classColor, HAMLET_ZOOM, LAYER_IDS, SOURCE_IDS, type Thematic } from './layers';
import { createMapStyle, type MapStyleData } from './style';

// A square around Phường Ba Đình stands in for both the city and the commune: the style only needs the shape.
const square: MultiPolygon = {
	type: 'MultiPolygon',
	coordinates: [
		[
			[
				[105.82, 21.03],
				[105.85, 21.03],
				[105.85, 21.05],
				[105.82, 21.05],
				[105.82, 21.03]
			]
		]
	]
};
const seat: Point = { type: 'Point', coordinates: [105.838, 21.0386] };
const properties = { code: '00004', name: 'Ba Đình', fullName: 'Phường Ba Đình', unitType: 'phường' };

function collection<TGeometry extends MultiPolygon | Point>(
	geometry: TGeometry
): FeatureCollection<TGeometry> {
	return { type: 'FeatureCollection', features: [{ type: 'Feature', id: 4, properties, geometry }] };
}

const data: MapStyleData = Object.freeze({
	cityOutline: collection(square),
	communeLabelPoints: collection(seat)
});

const tiles = { origin: 'https://gotungnha.example', version: 'abc-123' };

const thematic: Thematic = {
	stateKey: 'coverage',
	classification: classify([0.2, 0.6, 0.9], { scheme: 'targets', scale: 'rate', target: 1 }),
	scale: 'rate'
};

describe('createMapStyle', () => {
	const style = createMapStyle(data, { tiles, thematic: { hamlets: thematic, communes: thematic } });

	it('is a valid MapLibre style', () => {
		expect(validateStyleMin(style)).toEqual([]);
	});

	it('credits the boundaries in the page’s language', () => {
		const attribution = (built: StyleSpecification, source: string) =>
			(built.sources[source] as { attribution?: string }).attribution;
		expect(attribution(style, SOURCE_IDS.communes)).toMatch(/^Ranh giới: /);
		expect(attribution(style, SOURCE_IDS.hamlets)).toMatch(/^Ranh giới thôn, tổ dân phố: ước tính/);
		const english = createMapStyle(data, { tiles, locale: 'en' });
		expect(attribution(english, SOURCE_IDS.cityOutline)).toMatch(/^Boundaries: /);
		expect(attribution(english, SOURCE_IDS.hamlets)).toMatch(/^Hamlet boundaries: estimated/);
	});

	it('draws the layers bottom to top, fills under lines under labels', () => {
		expect(style.layers.map((layer) => layer.id)).toEqual([
			LAYER_IDS.background,
			LAYER_IDS.cityFill,
			LAYER_IDS.communesFill,
			LAYER_IDS.hamletsFill,
			LAYER_IDS.hamletsLine,
			LAYER_IDS.hamletsHighlight,
			LAYER_IDS.communesLine,
			LAYER_IDS.communesHighlight,
			LAYER_IDS.cityLine,
			LAYER_IDS.communeLabels
		]);
		expect(createMapStyle(data, { tiles }).layers.map((layer) => layer.id)).not.toContain(
			LAYER_IDS.hamletsFill
		);
	});

	it('draws communes below the hamlet zoom and hamlets from it, both colored from feature state', () => {
		const byId = Object.fromEntries(style.layers.map((layer) => [layer.id, layer])) as Record<
			string,
			FillLayerSpecification
		>;
		expect(byId[LAYER_IDS.communesFill]!.maxzoom).toBe(HAMLET_ZOOM);
		expect(byId[LAYER_IDS.hamletsFill]!.minzoom).toBe(HAMLET_ZOOM);
		expect(byId[LAYER_IDS.hamletsFill]!.paint?.['fill-color']).toEqual(classColor(thematic));
	});

	it('loads versioned vector tiles from the page’s origin', () => {
		expect(style.sources[SOURCE_IDS.hamlets]).toMatchObject({
			type: 'vector',
			tiles: ['https://gotungnha.example/tiles/hamlets/{z}/{x}/{y}.mvt?v=abc-123']
		});
		expect(style.sources[SOURCE_IDS.communes]).toMatchObject({
			tiles: ['https://gotungnha.example/tiles/communes/{z}/{x}/{y}.mvt?v=abc-123']
		});
	});

	it('puts an external basemap under our layers, without our opaque background', () => {
		const basemap: StyleSpecification = {
			version: 8,
			glyphs: 'https://basemap.example/{fontstack}/{range}.pbf',
			sources: { osm: { type: 'raster', tiles: ['https://basemap.example/{z}/{x}/{y}.png'], tileSize: 256 } },
			layers: [{ id: 'osm', type: 'raster', source: 'osm' }]
		};
		const merged = createMapStyle(data, {
			tiles,
			basemap,
			thematic: { hamlets: thematic, communes: thematic }
		});
		expect(validateStyleMin(merged)).toEqual([]);
		expect(merged.layers[0]!.id).toBe('osm');
		expect(merged.layers.map((layer) => layer.id)).not.toContain(LAYER_IDS.background);
		expect(merged.glyphs).toBe(basemap.glyphs);
		expect(Object.keys(merged.sources)).toEqual(expect.arrayContaining(['osm', SOURCE_IDS.hamlets]));
	});

	it('uses kebab-case ids, and every layer draws from a source the style has', () => {
		const ids = [...Object.values(SOURCE_IDS), ...style.layers.map((layer) => layer.id)];
		for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
		for (const layer of style.layers) {
			if ('source' in layer) expect(Object.keys(style.sources)).toContain(layer.source);
		}
	});

	it('labels communes with their Vietnamese name in fonts declared in font-faces', () => {
		const labels = style.layers.find(
			(layer) => layer.id === LAYER_IDS.communeLabels
		) as SymbolLayerSpecification;
		expect(labels.layout?.['text-field']).toEqual(['get', 'name']);
		const usedFonts = JSON.stringify(labels.layout?.['text-font']);
		for (const font of [FONT_REGULAR, FONT_BOLD]) {
			expect(usedFonts).toContain(font);
			expect(Object.keys(style['font-faces'] ?? {})).toContain(font);
		}
	});

	it('points font-faces at woff2 files that static/ holds, covering Vietnamese letters', () => {
		const faces = Object.values(style['font-faces'] ?? {}).flatMap((entry) =>
			typeof entry === 'string' ? [{ url: entry }] : entry
		);
		expect(faces).toHaveLength(4);
		for (const face of faces) expect(existsSync(join('static', face.url))).toBe(true);
		// 'Đ' (U+0110) and 'ờ' (U+1EDD) live in the vietnamese subset only.
		const ranges = faces.flatMap((face) => ('unicode-range' in face ? (face['unicode-range'] ?? []) : []));
		expect(ranges).toContain('U+0110-0111');
		expect(ranges).toContain('U+1EA0-1EF9');
	});

	it('puts the fonts wherever the caller serves them from', () => {
		const hosted = createMapStyle(data, { tiles, fontsUrl: 'https://example.org/assets/fonts' });
		const urls = Object.values(hosted['font-faces'] ?? {}).flatMap((entry) =>
			typeof entry === 'string' ? [entry] : entry.map((face) => face.url)
		);
		for (const url of urls)
			expect(url).toMatch(/^https:\/\/example\.org\/assets\/fonts\/noto-sans-.+\.woff2$/);
	});

	it('passes the GeoJSON through untouched', () => {
		expect(style.sources[SOURCE_IDS.communeLabelPoints]).toMatchObject({
			type: 'geojson',
			data: data.communeLabelPoints
		});
	});
});

describe('the not-applicable hatch', () => {
	it('is drawn over both levels only when the metric does not apply everywhere, with the pattern image', () => {
		const ids = (style: StyleSpecification) => style.layers.map((layer) => layer.id);
		const plain = createMapStyle(data, { tiles, thematic: { hamlets: thematic, communes: thematic } });
		expect(ids(plain)).not.toContain(LAYER_IDS.hamletsNotApplicable);
		const epayment = { ...thematic, notApplicable: true };
		const hatched = createMapStyle(data, { tiles, thematic: { hamlets: epayment, communes: epayment } });
		expect(validateStyleMin(hatched)).toEqual([]);
		const layerIds = ids(hatched);
		// Over each level's fill, under its lines.
		expect(layerIds.indexOf(LAYER_IDS.communesNotApplicable)).toBe(
			layerIds.indexOf(LAYER_IDS.communesFill) + 1
		);
		expect(layerIds.indexOf(LAYER_IDS.hamletsNotApplicable)).toBe(
			layerIds.indexOf(LAYER_IDS.hamletsFill) + 1
		);
		const hamletHatch = hatched.layers.find(
			(layer) => layer.id === LAYER_IDS.hamletsNotApplicable
		) as FillLayerSpecification;
		expect(hamletHatch.paint?.['fill-pattern']).toBe(NOT_APPLICABLE_PATTERN.id);
		expect(hamletHatch.minzoom).toBe(HAMLET_ZOOM);
		// The tiles' own facts choose what is hatched: rural hamlets, and xã below the hamlet zoom.
		expect(hamletHatch.filter).toEqual(['==', ['get', 'rural'], true]);
		const communeHatch = hatched.layers.find(
			(layer) => layer.id === LAYER_IDS.communesNotApplicable
		) as FillLayerSpecification;
		expect(communeHatch.maxzoom).toBe(HAMLET_ZOOM);
		expect(communeHatch.filter).toEqual(['==', ['get', 'unitType'], 'xã']);
		expect(STYLE_IMAGES[NOT_APPLICABLE_PATTERN.id]).toBeDefined();
	});
});

describe('classColor', () => {
	it('checks why a value is missing first, then no data, then above 100%, then steps through the classes', () => {
		const expression = classColor(thematic);
		expect(expression[0]).toBe('case');
		expect(expression[1]).toEqual(['boolean', ['feature-state', 'notApplicable'], false]);
		expect(expression[2]).toBe(SPECIAL_CLASS_COLORS.notApplicable);
		expect(expression[3]).toEqual(['boolean', ['feature-state', 'tooFew'], false]);
		expect(expression[4]).toBe(SPECIAL_CLASS_COLORS.tooFew);
		expect(expression[6]).toBe(SPECIAL_CLASS_COLORS.noData);
		expect(expression[8]).toBe(SPECIAL_CLASS_COLORS.overFull);
		expect((expression[9] as unknown[])[0]).toBe('step');
		const index = classColor({ ...thematic, scale: 'index' });
		expect(JSON.stringify(index)).not.toContain(SPECIAL_CLASS_COLORS.overFull);
	});
});
