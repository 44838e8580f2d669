import * as z from 'zod';
import { BOUNDARY_SOURCES, HAMLET_KINDS, UNIT_TYPES } from '../../domain';
import { BOUNDARY_UPLOAD_LIMITS } from '../../boundary-upload';
import { assertCoordinatesInHanoi } from '../../geo/assert-coordinates-in-hanoi';
import { assertVertexLimits } from '../../geo/assert-vertex-limits';
import { hasControlCharacters } from '../../text';
import { parseJsonInput, refusedLoad } from './load-error';

const linearRing = z
	.array(z.array(z.number()).min(2))
	.min(4)
	.refine((ring) => ring[0]?.[0] === ring.at(-1)?.[0] && ring[0]?.[1] === ring.at(-1)?.[1], {
		message: 'vòng không khép kín / ring is not closed'
	});

/** GeoJSON Polygon or MultiPolygon; validity (self-intersections…) is checked by PostGIS on load. */
const polygonalGeometrySchema = z.discriminatedUnion('type', [
	z.object({ type: z.literal('Polygon'), coordinates: z.array(linearRing).min(1) }),
	z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(linearRing).min(1)).min(1) })
]);

const communeCode = z.string().regex(/^[0-9]{5}$/, 'mã 5 chữ số / 5-digit code');
const count = z.number().int().nonnegative();
const isoDate = z.iso.date();

/** One commune-level unit as in geodata/hanoi_2025_communes_full.geojson. */
export const communeFeatureSchema = z.object({
	type: z.literal('Feature'),
	properties: z.object({
		code: communeCode,
		name: z.string().min(1),
		fullName: z.string().min(1),
		unitType: z.enum(['Phường', 'Xã']),
		popSapnhap: count,
		areaKm2: z.number().positive(),
		adminCenterLon: z.number().nullish(),
		adminCenterLat: z.number().nullish()
	}),
	geometry: polygonalGeometrySchema
});

/** A hamlet's name: NFC, at most 200 characters (a 1 MB name was once accepted), no control characters. */
const hamletName = z
	.string()
	.min(1)
	.max(BOUNDARY_UPLOAD_LIMITS.nameCharacters)
	.refine((name) => !hasControlCharacters(name), { message: 'ký tự điều khiển / control characters' })
	.transform((name) => name.normalize('NFC'));

/** One hamlet with its figures; `id` is stable (see geodata/README.md). */
export const hamletFeatureSchema = z.object({
	type: z.literal('Feature'),
	properties: z
		.object({
			id: z.number().int().positive(),
			communeCode,
			name: hamletName,
			kind: z.enum(HAMLET_KINDS),
			households: count,
			adults: count,
			elderly: count,
			minorityShare: z.number().min(0).max(1),
			isRural: z.boolean(),
			boundarySource: z.enum(BOUNDARY_SOURCES)
		})
		.refine((hamlet) => hamlet.elderly <= hamlet.adults, {
			message: 'số người cao tuổi lớn hơn số người trưởng thành / more elderly than adults'
		}),
	geometry: polygonalGeometrySchema
});

/** A replacement boundary for an existing hamlet, e.g. an official one drawn by the commune. */
export const hamletBoundaryFeatureSchema = z.object({
	type: z.literal('Feature'),
	properties: z.object({ id: z.number().int().positive() }),
	geometry: polygonalGeometrySchema
});

export const teamRowSchema = z
	.object({
		id: z.number().int().positive(),
		communeCode,
		name: z.string().min(1),
		members: count,
		membersTrained: count
	})
	.refine((team) => team.membersTrained <= team.members, {
		message: 'số thành viên đã tập huấn lớn hơn số thành viên / more trained members than members'
	});

export const surveyRowSchema = z
	.object({
		hamletId: z.number().int().positive(),
		month: isoDate.regex(/-01$/, 'ngày đầu tháng / first day of a month'),
		adultsAssessed: count,
		withBasicSkills: count,
		withSmartphone: count,
		withEpayment: count,
		withVneidLevel2: count
	})
	.refine(
		(survey) =>
			Math.max(survey.withBasicSkills, survey.withSmartphone, survey.withEpayment, survey.withVneidLevel2) <=
			survey.adultsAssessed,
		{ message: 'số đếm lớn hơn số người được khảo sát / a count exceeds adults assessed' }
	);

/** The city's outline, as in geodata/hanoi_2025_province.geojson (other properties are ignored). */
export const cityOutlineFeatureSchema = z.object({
	type: z.literal('Feature'),
	properties: z.object({
		code: z.string().regex(/^[0-9]{2}$/, 'mã 2 chữ số / 2-digit code'),
		name: z.string().min(1),
		fullName: z.string().min(1)
	}),
	geometry: polygonalGeometrySchema
});

/** A designated area: a whole xã (no hamlet name), or a named thôn of a commune. */
export const minorityAreaRowSchema = z
	.object({
		level: z.enum(['commune', 'hamlet']),
		communeCode,
		hamletName: z.string().trim().min(1).nullable()
	})
	.refine((area) => (area.level === 'hamlet') === (area.hamletName !== null), {
		message: 'tên thôn cần có với cấp thôn và chỉ với cấp thôn / a hamlet name goes with level hamlet only'
	});

export type HamletFeatureInput = z.infer<typeof hamletFeatureSchema>;
export type TeamRowInput = z.infer<typeof teamRowSchema>;
export type SurveyRowInput = z.infer<typeof surveyRowSchema>;

/** Unit type as stored: the source files capitalise it ('Phường'), the database does not. */
export function toUnitType(sourceUnitType: 'Phường' | 'Xã'): (typeof UNIT_TYPES)[number] {
	return sourceUnitType === 'Phường' ? 'phường' : 'xã';
}

/**
 * Validates every item with `schema`; the first bad one becomes an InputError naming its
 * position and field, with zod's Vietnamese and English messages.
 */
export function validateItems<T>(schema: z.ZodType<T>, items: unknown[], listName: string): T[] {
	return items.map((item, index) => {
		const result = schema.safeParse(item);
		if (result.success) return result.data;
		const issue = result.error.issues[0];
		const path = [`${listName}[${index}]`, ...(issue?.path ?? []).map(String)].join('.');
		const vi = schema.safeParse(item, { error: z.locales.vi().localeError }).error?.issues[0]?.message;
		const en = schema.safeParse(item, { error: z.locales.en().localeError }).error?.issues[0]?.message;
		throw refusedLoad(
			'invalid-value',
			{ vi: `Giá trị không hợp lệ: ${vi ?? issue?.message}`, en: `Invalid value: ${en ?? issue?.message}` },
			path
		);
	});
}

/** Reads `features` out of a parsed FeatureCollection, or refuses the input. */
function featuresOf(input: unknown, what: { vi: string; en: string }): unknown[] {
	const collection = input as { type?: unknown; features?: unknown };
	if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
		throw refusedLoad('not-a-feature-collection', {
			vi: `Tệp ${what.vi} phải là một GeoJSON FeatureCollection`,
			en: `The ${what.en} file must be a GeoJSON FeatureCollection`
		});
	}
	return collection.features;
}

/**
 * The features of GeoJSON text (a BOM allowed), each validated with `schema`: what the GeoJSON loaders
 * (Hanoi's polygons) read. Refused before any SQL: no features at all, more vertices than the upload's
 * limits (checked first, so a million-vertex polygon fails fast), and coordinates away from Hanoi, with
 * the likely cause (lat/lng swapped, projected metres) and the feature's place.
 */
export function validFeatures<T extends { geometry: z.infer<typeof polygonalGeometrySchema> }>(
	schema: z.ZodType<T>,
	geojsonText: string,
	what: { vi: string; en: string }
): T[] {
	const raw = featuresOf(parseJsonInput(geojsonText, what), what);
	if (raw.length === 0) {
		throw refusedLoad('empty-file', {
			vi: `Tệp ${what.vi} không có đối tượng nào`,
			en: `The ${what.en} file holds no features`
		});
	}
	assertVertexLimits(raw, BOUNDARY_UPLOAD_LIMITS.vertices, 'features');
	const features = validateItems(schema, raw, 'features');
	for (const [index, { geometry }] of features.entries()) {
		const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
		assertCoordinatesInHanoi(polygons, `features[${index}].geometry`);
	}
	return features;
}
