import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { FeatureCollection } from 'geojson';
import { BOUNDARY_SOURCES, HAMLET_KINDS, UNIT_TYPES, type HamletKind, type UnitType } from '../../domain';
import {
	CENSUS_AGE_GROUPS,
	type DistrictAgeStructure,
	type OldToNewWard,
	type WardPopulation
} from './census';
import type { DemoCommune, DemoDataInput, HamletFeature, MinorityArea } from './types';

/** The files the demo data is built from, by name inside the geodata directory. */
export const DEMO_SOURCE_FILES = {
	communes: 'hanoi_2025_communes_full.geojson',
	hamlets: 'hamlets-approximate.geojson',
	districtAges: 'hanoi_census2019_district_age_urban_rural.csv',
	oldToNewWards: 'hanoi_old_to_new_wards_2025.csv',
	wardPopulation: 'hanoi_census2019_ward_population.csv',
	minorityAreas: 'hanoi_ethnic_minority_areas_2026.csv'
} as const;

type CsvRecord = Record<string, string>;

function parseCsv(text: string): CsvRecord[] {
	return parse<CsvRecord>(text, { columns: true, skip_empty_lines: true, bom: true, trim: true });
}

function field(record: CsvRecord, column: string): string {
	const value = record[column];
	if (value === undefined) throw new Error(`CSV column ${column} is missing`);
	return value;
}

function count(record: CsvRecord, column: string): number {
	const value = Number(field(record, column));
	if (!Number.isFinite(value) || value < 0)
		throw new Error(`CSV column ${column} is not a count: ${record[column]}`);
	return value;
}

/** Communes from `hanoi_2025_communes_full.geojson` (properties only; the geometry is not needed). */
function parseCommunes(geojsonText: string): DemoCommune[] {
	const collection = JSON.parse(geojsonText) as FeatureCollection<null, Record<string, unknown>>;
	return collection.features.map((feature) => {
		const { code, fullName, unitType, popSapnhap } = feature.properties;
		const type = String(unitType).normalize('NFC').toLowerCase();
		if (!(UNIT_TYPES as readonly string[]).includes(type))
			throw new Error(`Commune ${code}: unknown unit type ${unitType}`);
		const population = Number(popSapnhap);
		if (!Number.isFinite(population) || population < 0) throw new Error(`Commune ${code}: bad popSapnhap`);
		return { code: String(code), fullName: String(fullName), unitType: type as UnitType, population };
	});
}

/** Hamlet features of `hamlets-approximate.geojson`, checked against the domain vocabularies. */
function parseHamlets(geojsonText: string): HamletFeature[] {
	const collection = JSON.parse(geojsonText) as FeatureCollection;
	return collection.features.map((feature, index) => {
		const properties = feature.properties ?? {};
		const where = `Hamlet feature ${index} (id ${String(properties.id)})`;
		if (feature.geometry?.type !== 'Polygon' && feature.geometry?.type !== 'MultiPolygon') {
			throw new Error(`${where}: geometry must be a Polygon or MultiPolygon`);
		}
		if (!Number.isInteger(properties.id)) throw new Error(`${where}: id must be an integer`);
		if (!/^[0-9]{5}$/.test(String(properties.communeCode))) throw new Error(`${where}: bad communeCode`);
		if (!(HAMLET_KINDS as readonly string[]).includes(properties.kind)) throw new Error(`${where}: bad kind`);
		if (!(BOUNDARY_SOURCES as readonly string[]).includes(properties.boundarySource)) {
			throw new Error(`${where}: bad boundarySource`);
		}
		if (!Number.isFinite(properties.population) || properties.population < 0) {
			throw new Error(`${where}: bad population`);
		}
		return {
			type: 'Feature',
			geometry: feature.geometry,
			properties: {
				id: properties.id as number,
				communeCode: properties.communeCode as string,
				name: String(properties.name),
				kind: properties.kind as HamletKind,
				population: properties.population as number,
				boundarySource: properties.boundarySource
			}
		};
	});
}

/** `hanoi_census2019_district_age_urban_rural.csv`: persons by age group, urban and rural. */
function parseDistrictAges(csvText: string): DistrictAgeStructure[] {
	return parseCsv(csvText).map((record) => ({
		districtCode: field(record, 'district_code'),
		urban: CENSUS_AGE_GROUPS.map((group) => count(record, `urban_${group}`)),
		rural: CENSUS_AGE_GROUPS.map((group) => count(record, `rural_${group}`))
	}));
}

/** `hanoi_old_to_new_wards_2025.csv`: old ward → 2025 commune, with the old district. */
function parseOldToNewWards(csvText: string): OldToNewWard[] {
	return parseCsv(csvText).map((record) => ({
		oldDistrictCode: field(record, 'old_district_code'),
		oldWardCode: field(record, 'old_ward_code'),
		communeCode: field(record, 'new_ward_code')
	}));
}

/** `hanoi_census2019_ward_population.csv`: 2019 population per old ward. */
function parseWardPopulation(csvText: string): WardPopulation[] {
	return parseCsv(csvText).map((record) => ({
		districtCode: field(record, 'district_code_2021'),
		wardCode: field(record, 'ward_code_2021'),
		population: count(record, 'pop_total')
	}));
}

/** `hanoi_ethnic_minority_areas_2026.csv`: designated xã and thôn (Quyết định 201/QĐ-UBND). */
export function parseMinorityAreas(csvText: string): MinorityArea[] {
	return parseCsv(csvText).map((record) => {
		const level = field(record, 'level');
		if (level !== 'commune' && level !== 'hamlet') throw new Error(`Unknown minority-area level ${level}`);
		const hamletName = field(record, 'hamlet_name');
		return { level, communeCode: field(record, 'commune_code_2025'), hamletName: hamletName || null };
	});
}

/** Read and parse every source file from `directory` (relative to the working directory). */
export function readDemoDataInput(directory = 'geodata'): DemoDataInput {
	const read = (file: string) => readFileSync(join(directory, file), 'utf8');
	return {
		communes: parseCommunes(read(DEMO_SOURCE_FILES.communes)),
		hamlets: parseHamlets(read(DEMO_SOURCE_FILES.hamlets)),
		census: {
			districtAges: parseDistrictAges(read(DEMO_SOURCE_FILES.districtAges)),
			oldToNewWards: parseOldToNewWards(read(DEMO_SOURCE_FILES.oldToNewWards)),
			wardPopulation: parseWardPopulation(read(DEMO_SOURCE_FILES.wardPopulation))
		},
		minorityAreas: parseMinorityAreas(read(DEMO_SOURCE_FILES.minorityAreas))
	};
}
