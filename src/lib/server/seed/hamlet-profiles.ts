import { foldVietnamese } from '../../text';
import { bbox } from '@turf/bbox';
import type { BBox, MultiPolygon, Polygon } from 'geojson';
import { HAMLET_KINDS, type HamletKind } from '../../domain';
import { communeAgeShares } from './census';
import type { Random } from './random';
import type { DemoDataInput } from './types';

/** Everything the later steps need to know about one hamlet; internal to the generator. */
export interface HamletProfile {
	id: number;
	communeCode: string;
	name: string;
	kind: HamletKind;
	/** The commune is a phường. */
	isUrban: boolean;
	/** The commune is a xã (kept simple: every hamlet of a xã is rural, none of a phường). */
	isRural: boolean;
	population: number;
	households: number;
	adults: number;
	elderly: number;
	/** elderly ÷ population. */
	elderlyShare: number;
	minorityShare: number;
	inMinorityArea: boolean;
	inMinorityCommune: boolean;
	/**
	 * Where the hamlet stands among hamlets like it, 0 (behind) … 1 (ahead). Every indicator reads
	 * it, so a hamlet that is behind on skills is also behind on payment and coverage, as in reality.
	 */
	standing: number;
	geometry: Polygon | MultiPolygon;
	bbox: BBox;
}

/** Average household size: about 3.3 persons in urban Hanoi and 3.6 in rural Hanoi (2019 census). */
const HOUSEHOLD_SIZE = { urban: 3.3, rural: 3.6 } as const;

// Hamlets of a xã within this distance of a designated xã get a slightly higher minority share:
// Hanoi's minorities (mostly Mường) live in the west, around the designated communes.
const MINORITY_SPILLOVER_KM = 15;

// Old (`oà`) and new (`òa`) tone placement both occur in Vietnamese place names; see SOURCES.md.
const TONE_PLACEMENT: [RegExp, string][] = [
	[/oà/g, 'òa'],
	[/oá/g, 'óa'],
	[/oả/g, 'ỏa'],
	[/oã/g, 'õa'],
	[/oạ/g, 'ọa'],
	[/uỳ/g, 'ùy'],
	[/uý/g, 'úy'],
	[/uỷ/g, 'ủy'],
	[/uỹ/g, 'ũy'],
	[/uỵ/g, 'ụy']
];

const NAME_PREFIXES = [...HAMLET_KINDS, 'làng'].map((kind) => `${kind} `);

/** A hamlet name reduced for matching: NFC, lower case, one tone placement, single spaces. */
function normaliseHamletName(name: string): string {
	let normalised = name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
	for (const [pattern, replacement] of TONE_PLACEMENT) normalised = normalised.replace(pattern, replacement);
	return normalised;
}

function withoutKind(normalisedName: string): string {
	const prefix = NAME_PREFIXES.find((candidate) => normalisedName.startsWith(candidate));
	return prefix ? normalisedName.slice(prefix.length) : normalisedName;
}

/**
 * Whether two hamlet names denote the same hamlet ('Thôn Đồng Ké' matches 'Đồng Ké' and 'thôn Đồng Ké').
 * Marks are ignored too: GeoNames spells Thôn Đồng Ké of Xã Trần Phú 'Đong Kế'. Only used within one commune.
 */
export function sameHamletName(first: string, second: string): boolean {
	const a = withoutKind(normaliseHamletName(first));
	const b = withoutKind(normaliseHamletName(second));
	return a === b || foldVietnamese(a) === foldVietnamese(b);
}

function bboxCentre(box: BBox): [number, number] {
	return [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
}

/** Equirectangular distance in km: exact enough across one city. */
function distanceKm(from: [number, number], to: [number, number]): number {
	const kmPerDegreeLat = 110.57;
	const kmPerDegreeLng = 111.32 * Math.cos((((from[1] + to[1]) / 2) * Math.PI) / 180);
	return Math.hypot((from[0] - to[0]) * kmPerDegreeLng, (from[1] - to[1]) * kmPerDegreeLat);
}

function roundTo(value: number, decimals: number): number {
	const factor = 10 ** decimals;
	return Math.round(value * factor) / factor;
}

/** Demographics and standing of every hamlet, in ascending id order. */
export function buildHamletProfiles(input: DemoDataInput, random: Random): HamletProfile[] {
	const communes = new Map(input.communes.map((commune) => [commune.code, commune]));
	const ageShares = communeAgeShares(input.communes, input.census);
	const minorityCommunes = new Set(
		input.minorityAreas.filter((area) => area.level === 'commune').map((area) => area.communeCode)
	);
	const minorityHamletNames = input.minorityAreas.filter((area) => area.level === 'hamlet');

	const features = [...input.hamlets].sort((a, b) => a.properties.id - b.properties.id);
	features.forEach((feature, index) => {
		const previous = features[index - 1];
		if (previous && previous.properties.id === feature.properties.id) {
			throw new Error(`Duplicate hamlet id ${feature.properties.id}`);
		}
		if (!communes.has(feature.properties.communeCode)) {
			throw new Error(
				`Hamlet ${feature.properties.id} refers to unknown commune ${feature.properties.communeCode}`
			);
		}
	});

	// A designated thôn counts only if a hamlet of its commune carries that name; otherwise none is picked.
	const minorityHamletIds = new Set<number>();
	for (const area of minorityHamletNames) {
		const match = features.find(
			(feature) =>
				feature.properties.communeCode === area.communeCode &&
				area.hamletName !== null &&
				sameHamletName(feature.properties.name, area.hamletName)
		);
		if (match) minorityHamletIds.add(match.properties.id);
	}

	const boxes = features.map((feature) => bbox(feature.geometry));
	const minorityCommuneCentres = [...minorityCommunes].flatMap((code) => {
		const centres = features.flatMap((feature, index) =>
			feature.properties.communeCode === code ? [bboxCentre(boxes[index] as BBox)] : []
		);
		if (centres.length === 0) return [];
		const sum = centres.reduce((total, centre) => [total[0] + centre[0], total[1] + centre[1]], [0, 0]);
		return [[sum[0] / centres.length, sum[1] / centres.length] as [number, number]];
	});

	return features.map((feature, index) => {
		const properties = feature.properties;
		const commune = communes.get(properties.communeCode);
		if (!commune) throw new Error(`Unknown commune ${properties.communeCode}`);
		const isUrban = commune.unitType === 'phường';
		const shares = ageShares.get(commune.code) ?? { adults: 0.78, elderly: 0.15 };
		const box = boxes[index] as BBox;

		const population = Math.max(0, Math.round(properties.population));
		const householdSize =
			(isUrban ? HOUSEHOLD_SIZE.urban : HOUSEHOLD_SIZE.rural) * random.between(0.93, 1.07);
		const households = population > 0 ? Math.max(1, Math.round(population / householdSize)) : 0;
		const adults = Math.min(population, Math.round(population * shares.adults * random.between(0.97, 1.03)));
		// Hamlets age unevenly (young families in new urban areas, older villages); ±25% around the district.
		const elderly = Math.min(adults, Math.round(population * shares.elderly * random.between(0.75, 1.3)));

		const inMinorityCommune = minorityCommunes.has(commune.code);
		const isMinorityHamlet = minorityHamletIds.has(properties.id);
		let minorityShare: number;
		if (inMinorityCommune) {
			minorityShare = random.between(0.3, 0.9);
		} else if (isMinorityHamlet) {
			minorityShare = random.between(0.5, 0.9);
		} else {
			const centre = bboxCentre(box);
			const nearest = Math.min(Infinity, ...minorityCommuneCentres.map((other) => distanceKm(centre, other)));
			const spillover = isUrban ? 0 : Math.max(0, 1 - nearest / MINORITY_SPILLOVER_KM);
			minorityShare = 0.02 * random.next() ** 3 + spillover * random.between(0, 0.1);
		}

		return {
			id: properties.id,
			communeCode: commune.code,
			name: properties.name,
			kind: properties.kind,
			isUrban,
			isRural: !isUrban,
			population,
			households,
			adults,
			elderly,
			elderlyShare: population > 0 ? elderly / population : 0,
			minorityShare: roundTo(minorityShare, 3),
			inMinorityArea: inMinorityCommune || isMinorityHamlet,
			inMinorityCommune,
			standing: random.next(),
			geometry: feature.geometry,
			bbox: box
		};
	});
}
