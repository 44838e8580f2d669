// Reads an uploaded boundary file — GeoJSON or a zipped Shapefile — into WGS 84 MultiPolygons with the
// hamlet id and name each feature carries, refusing anything malformed or hostile with an InputError
// that names the feature, before any database work. No SQL here: the checks with PostGIS come next.
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import type { MultiPolygon } from 'geojson';
import { parseDbf, parseShp } from 'shpjs';
import { BOUNDARY_UPLOAD_LIMITS, type ChoosableCrs } from '$lib/boundary-upload';
import { InputError } from '$lib/input-error';
import { hasControlCharacters } from '$lib/text';
import { assertCoordinatesInHanoi } from '$lib/geo/assert-coordinates-in-hanoi';
import { assertVertexLimits } from '$lib/geo/assert-vertex-limits';
import type { Crs } from '$lib/geo/crs';
import { crsFromEpsg } from '$lib/geo/crs-from-epsg';
import { crsFromGeoJson } from '$lib/geo/crs-from-geojson';
import { crsFromPrj } from '$lib/geo/crs-from-prj';
import { reprojectGeometry } from '$lib/geo/reproject-geometry';
import { hamletKeyOfProperties } from '$lib/geo/hamlet-key-of-properties';

interface BoundaryFeature {
	index: number;
	/** The hamlet id the file gives, if any. */
	fileId: number | null;
	/** The name the file gives (NFC), if any. */
	name: string | null;
	geometry: MultiPolygon;
}

export interface BoundaryFile {
	fileName: string;
	format: 'geojson' | 'shapefile';
	crs: Crs;
	sha256: string;
	features: BoundaryFeature[];
}

const SHAPEFILE_PARTS = ['shp', 'shx', 'dbf', 'prj', 'cpg'] as const;
type ShapefilePart = (typeof SHAPEFILE_PARTS)[number];

function refused(code: string, vi: string, en: string, path = ''): InputError {
	const where = path ? ` [${path}]` : '';
	return InputError.invalid(code, { vi: `${vi}${where}`, en: `${en}${where}` }, path);
}

function isZip(bytes: Uint8Array): boolean {
	return (
		bytes[0] === 0x50 &&
		bytes[1] === 0x4b &&
		(bytes[2] === 3 || bytes[2] === 5) &&
		(bytes[3] === 4 || bytes[3] === 6)
	);
}

/**
 * The members of a zipped Shapefile by extension. The sizes the zip declares are checked before anything
 * is inflated, and fflate inflates each member into a buffer of its declared size, so a zip bomb (or a
 * zip that understates its sizes) can never use more memory than the limit.
 */
function unzipShapefile(bytes: Uint8Array): Partial<Record<ShapefilePart, Uint8Array>> {
	const limit = BOUNDARY_UPLOAD_LIMITS.unzippedBytes;
	let declared = 0;
	const bases = new Set<string>();
	let members: Record<string, Uint8Array>;
	try {
		members = unzipSync(bytes, {
			filter(file) {
				const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
				if (file.name.includes('__MACOSX') || !(SHAPEFILE_PARTS as readonly string[]).includes(extension))
					return false;
				declared += file.originalSize;
				if (declared > limit) {
					throw refused(
						'zip-too-large',
						`Tệp zip khi giải nén vượt ${limit / 1024 / 1024} MB (có thể là "zip bomb")`,
						`The zip unpacks to more than ${limit / 1024 / 1024} MB (possibly a zip bomb)`
					);
				}
				if (extension === 'shp') bases.add(file.name.slice(0, -4));
				return true;
			}
		});
	} catch (error) {
		if (error instanceof InputError) throw error;
		throw refused(
			'corrupt-zip',
			`Tệp zip bị hỏng hoặc không đầy đủ: ${(error as Error).message}`,
			`The zip is corrupt or truncated: ${(error as Error).message}`
		);
	}
	if (bases.size === 0) {
		throw refused('no-shapefile', 'Tệp zip không chứa tệp .shp nào', 'The zip holds no .shp file');
	}
	if (bases.size > 1) {
		throw refused(
			'several-shapefiles',
			`Tệp zip chứa ${bases.size} lớp .shp: hãy gửi mỗi lần một lớp`,
			`The zip holds ${bases.size} .shp layers: upload one at a time`
		);
	}
	const parts: Partial<Record<ShapefilePart, Uint8Array>> = {};
	for (const [name, data] of Object.entries(members)) {
		const extension = name.split('.').pop()!.toLowerCase() as ShapefilePart;
		parts[extension] = data;
	}
	return parts;
}

/** Raw features of a zipped Shapefile (coordinates as stored) and its CRS. */
function readShapefile(bytes: Uint8Array, chosen: ChoosableCrs): { features: unknown[]; crs: Crs } {
	const parts = unzipShapefile(bytes);
	const prj = parts.prj ? new TextDecoder().decode(parts.prj) : undefined;
	let crs: Crs;
	if (prj !== undefined && prj.trim() !== '') crs = crsFromPrj(prj);
	else if (chosen !== 'auto') crs = crsFromEpsg(Number(chosen) as 4326 | 5897 | 3405);
	else {
		throw refused(
			'missing-prj',
			'Thiếu tệp .prj: không biết hệ tọa độ. Hãy thêm tệp .prj vào zip hoặc chọn hệ tọa độ',
			'The .prj is missing: the coordinate system is unknown. Add the .prj to the zip or choose the CRS'
		);
	}
	let geometries: unknown[];
	try {
		geometries = parseShp(parts.shp!) as unknown[];
	} catch (error) {
		throw refused(
			'corrupt-shapefile',
			`Tệp .shp bị hỏng: ${(error as Error).message}`,
			`The .shp is corrupt: ${(error as Error).message}`
		);
	}
	let rows: Record<string, unknown>[] = [];
	if (parts.dbf) {
		const cpg = parts.cpg ? new TextDecoder().decode(parts.cpg).trim() : undefined;
		try {
			rows = parseDbf(parts.dbf, cpg) as Record<string, unknown>[];
		} catch (error) {
			throw refused(
				'corrupt-dbf',
				`Tệp .dbf bị hỏng hoặc bảng mã .cpg (${cpg ?? '—'}) không đọc được: ${(error as Error).message}`,
				`The .dbf is corrupt or its .cpg encoding (${cpg ?? '—'}) is unknown: ${(error as Error).message}`
			);
		}
		if (rows.length !== geometries.length) {
			throw refused(
				'corrupt-shapefile',
				`Tệp .shp có ${geometries.length} đối tượng nhưng .dbf có ${rows.length} dòng`,
				`The .shp has ${geometries.length} features but the .dbf ${rows.length} rows`
			);
		}
	}
	const features = geometries.map((geometry, index) => ({
		type: 'Feature',
		geometry,
		properties: rows[index] ?? {}
	}));
	return { features, crs };
}

/** Raw features of GeoJSON text (UTF-8, a BOM allowed) and its CRS. */
function readGeoJson(bytes: Uint8Array, chosen: ChoosableCrs): { features: unknown[]; crs: Crs } {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw refused('not-utf8', 'Tệp GeoJSON phải ở dạng UTF-8', 'The GeoJSON file must be UTF-8');
	}
	text = text.replace(/^\uFEFF/, '');
	if (text.trim() === '') throw refused('empty-file', 'Tệp rỗng', 'The file is empty');
	let input: unknown;
	try {
		input = JSON.parse(text);
	} catch (error) {
		throw refused(
			'broken-json',
			`Tệp không phải GeoJSON (JSON) hợp lệ cũng không phải tệp zip: ${(error as Error).message}`,
			`The file is neither valid GeoJSON (JSON) nor a zip: ${(error as Error).message}`
		);
	}
	const collection = input as { type?: unknown; features?: unknown; crs?: unknown };
	if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
		throw refused(
			'not-a-feature-collection',
			'Tệp GeoJSON phải là một FeatureCollection',
			'The GeoJSON file must be a FeatureCollection'
		);
	}
	const crs =
		collection.crs !== undefined || chosen === 'auto'
			? crsFromGeoJson(collection.crs)
			: crsFromEpsg(Number(chosen) as 4326 | 5897 | 3405);
	return { features: collection.features, crs };
}

/** A raw geometry as a MultiPolygon with numeric, closed rings of at least 4 positions, or an InputError. */
function multiPolygonOf(geometry: unknown, path: string): MultiPolygon {
	const raw = geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
	if (!raw || raw.type === undefined) {
		throw refused('empty-geometry', 'Đối tượng không có hình học', 'The feature has no geometry', path);
	}
	if (raw.type !== 'Polygon' && raw.type !== 'MultiPolygon') {
		throw refused(
			'wrong-geometry-type',
			`Hình học phải là vùng (Polygon/MultiPolygon), không phải ${String(raw.type).slice(0, 40)}`,
			`The geometry must be an area (Polygon/MultiPolygon), not ${String(raw.type).slice(0, 40)}`,
			path
		);
	}
	const polygons = (raw.type === 'Polygon' ? [raw.coordinates] : raw.coordinates) as unknown;
	if (
		!Array.isArray(polygons) ||
		polygons.length === 0 ||
		polygons.some((p) => !Array.isArray(p) || p.length === 0)
	) {
		throw refused(
			'empty-geometry',
			'Vùng rỗng (không có tọa độ)',
			'The polygon is empty (no coordinates)',
			path
		);
	}
	for (const [p, polygon] of (polygons as unknown[][]).entries()) {
		for (const [r, ring] of polygon.entries()) {
			const where = `${path}.coordinates[${p}][${r}]`;
			const positions = ring as unknown[];
			const valid =
				Array.isArray(positions) &&
				positions.every(
					(position) =>
						Array.isArray(position) &&
						position.length >= 2 &&
						Number.isFinite(position[0]) &&
						Number.isFinite(position[1])
				);
			if (!valid) {
				throw refused(
					'invalid-coordinates',
					'Tọa độ phải là cặp số',
					'Coordinates must be pairs of numbers',
					where
				);
			}
			const first = positions[0] as number[] | undefined;
			const last = positions.at(-1) as number[] | undefined;
			if (positions.length < 4 || first![0] !== last![0] || first![1] !== last![1]) {
				throw refused(
					'open-ring',
					'Vòng ranh giới phải khép kín và có ít nhất 4 điểm',
					'A boundary ring must be closed and have at least 4 positions',
					where
				);
			}
		}
	}
	const coordinates = (polygons as number[][][][]).map((polygon) =>
		polygon.map((ring) => ring.map((position) => [position[0]!, position[1]!]))
	);
	return { type: 'MultiPolygon', coordinates };
}

/**
 * Reads and checks an uploaded boundary file: the size, the format (a zip is a Shapefile, anything else
 * must be GeoJSON), the CRS (.prj, GeoJSON `crs`, or the person's choice), the number of features and
 * vertices, each geometry's type and shape, names (NFC, length, control characters), duplicate ids, and
 * that every reprojected coordinate lies around Hanoi. All before any database work.
 */
export function readBoundaryFile(
	bytes: Uint8Array,
	fileName: string,
	chosen: ChoosableCrs = 'auto'
): BoundaryFile {
	const limits = BOUNDARY_UPLOAD_LIMITS;
	if (bytes.length === 0) throw refused('empty-file', 'Tệp rỗng', 'The file is empty');
	if (bytes.length > limits.fileBytes) {
		throw refused(
			'file-too-large',
			`Tệp lớn hơn giới hạn ${limits.fileBytes / 1024 / 1024} MB`,
			`The file is larger than the ${limits.fileBytes / 1024 / 1024} MB limit`
		);
	}
	const format = isZip(bytes) ? 'shapefile' : 'geojson';
	const { features: raw, crs } =
		format === 'shapefile' ? readShapefile(bytes, chosen) : readGeoJson(bytes, chosen);
	if (raw.length === 0) {
		throw refused('empty-file', 'Tệp không có đối tượng (thôn) nào', 'The file holds no features (hamlets)');
	}
	if (raw.length > limits.features) {
		throw refused(
			'too-many-features',
			`Tệp có ${raw.length} đối tượng, quá giới hạn ${limits.features}`,
			`The file has ${raw.length} features, over the limit of ${limits.features}`
		);
	}
	assertVertexLimits(raw, limits.vertices, 'features');
	const seenIds = new Map<number, number>();
	const features = raw.map((feature, index): BoundaryFeature => {
		const path = `features[${index}]`;
		const properties = (feature as { properties?: unknown } | null)?.properties;
		const { id: fileId, name } = hamletKeyOfProperties(properties);
		if (name !== null) {
			if (name.length > limits.nameCharacters) {
				throw refused(
					'name-too-long',
					`Tên thôn dài ${name.length} ký tự, quá giới hạn ${limits.nameCharacters}`,
					`The hamlet name is ${name.length} characters long, over the limit of ${limits.nameCharacters}`,
					`${path}.properties.name`
				);
			}
			if (hasControlCharacters(name)) {
				throw refused(
					'control-characters',
					'Tên thôn chứa ký tự điều khiển',
					'The hamlet name holds control characters',
					`${path}.properties.name`
				);
			}
		}
		if (fileId !== null) {
			const earlier = seenIds.get(fileId);
			if (earlier !== undefined) {
				throw refused(
					'duplicate-key',
					`Mã thôn ${fileId} xuất hiện hai lần (cả ở features[${earlier}])`,
					`Hamlet id ${fileId} appears twice (also at features[${earlier}])`,
					`${path}.properties.id`
				);
			}
			seenIds.set(fileId, index);
		}
		const geometry = reprojectGeometry(
			multiPolygonOf((feature as { geometry?: unknown } | null)?.geometry, `${path}.geometry`),
			crs
		);
		assertCoordinatesInHanoi(geometry.coordinates, `${path}.geometry`);
		return { index, fileId, name, geometry };
	});
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	return { fileName: fileName.normalize('NFC').slice(0, 255), format, crs, sha256, features };
}
