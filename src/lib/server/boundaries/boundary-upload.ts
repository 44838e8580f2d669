// The boundary upload as the page runs it: read the file (read-boundary-file.ts), match its features to
// the commune's hamlets, check them with PostGIS, and show the preview; or commit them with the person's
// mapping. The commit reads and checks the file again from scratch: nothing from the preview is trusted.
import type { BoundaryPreview, ChoosableCrs, FeatureTarget } from '$lib/boundary-upload';
import { matchBoundaryFeatures } from '$lib/geo/match-boundary-features';
import { InputError, inputIssue } from '$lib/input-error';
import type { Database } from '../db';
import {
	blockingIssues,
	commitBoundaries,
	inspectBoundaries,
	type BoundaryCommitResult
} from '../db/hamlet-boundaries';
import { hamletNamesInCommune } from '../db/hamlets';
import type { Actor, WriteOptions } from '../db/write';
import { readBoundaryFile } from './read-boundary-file';

export interface UploadedFile {
	bytes: Uint8Array;
	name: string;
}

export interface UploadOptions {
	crs: ChoosableCrs;
	repair: boolean;
	/** The person's mapping, by feature index; a feature without one keeps its automatic match. */
	targets?: ReadonlyMap<number, FeatureTarget>;
	/** Hamlets without a feature to retire. */
	retire?: readonly number[];
}

/** The hamlet each feature's boundary goes to (null: a new hamlet, or not yet mapped). */
function targetHamletIds(
	matches: readonly { hamletId: number | null }[],
	targets: ReadonlyMap<number, FeatureTarget> | undefined
): (number | null)[] {
	return matches.map((match, index) => {
		const target = targets?.get(index);
		if (!target) return match.hamletId;
		return target.kind === 'hamlet' ? target.hamletId : null;
	});
}

/** Reads, matches and checks an upload, writing nothing: what the preview shows. */
export async function previewBoundaryUpload(
	db: Database,
	communeCode: string,
	file: UploadedFile,
	options: UploadOptions
): Promise<BoundaryPreview> {
	const read = readBoundaryFile(file.bytes, file.name, options.crs);
	const matches = matchBoundaryFeatures(read.features, await hamletNamesInCommune(db, communeCode));
	const hamletIds = targetHamletIds(matches, options.targets);
	const inspection = await inspectBoundaries(
		db,
		communeCode,
		read.features.map((feature, index) => ({ ...feature, hamletId: hamletIds[index]! })),
		{ repair: options.repair, retire: options.retire }
	);
	return {
		fileName: read.fileName,
		format: read.format,
		crsName: read.crs.name,
		features: read.features.map((feature, index) => {
			const check = inspection.checks[index]!;
			return {
				index,
				name: feature.name,
				fileId: feature.fileId,
				matchedHamletId: matches[index]!.hamletId,
				matchedBy: matches[index]!.by,
				invalidReason: check.invalidReason,
				repaired: check.repaired !== null,
				outsideM2: check.outsideM2,
				outsideBeyondTolerance: check.beyondTolerance,
				areaM2: check.areaM2,
				geometry: check.repaired ?? feature.geometry
			};
		}),
		overlaps: inspection.overlaps,
		uncoveredShare: inspection.uncoveredShare,
		blocking: blockingIssues(inspection).map(({ path, vi, en }) => ({ path, vi, en }))
	};
}

/**
 * Commits an upload: each feature goes to the hamlet the person mapped it to (`targets`, by feature
 * index), else to its automatic match; a feature with neither refuses the whole upload, listing them.
 */
export async function commitBoundaryUpload(
	db: Database,
	actor: Actor,
	communeCode: string,
	file: UploadedFile,
	options: UploadOptions,
	writeOptions: WriteOptions = {}
): Promise<BoundaryCommitResult> {
	const read = readBoundaryFile(file.bytes, file.name, options.crs);
	const matches = matchBoundaryFeatures(read.features, await hamletNamesInCommune(db, communeCode));
	const targets = options.targets ?? new Map<number, FeatureTarget>();
	const unmapped = read.features.filter(
		(feature) => !targets.has(feature.index) && matches[feature.index]!.hamletId === null
	);
	if (unmapped.length > 0) {
		throw InputError.fromIssues(
			unmapped.map((feature) =>
				inputIssue(`features[${feature.index}]`, 'unmatched-feature', {
					vi: `Chưa gán "${feature.name ?? '—'}" cho thôn nào: chọn một thôn hoặc tạo thôn mới [features[${feature.index}]]`,
					en: `"${feature.name ?? '—'}" is not matched to a hamlet: choose one or create a new hamlet [features[${feature.index}]]`
				})
			)
		);
	}
	return commitBoundaries(
		db,
		actor,
		{
			communeCode,
			fileName: read.fileName,
			sha256: read.sha256,
			crsName: read.crs.name,
			repair: options.repair,
			retire: options.retire ?? [],
			features: read.features.map((feature) => ({
				index: feature.index,
				geometry: feature.geometry,
				name: feature.name,
				target: targets.get(feature.index) ?? {
					kind: 'hamlet',
					hamletId: matches[feature.index]!.hamletId!
				}
			}))
		},
		writeOptions
	);
}
