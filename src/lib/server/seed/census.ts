import type { UnitType } from '../../domain';

/** The 18 five-year age groups of the 2019 census cube, youngest first (`0_04` … `85plus`). */
export const CENSUS_AGE_GROUPS = [
	'0_04',
	'05_09',
	'10_14',
	'15_19',
	'20_24',
	'25_29',
	'30_34',
	'35_39',
	'40_44',
	'45_49',
	'50_54',
	'55_59',
	'60_64',
	'65_69',
	'70_74',
	'75_79',
	'80_84',
	'85plus'
] as const;

// 15–19 is the first adult group: the census groups cannot give 18+, so 15+ stands in for adults.
const FIRST_ADULT_GROUP = CENSUS_AGE_GROUPS.indexOf('15_19');
const FIRST_ELDERLY_GROUP = CENSUS_AGE_GROUPS.indexOf('60_64');

/** Persons per age group (in `CENSUS_AGE_GROUPS` order) of one former district, urban and rural apart. */
export interface DistrictAgeStructure {
	/** GSO 3-digit code of the pre-2025 district, e.g. '001'. */
	districtCode: string;
	urban: number[];
	rural: number[];
}

/** One row of the pre-reform → 2025 mapping; a divided old ward has one row per new commune. */
export interface OldToNewWard {
	oldDistrictCode: string;
	oldWardCode: string;
	communeCode: string;
}

/** 2019 census population of one pre-reform ward. */
export interface WardPopulation {
	districtCode: string;
	/** Empty for the 9 wards merged in 2019–2020 (no 2021 code). */
	wardCode: string;
	population: number;
}

/** The census tables the demographics are derived from. */
export interface CensusTables {
	districtAges: DistrictAgeStructure[];
	oldToNewWards: OldToNewWard[];
	/** Optional: weights the districts of a commune by ward population instead of by ward count. */
	wardPopulation?: WardPopulation[];
}

/** Shares of residents aged 15+ (the adult proxy) and 60+. */
export interface AgeShares {
	adults: number;
	elderly: number;
}

/** Adult (15+) and elderly (60+) shares of an age-group count vector; zeros for an empty one. */
export function ageSharesOf(groups: readonly number[]): AgeShares {
	let total = 0;
	let adults = 0;
	let elderly = 0;
	groups.forEach((count, index) => {
		total += count;
		if (index >= FIRST_ADULT_GROUP) adults += count;
		if (index >= FIRST_ELDERLY_GROUP) elderly += count;
	});
	return total > 0 ? { adults: adults / total, elderly: elderly / total } : { adults: 0, elderly: 0 };
}

function sumGroups(first: readonly number[], second: readonly number[]): number[] {
	return first.map((count, index) => count + (second[index] ?? 0));
}

function total(groups: readonly number[]): number {
	return groups.reduce((sum, count) => sum + count, 0);
}

/**
 * Age shares of each 2025 commune, mixed from the 2019 age structure of its former district(s).
 * A phường takes the urban columns, a xã the rural ones; a district without that population (a xã made
 * from an all-urban quận) falls back to its whole population. Each district is weighted by the 2019
 * population of the old wards it contributed (a divided ward's population is split evenly, since the
 * mapping gives no split shares); an old ward missing from the 2019 table counts as its district's mean
 * ward. A commune absent from the mapping gets the city-wide shares.
 */
export function communeAgeShares(
	communes: readonly { code: string; unitType: UnitType }[],
	census: CensusTables
): Map<string, AgeShares> {
	const districts = new Map(census.districtAges.map((district) => [district.districtCode, district]));

	const wardPopulation = new Map<string, number>();
	const districtPopulation = new Map<string, { population: number; wards: number }>();
	for (const ward of census.wardPopulation ?? []) {
		if (ward.wardCode) wardPopulation.set(ward.wardCode, ward.population);
		const district = districtPopulation.get(ward.districtCode) ?? { population: 0, wards: 0 };
		district.population += ward.population;
		district.wards += 1;
		districtPopulation.set(ward.districtCode, district);
	}

	const rowsPerOldWard = new Map<string, number>();
	for (const row of census.oldToNewWards) {
		rowsPerOldWard.set(row.oldWardCode, (rowsPerOldWard.get(row.oldWardCode) ?? 0) + 1);
	}

	// communeCode → districtCode → weight
	const weights = new Map<string, Map<string, number>>();
	for (const row of census.oldToNewWards) {
		const district = districtPopulation.get(row.oldDistrictCode);
		const meanWard = district && district.wards > 0 ? district.population / district.wards : 1;
		const weight =
			(wardPopulation.get(row.oldWardCode) ?? meanWard) / (rowsPerOldWard.get(row.oldWardCode) ?? 1);
		const communeWeights = weights.get(row.communeCode) ?? new Map<string, number>();
		communeWeights.set(row.oldDistrictCode, (communeWeights.get(row.oldDistrictCode) ?? 0) + weight);
		weights.set(row.communeCode, communeWeights);
	}

	const city = ageSharesOf(
		census.districtAges.reduce<number[]>(
			(sum, district) => sumGroups(sum, sumGroups(district.urban, district.rural)),
			CENSUS_AGE_GROUPS.map(() => 0)
		)
	);

	const shares = new Map<string, AgeShares>();
	for (const commune of communes) {
		let weightTotal = 0;
		let adults = 0;
		let elderly = 0;
		for (const [districtCode, weight] of weights.get(commune.code) ?? []) {
			const district = districts.get(districtCode);
			if (!district) continue;
			const side = commune.unitType === 'phường' ? district.urban : district.rural;
			const groups = total(side) > 0 ? side : sumGroups(district.urban, district.rural);
			const districtShares = ageSharesOf(groups);
			weightTotal += weight;
			adults += weight * districtShares.adults;
			elderly += weight * districtShares.elderly;
		}
		shares.set(
			commune.code,
			weightTotal > 0 ? { adults: adults / weightTotal, elderly: elderly / weightTotal } : city
		);
	}
	return shares;
}
