// The boundary upload form as the actions read it: the file, the CRS chosen for a file that does not say,
// the repair switch, and the mapping of features to hamlets (`target.<feature index>`).
import {
	BOUNDARY_UPLOAD_LIMITS,
	CHOOSABLE_CRS,
	type ChoosableCrs,
	type FeatureTarget
} from '$lib/boundary-upload';
import { InputError, inputIssue, type InputIssue } from '$lib/input-error';

export interface BoundaryForm {
	file: File;
	crs: ChoosableCrs;
	repair: boolean;
	targets: Map<number, FeatureTarget>;
	/** Hamlets to retire (`retire`, one id per checked box). */
	retire: number[];
}

/** The form's field of one feature's target. */
export function targetField(index: number): string {
	return `target.${index}`;
}

/**
 * Reads the form, or throws an InputError listing every bad field. A target is '' (keep the automatic
 * match), 'new' (a new hamlet) or a hamlet id in decimal digits; whether that hamlet belongs to the
 * commune is the commit's check.
 */
export function readBoundaryForm(form: FormData): BoundaryForm {
	const issues: InputIssue[] = [];
	const file = form.get('file');
	if (!(file instanceof File) || file.size === 0) {
		issues.push(
			inputIssue('file', 'empty-file', {
				vi: 'Chọn một tệp GeoJSON hoặc Shapefile nén (.zip) không rỗng',
				en: 'Choose a non-empty GeoJSON file or zipped Shapefile (.zip)'
			})
		);
	} else if (file.size > BOUNDARY_UPLOAD_LIMITS.fileBytes) {
		issues.push(
			inputIssue('file', 'file-too-large', {
				vi: `Tệp lớn hơn giới hạn ${BOUNDARY_UPLOAD_LIMITS.fileBytes / 1024 / 1024} MB`,
				en: `The file is larger than the ${BOUNDARY_UPLOAD_LIMITS.fileBytes / 1024 / 1024} MB limit`
			})
		);
	}
	const crsText = String(form.get('crs') ?? 'auto');
	const crs = (CHOOSABLE_CRS as readonly string[]).includes(crsText) ? (crsText as ChoosableCrs) : undefined;
	if (!crs) {
		issues.push(
			inputIssue('crs', 'unknown-crs', {
				vi: `Hệ tọa độ "${crsText.slice(0, 40)}" không có trong danh sách`,
				en: `The coordinate system "${crsText.slice(0, 40)}" is not one of the choices`
			})
		);
	}
	const targets = new Map<number, FeatureTarget>();
	for (const [name, value] of form.entries()) {
		const index = /^target\.(\d{1,4})$/.exec(name)?.[1];
		if (name.startsWith('target.') && index === undefined) {
			issues.push(
				inputIssue(name.slice(0, 40), 'invalid-value', { vi: 'Trường không hợp lệ', en: 'Unknown field' })
			);
			continue;
		}
		if (index === undefined || value === '') continue;
		if (value === 'new') targets.set(Number(index), { kind: 'new' });
		else if (typeof value === 'string' && /^[1-9]\d{0,8}$/.test(value)) {
			targets.set(Number(index), { kind: 'hamlet', hamletId: Number(value) });
		} else {
			issues.push(
				inputIssue(name, 'invalid-value', {
					vi: `Lựa chọn thôn không hợp lệ cho features[${index}]`,
					en: `Invalid hamlet choice for features[${index}]`
				})
			);
		}
	}
	const retire: number[] = [];
	for (const value of form.getAll('retire')) {
		if (typeof value === 'string' && /^[1-9]\d{0,8}$/.test(value)) retire.push(Number(value));
		else {
			issues.push(
				inputIssue('retire', 'invalid-value', {
					vi: 'Thôn cần cho thôi không hợp lệ',
					en: 'Invalid hamlet to retire'
				})
			);
		}
	}
	if (issues.length > 0) throw InputError.fromIssues(issues);
	return {
		file: file as File,
		crs: crs!,
		repair: form.get('repair') === 'on',
		targets,
		retire: [...new Set(retire)]
	};
}

/** The id of the history's undo or restore form (`name`): decimal digits only, 1–2,147,483,647; else 400. */
export function readHistoryId(form: FormData, name: 'upload' | 'hamlet'): number {
	const text = form.get(name);
	const id = typeof text === 'string' && /^[1-9][0-9]{0,9}$/.test(text) ? Number(text) : 0;
	if (id < 1 || id > 2_147_483_647) {
		throw InputError.invalid(
			'invalid-value',
			name === 'upload'
				? {
						vi: 'Mã lần tải phải là một số nguyên dương',
						en: 'The upload id must be a positive whole number'
					}
				: { vi: 'Mã thôn phải là một số nguyên dương', en: 'The hamlet id must be a positive whole number' },
			name
		);
	}
	return id;
}
