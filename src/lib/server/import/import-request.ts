// What the /import routes read from a request: the kind, the commune, the uploaded file, a job; each
// refused with an InputError (400, or 404 for a job that is not there).
import { IMPORT_KINDS, type ImportKind } from '$lib/domain';
import { InputError } from '$lib/input-error';
import { readCommuneCode } from '$lib/params';
import type { SessionUser } from '$lib/roles';
import { actorOf } from '../auth/actor';
import type { Actor } from '../db/write';
import { importCommunes } from './import-jobs';
import { IMPORT_LIMITS } from './read-table';

/** A user as the import writes: always a signed-in person. */
export function importActor(user: SessionUser): Actor & { kind: 'user' } {
	return actorOf(user) as Actor & { kind: 'user' };
}

/** The kind of data named by `text`. */
export function readImportKind(text: string | null): ImportKind {
	if (text !== null && (IMPORT_KINDS as readonly string[]).includes(text)) return text as ImportKind;
	throw InputError.invalid(
		'unknown-kind',
		{
			vi: `Loại dữ liệu phải là một trong: ${IMPORT_KINDS.join(', ')}`,
			en: `The kind of data must be one of: ${IMPORT_KINDS.join(', ')}`
		},
		'kind'
	);
}

/**
 * The commune of an upload or template: a commune officer's must be theirs; an admin's may be empty
 * (every commune: rows then carry their commune code).
 */
export function readImportCommune(text: string | null, user: SessionUser): string | null {
	const allowed = importCommunes(user);
	if ((text === null || text === '') && allowed === 'all') return null;
	const code = readCommuneCode(text ?? '', 'commune');
	if (allowed !== 'all' && !allowed.includes(code)) {
		throw InputError.invalid(
			'other-commune',
			{
				vi: `Bạn không được nhập dữ liệu cho xã/phường ${code}`,
				en: `You may not import data for commune ${code}`
			},
			'commune'
		);
	}
	return code;
}

/** The uploaded file of a form: present, not empty of name, at most 25 MB. */
export async function readUploadedFile(form: FormData): Promise<{ fileName: string; bytes: Uint8Array }> {
	const file = form.get('file');
	if (!(file instanceof File) || file.name === '') {
		throw InputError.invalid(
			'file-required',
			{ vi: 'Hãy chọn một tệp .xlsx hoặc .csv', en: 'Choose an .xlsx or .csv file' },
			'file'
		);
	}
	if (file.size > IMPORT_LIMITS.fileBytes) {
		throw InputError.invalid(
			'file-too-large',
			{
				vi: 'Tệp lớn hơn 25 MB: hãy chia thành nhiều tệp',
				en: 'The file is larger than 25 MB: split it into several files'
			},
			'file'
		);
	}
	return { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
