// Official hamlet boundaries for one commune: the PostGIS checks behind the upload's preview (validity
// with the offered ST_MakeValid repair, inside the commune within a tolerance, overlaps, the share of the
// commune left uncovered) and the commit that replaces the approximate geometry. The file itself is read
// and checked before this, in src/lib/server/boundaries (no SQL there).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import {
	COMMUNE_TOLERANCE_DEGREES,
	OVERLAP_REFUSED_SHARE,
	type BoundaryOverlap,
	type FeatureTarget
} from '../../boundary-upload';
import type { BoundarySource } from '../../domain';
import { InputError, inputIssue, type InputIssue } from '../../input-error';
import { featureCollectionFromRows } from './geojson-rows';
import { ensureDataset } from './datasets';
import { selectRows, type Database } from './index';
import { boundaryUploads, communes, hamlets } from './schema';
import { withWrite, type Actor, type WriteOptions } from './write';
import { currentHamlets, isCurrentHamlet } from './current-hamlets';

/** An uploaded boundary as the checks take it: its place in the file, its geometry (WGS 84), its hamlet if known. */
export interface BoundaryInput {
	index: number;
	geometry: MultiPolygon;
	hamletId: number | null;
}

/** What PostGIS says of one uploaded boundary. */
interface BoundaryCheck {
	index: number;
	/** ST_IsValidReason when the geometry is invalid, else null. */
	invalidReason: string | null;
	/** The repaired geometry (ST_MakeValid, polygons kept) when invalid and the repair was asked for. */
	repaired: MultiPolygon | null;
	/** Nothing is left after the repair (a degenerate polygon). */
	emptyAfterRepair: boolean;
	areaM2: number;
	outsideM2: number;
	/** Reaches beyond the commune by more than COMMUNE_TOLERANCE_DEGREES. */
	beyondTolerance: boolean;
}

export interface BoundaryInspection {
	checks: BoundaryCheck[];
	overlaps: BoundaryOverlap[];
	uncoveredShare: number;
}

/** Overlaps smaller than this (m²) are rounding, not worth a line in the report. */
const NEGLIGIBLE_OVERLAP_M2 = 1;

/**
 * Checks uploaded boundaries of one commune with PostGIS, in three queries whatever their number: each
 * one's validity (and, with `repair`, its ST_MakeValid repair), area and part outside the commune; the
 * overlaps between the hamlets as they would be (uploaded boundaries, plus the commune's other hamlets
 * as stored); and the share of the commune no hamlet would cover. Invalid boundaries left unrepaired are
 * left out of the last two (PostGIS cannot intersect them).
 */
export async function inspectBoundaries(
	db: Database,
	communeCode: string,
	inputs: readonly BoundaryInput[],
	options: { repair: boolean; retire?: readonly number[] }
): Promise<BoundaryInspection> {
	const retired = JSON.stringify(options.retire ?? []);
	const payload = JSON.stringify(
		inputs.map(({ index, geometry, hamletId }) => ({ index, hamletId, geometry }))
	);
	const inputSql = sql`
		input AS (
			SELECT (f->>'index')::int AS index, (f->>'hamletId')::int AS hamlet_id,
				ST_SetSRID(ST_GeomFromGeoJSON(f->'geometry'), 4326) AS original
			FROM jsonb_array_elements(${payload}::jsonb) AS f
		),
		checked AS (
			SELECT index, hamlet_id, original, ST_IsValid(original) AS valid FROM input
		),
		effective AS (
			SELECT index, hamlet_id, valid,
				CASE WHEN valid THEN NULL ELSE ST_IsValidReason(original) END AS reason,
				CASE WHEN valid THEN original
					WHEN ${options.repair}::boolean THEN ST_Multi(ST_CollectionExtract(ST_MakeValid(original), 3))
				END AS geom
			FROM checked
		),
		commune AS (
			SELECT geom, ST_Buffer(geom, ${COMMUNE_TOLERANCE_DEGREES}::float8) AS grown FROM communes WHERE code = ${communeCode}
		)`;
	const checks = await selectRows<{
		index: number;
		reason: string | null;
		repaired: string | null;
		empty: boolean;
		areaM2: number;
		outsideM2: number;
		beyond: boolean;
	}>(
		db,
		sql`WITH ${inputSql}
			SELECT e.index, e.reason,
				CASE WHEN NOT e.valid AND e.geom IS NOT NULL AND NOT ST_IsEmpty(e.geom) THEN ST_AsGeoJSON(e.geom, 7) END AS repaired,
				(e.geom IS NOT NULL AND ST_IsEmpty(e.geom)) AS empty,
				CASE WHEN e.geom IS NULL OR ST_IsEmpty(e.geom) THEN 0 ELSE ST_Area(e.geom::geography) END AS "areaM2",
				CASE WHEN e.geom IS NULL OR ST_IsEmpty(e.geom) THEN 0
					ELSE ST_Area(ST_Difference(e.geom, c.geom)::geography) END AS "outsideM2",
				CASE WHEN e.geom IS NULL OR ST_IsEmpty(e.geom) THEN false
					ELSE NOT ST_CoveredBy(e.geom, c.grown) END AS beyond
			FROM effective e CROSS JOIN commune c
			ORDER BY e.index`
	);
	const overlaps = await selectRows<{
		a: string;
		b: string;
		areaM2: number;
		share: number;
		bothUploaded: boolean;
	}>(
		db,
		sql`WITH ${inputSql},
			uploaded AS (
				SELECT 'features[' || index || ']' AS label, index, geom FROM effective
				WHERE geom IS NOT NULL AND NOT ST_IsEmpty(geom)
			),
			kept AS (
				SELECT 'hamlet ' || h.id AS label, h.geom FROM ${currentHamlets} h
				WHERE h.commune_code = ${communeCode}
					AND h.id NOT IN (SELECT hamlet_id FROM input WHERE hamlet_id IS NOT NULL)
					AND h.id NOT IN (SELECT value::int FROM jsonb_array_elements_text(${retired}::jsonb))
			),
			pairs AS (
				SELECT a.label AS a, b.label AS b, true AS both_uploaded, a.geom AS ga, b.geom AS gb
				FROM uploaded a JOIN uploaded b ON a.index < b.index AND ST_Intersects(a.geom, b.geom)
				UNION ALL
				SELECT a.label, k.label, false, a.geom, k.geom
				FROM uploaded a JOIN kept k ON ST_Intersects(a.geom, k.geom)
			),
			measured AS (
				SELECT a, b, both_uploaded, ST_Area(ST_Intersection(ga, gb)::geography) AS area,
					least(ST_Area(ga::geography), ST_Area(gb::geography)) AS smaller
				FROM pairs WHERE ST_Relate(ga, gb, '2********')
			)
			SELECT a, b, area AS "areaM2", CASE WHEN smaller > 0 THEN area / smaller ELSE 0 END AS share,
				both_uploaded AS "bothUploaded"
			FROM measured WHERE area > ${NEGLIGIBLE_OVERLAP_M2}
			ORDER BY area DESC`
	);
	const [coverage] = await selectRows<{ uncovered: number | null }>(
		db,
		sql`WITH ${inputSql},
			hamlets_after AS (
				SELECT geom FROM effective WHERE geom IS NOT NULL AND NOT ST_IsEmpty(geom)
				UNION ALL
				SELECT h.geom FROM ${currentHamlets} h
				WHERE h.commune_code = ${communeCode}
					AND h.id NOT IN (SELECT hamlet_id FROM input WHERE hamlet_id IS NOT NULL)
					AND h.id NOT IN (SELECT value::int FROM jsonb_array_elements_text(${retired}::jsonb))
			)
			SELECT 1 - ST_Area(ST_Intersection((SELECT ST_Union(geom) FROM hamlets_after), c.geom)::geography)
				/ ST_Area(c.geom::geography) AS uncovered
			FROM commune c`
	);
	return {
		checks: checks.map((row) => ({
			index: row.index,
			invalidReason: row.reason,
			repaired: row.repaired ? (JSON.parse(row.repaired) as MultiPolygon) : null,
			emptyAfterRepair: row.empty,
			areaM2: Number(row.areaM2),
			outsideM2: Number(row.outsideM2),
			beyondTolerance: row.beyond
		})),
		overlaps: overlaps.map((row) => ({ ...row, areaM2: Number(row.areaM2), share: Number(row.share) })),
		uncoveredShare: Math.max(0, Number(coverage?.uncovered ?? 1))
	};
}

/** What blocks a commit: unrepaired or empty geometry, a boundary beyond its commune, uploaded hamlets overlapping. */
export function blockingIssues(inspection: BoundaryInspection): InputIssue[] {
	const issues: InputIssue[] = [];
	for (const check of inspection.checks) {
		const path = `features[${check.index}].geometry`;
		if (check.emptyAfterRepair) {
			issues.push(
				inputIssue(path, 'empty-geometry', {
					vi: `Sửa hình học không để lại vùng nào (đa giác suy biến): ${check.invalidReason} [${path}]`,
					en: `Repairing leaves no area (a degenerate polygon): ${check.invalidReason} [${path}]`
				})
			);
		} else if (check.invalidReason && !check.repaired) {
			issues.push(
				inputIssue(path, 'invalid-geometry', {
					vi: `Hình học không hợp lệ: ${check.invalidReason}. Có thể chọn "Sửa bằng ST_MakeValid" [${path}]`,
					en: `Invalid geometry: ${check.invalidReason}. You may choose "Repair with ST_MakeValid" [${path}]`
				})
			);
		}
		if (check.beyondTolerance) {
			issues.push(
				inputIssue(path, 'outside-commune', {
					vi: `Ranh giới vượt ra ngoài xã/phường quá dung sai (${Math.round(check.outsideM2)} m² ở ngoài) [${path}]`,
					en: `The boundary reaches beyond the commune by more than the tolerance (${Math.round(check.outsideM2)} m² outside) [${path}]`
				})
			);
		}
	}
	for (const overlap of inspection.overlaps) {
		if (overlap.bothUploaded && overlap.share > OVERLAP_REFUSED_SHARE) {
			issues.push(
				inputIssue(overlap.a, 'overlapping-hamlets', {
					vi: `${overlap.a} và ${overlap.b} chồng lấn ${Math.round(overlap.areaM2)} m² (${(overlap.share * 100).toFixed(1)}% thôn nhỏ hơn)`,
					en: `${overlap.a} and ${overlap.b} overlap by ${Math.round(overlap.areaM2)} m² (${(overlap.share * 100).toFixed(1)}% of the smaller)`
				})
			);
		}
	}
	return issues;
}

/** One boundary to commit: what it becomes, and its name (a new hamlet's name). */
interface BoundaryCommitFeature extends Omit<BoundaryInput, 'hamletId'> {
	target: FeatureTarget;
	name: string | null;
}

export interface BoundaryCommit {
	communeCode: string;
	fileName: string;
	sha256: string;
	crsName: string;
	features: readonly BoundaryCommitFeature[];
	repair: boolean;
	/** Hamlets of the commune to retire (no feature may go to them): they leave the map, keeping their figures. */
	retire: readonly number[];
}

export interface BoundaryCommitResult {
	/** The upload's id in boundary_uploads: what the boundaries page's history undoes. */
	uploadId: number;
	replaced: number[];
	created: { id: number; name: string }[];
	retired: number[];
}

/**
 * Commits official boundaries for one commune in one write, all or nothing: checks the targets (hamlets of
 * this commune, each at most once; a new hamlet needs a name), runs the checks again inside the
 * transaction and refuses on anything blocking, then replaces each target's geometry (boundary source
 * 'official'; figures and history stay) and creates the new hamlets (no figures yet) in an 'uploaded'
 * dataset named after the file's SHA-256, and retires the hamlets asked for (retired_at: off the map,
 * figures and history kept). The data revision moves (triggers), so tiles and caches
 * refresh; the audit event lists the hamlets with their former source.
 */
export async function commitBoundaries(
	db: Database,
	actor: Actor,
	commit: BoundaryCommit,
	options: WriteOptions = {}
): Promise<BoundaryCommitResult> {
	return withWrite(
		db,
		actor,
		async (tx) => {
			const [commune] = await tx
				.select({ code: communes.code, unitType: communes.unitType, fullName: communes.fullName })
				.from(communes)
				.where(eq(communes.code, commit.communeCode));
			if (!commune) {
				throw InputError.notFound('unknown-commune', {
					vi: `Không có xã/phường mã ${commit.communeCode}`,
					en: `No commune has code ${commit.communeCode}`
				});
			}
			const targetIds = commit.features.flatMap((feature) =>
				feature.target.kind === 'hamlet' ? [feature.target.hamletId] : []
			);
			const mentioned = [...targetIds, ...commit.retire];
			const stored =
				mentioned.length === 0
					? []
					: await tx
							.select({ id: hamlets.id, boundarySource: hamlets.boundarySource })
							.from(hamlets)
							.where(
								and(
									inArray(hamlets.id, mentioned),
									eq(hamlets.communeCode, commit.communeCode),
									isCurrentHamlet
								)
							);
			const own = new Set(stored.map((row) => row.id));
			const issues = [...targetIssues(commit.features, own), ...retireIssues(commit.retire, targetIds, own)];
			if (issues.length > 0) throw InputError.fromIssues(issues);
			const newIds = await nextHamletIds(
				tx,
				commit.features.filter((feature) => feature.target.kind === 'new').length
			);
			const inputs = commit.features.map((feature) => ({
				index: feature.index,
				geometry: feature.geometry,
				hamletId: feature.target.kind === 'hamlet' ? feature.target.hamletId : null
			}));
			const inspection = await inspectBoundaries(tx, commit.communeCode, inputs, {
				repair: commit.repair,
				retire: commit.retire
			});
			const blocking = blockingIssues(inspection);
			if (blocking.length > 0) throw InputError.fromIssues(blocking);
			const effective = new Map(inspection.checks.map((check) => [check.index, check.repaired]));
			const result: BoundaryCommitResult = {
				uploadId: 0,
				replaced: [],
				created: [],
				retired: [...commit.retire]
			};
			// What the undo puts back: the replaced hamlets' geometry and source as they are now.
			// The geometry as EWKB in hex: exact, where GeoJSON text would round the coordinates.
			const previous = await selectRows<{ id: number; boundarySource: string; ewkb: string }>(
				tx,
				sql`SELECT id, boundary_source::text AS "boundarySource", encode(ST_AsEWKB(geom), 'hex') AS ewkb
					FROM ${hamlets}
					WHERE id IN (SELECT value::int FROM jsonb_array_elements_text(${JSON.stringify(targetIds)}::jsonb))
					ORDER BY id`
			);
			if (commit.retire.length > 0) {
				await tx
					.update(hamlets)
					.set({ retiredAt: sql`now()` })
					.where(inArray(hamlets.id, [...commit.retire]));
			}
			const dataset = {
				id: `boundaries-${commit.communeCode}-${commit.sha256.slice(0, 16)}`,
				kind: 'uploaded' as const,
				title: `Ranh giới thôn chính thức, ${commune.fullName} (official hamlet boundaries): ${commit.fileName}`,
				source: `${commit.fileName} (sha256 ${commit.sha256}, ${commit.crsName})`
			};
			for (const feature of commit.features) {
				const geometry = effective.get(feature.index) ?? feature.geometry;
				if (feature.target.kind === 'hamlet') {
					await tx
						.update(hamlets)
						.set({ geom: geometry, boundarySource: 'official' })
						.where(eq(hamlets.id, feature.target.hamletId));
					result.replaced.push(feature.target.hamletId);
				} else {
					if (result.created.length === 0) await ensureDataset(tx, dataset);
					const id = newIds[result.created.length]!;
					const isWard = commune.unitType === 'phường';
					await tx.insert(hamlets).values({
						id,
						communeCode: commit.communeCode,
						name: feature.name!,
						kind: isWard ? 'tổ dân phố' : 'thôn',
						households: 0,
						adults: 0,
						elderly: 0,
						minorityShare: 0,
						isRural: !isWard,
						boundarySource: 'official',
						geom: geometry,
						datasetId: dataset.id
					});
					result.created.push({ id, name: feature.name! });
				}
			}
			const [upload] = await tx
				.insert(boundaryUploads)
				.values({
					communeCode: commit.communeCode,
					fileName: commit.fileName,
					sha256: commit.sha256,
					userId: actor.kind === 'user' ? actor.id : null,
					username: actor.kind === 'user' ? actor.username : null,
					previous,
					created: result.created.map((hamlet) => hamlet.id),
					retired: result.retired
				})
				.returning({ id: boundaryUploads.id });
			result.uploadId = upload!.id;
			const former = new Map(stored.map((row) => [row.id, row.boundarySource]));
			return {
				value: result,
				audit: {
					action: 'hamlet-boundaries.replace',
					entityType: 'hamlets',
					entityId: null,
					communeCode: commit.communeCode,
					// The polygons are too large for the trail: which hamlets changed, from what, and the file.
					changes: {
						upload: result.uploadId,
						file: { name: commit.fileName, sha256: commit.sha256, crs: commit.crsName },
						hamlets: result.replaced.map((id) => ({ id, before: former.get(id), after: 'official' })),
						created: result.created,
						retired: result.retired,
						repaired: inspection.checks.filter((check) => check.repaired).map((check) => check.index),
						uncoveredShare: inspection.uncoveredShare
					}
				}
			};
		},
		options
	);
}

/** Targets that are not hamlets of this commune, hamlets given twice, new hamlets without a name. */
function targetIssues(
	features: readonly BoundaryCommitFeature[],
	ownHamletIds: ReadonlySet<number>
): InputIssue[] {
	const issues: InputIssue[] = [];
	const seen = new Map<number, number>();
	for (const feature of features) {
		const path = `features[${feature.index}]`;
		if (feature.target.kind === 'new') {
			if (!feature.name) {
				issues.push(
					inputIssue(path, 'missing-name', {
						vi: `Thôn mới cần có tên trong tệp [${path}]`,
						en: `A new hamlet needs a name in the file [${path}]`
					})
				);
			}
			continue;
		}
		const id = feature.target.hamletId;
		if (!ownHamletIds.has(id)) {
			issues.push(
				inputIssue(path, 'unknown-hamlet', {
					vi: `Thôn mã ${id} không thuộc xã/phường này [${path}]`,
					en: `Hamlet ${id} is not a hamlet of this commune [${path}]`
				})
			);
		}
		const earlier = seen.get(id);
		if (earlier !== undefined) {
			issues.push(
				inputIssue(path, 'duplicate-key', {
					vi: `Thôn mã ${id} được gán hai ranh giới (cả features[${earlier}]) [${path}]`,
					en: `Hamlet ${id} is given two boundaries (also features[${earlier}]) [${path}]`
				})
			);
		}
		seen.set(id, feature.index);
	}
	return issues;
}

/** Hamlets to retire that are not current hamlets of this commune, or that a feature also goes to. */
function retireIssues(
	retire: readonly number[],
	targetIds: readonly number[],
	ownHamletIds: ReadonlySet<number>
): InputIssue[] {
	return retire.flatMap((id, index): InputIssue[] => {
		const path = `retire[${index}]`;
		if (!ownHamletIds.has(id)) {
			return [
				inputIssue(path, 'unknown-hamlet', {
					vi: `Thôn mã ${id} không phải thôn hiện có của xã/phường này [${path}]`,
					en: `Hamlet ${id} is not a current hamlet of this commune [${path}]`
				})
			];
		}
		if (targetIds.includes(id)) {
			return [
				inputIssue(path, 'retire-mapped-hamlet', {
					vi: `Thôn mã ${id} vừa được gán ranh giới vừa bị cho thôi: chọn một [${path}]`,
					en: `Hamlet ${id} both gets a boundary and is retired: choose one [${path}]`
				})
			];
		}
		return [];
	});
}

/** `count` unused hamlet ids after the largest one. */
async function nextHamletIds(db: Database, count: number): Promise<number[]> {
	if (count === 0) return [];
	const [row] = await db.select({ max: sql<number>`coalesce(max(${hamlets.id}), 0)::int` }).from(hamlets);
	return Array.from({ length: count }, (_, k) => Number(row?.max ?? 0) + 1 + k);
}

/** A commune's outline and its hamlets' current boundaries: what the preview map draws under the upload. */
export interface CommuneBoundaryLayers {
	outline: MultiPolygon;
	bounds: [number, number, number, number];
	hamlets: FeatureCollection<MultiPolygon, { id: number; name: string; boundarySource: BoundarySource }>;
}

/** The outline and current hamlet boundaries of a commune, or null when the code is unknown. */
export async function communeBoundaryLayers(
	db: Database,
	communeCode: string
): Promise<CommuneBoundaryLayers | null> {
	const [commune] = await selectRows<{
		outline: string;
		west: number;
		south: number;
		east: number;
		north: number;
	}>(
		db,
		sql`SELECT ST_AsGeoJSON(geom, 6) AS outline, ST_XMin(geom) AS west, ST_YMin(geom) AS south,
				ST_XMax(geom) AS east, ST_YMax(geom) AS north
			FROM communes WHERE code = ${communeCode}`
	);
	if (!commune) return null;
	const rows = await selectRows<{
		id: number;
		name: string;
		boundarySource: BoundarySource;
		geometry: string;
	}>(
		db,
		sql`SELECT id, name, boundary_source AS "boundarySource", ST_AsGeoJSON(geom, 6) AS geometry
			FROM ${currentHamlets} AS hamlets WHERE commune_code = ${communeCode} ORDER BY id`
	);
	return {
		outline: JSON.parse(commune.outline) as MultiPolygon,
		bounds: [commune.west, commune.south, commune.east, commune.north].map(Number) as [
			number,
			number,
			number,
			number
		],
		hamlets: featureCollectionFromRows<
			MultiPolygon,
			{ id: number; name: string; boundarySource: BoundarySource }
		>(rows, (hamlet) => hamlet.id)
	};
}
