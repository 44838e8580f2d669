// An upload's life: stored as a job (the file in the database, so any instance can go on with it), read
// and validated in the background while the page polls its progress, dry-run against the database for
// exact counts, then committed on request. No SQL here: the data layer's imports.ts does the writing.
import { createHash } from 'node:crypto';
import { hanoiToday } from '$lib/activity-input';
import type { ImportKind } from '$lib/domain';
import type { ImportJobView, ImportReport } from '$lib/import-report';
import { InputError } from '$lib/input-error';
import { importKindLabel } from '$lib/labels';
import type { Role } from '$lib/roles';
import type { DatabaseHandle } from '../db/index';
import {
	activeImportOfFile,
	claimImportJob,
	createImportJob,
	findImportJob,
	importJobContent,
	importReference,
	updateImportJob,
	writeImport,
	type ImportJobRecord,
	type ImportOutcome
} from '../db/imports';
import type { Actor, WriteContext } from '../db/write';
import { readTable, IMPORT_LIMITS } from './read-table';
import { validateTable, type ImportScope, type Validation } from './validate-rows';

type UserActor = Actor & { kind: 'user' };

/** The communes a person may import for: an admin all, a commune officer their own; others none. */
export function importCommunes(actor: {
	role: Role;
	communeCodes: readonly string[];
}): readonly string[] | 'all' {
	if (actor.role === 'admin') return 'all';
	if (actor.role === 'commune') return actor.communeCodes;
	return [];
}

/** The scope of an upload for `communeCode` (null: an admin's upload for every commune), or a refusal. */
function importScope(actor: UserActor, communeCode: string | null): ImportScope {
	const communes = importCommunes(actor);
	if (communeCode === null && communes !== 'all') {
		throw InputError.invalid('commune-required', {
			vi: 'Hãy chọn xã/phường của tệp',
			en: 'Choose the commune the file is for'
		});
	}
	if (communeCode !== null && communes !== 'all' && !communes.includes(communeCode)) {
		throw InputError.invalid('other-commune', {
			vi: `Bạn không được nhập dữ liệu cho xã/phường ${communeCode}`,
			en: `You may not import data for commune ${communeCode}`
		});
	}
	return { communeCodes: communes, selected: communeCode };
}

/** Progress of jobs running in this instance, fresher than their row while a transaction holds it. */
const live = new Map<string, { rowsParsed: number; rowsValidated: number; rowsWritten: number }>();

/** Writes progress to the job's row at most twice a second (any instance polling sees it), and to `live`. */
function progressReporter(handle: DatabaseHandle, jobId: string) {
	const state = live.get(jobId) ?? { rowsParsed: 0, rowsValidated: 0, rowsWritten: 0 };
	live.set(jobId, state);
	let lastWrite = 0;
	return {
		state,
		async report(patch: Partial<typeof state>, options: { inTransaction?: boolean } = {}) {
			Object.assign(state, patch);
			const now = Date.now();
			if (now - lastWrite < 500) return;
			lastWrite = now;
			// PGlite runs one connection: a write beside an open transaction would wait for it to end.
			if (options.inTransaction && handle.driver === 'pglite') return;
			const write = updateImportJob(handle.db, jobId, { ...state });
			if (options.inTransaction) write.catch(() => undefined);
			else await write;
		}
	};
}

export interface Upload {
	kind: ImportKind;
	communeCode: string | null;
	fileName: string;
	bytes: Uint8Array;
}

/** A file name as stored and shown: its last path part, NFC, without control characters, at most 200 characters. */
function cleanFileName(name: string): string {
	const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
	const clean = base
		.replace(/\p{Cc}/gu, '')
		.trim()
		.slice(0, 200);
	return clean === '' ? 'upload' : clean;
}

/**
 * Stores an upload and starts its dry run in the background; answers the job's id at once. Refuses an
 * upload over the size limit or for a commune the person may not import for, before storing anything.
 */
export async function startImport(handle: DatabaseHandle, actor: UserActor, upload: Upload): Promise<string> {
	const scope = importScope(actor, upload.communeCode);
	if (upload.bytes.byteLength > IMPORT_LIMITS.fileBytes) {
		throw InputError.invalid('file-too-large', {
			vi: 'Tệp lớn hơn 25 MB: hãy chia thành nhiều tệp',
			en: 'The file is larger than 25 MB: split it into several files'
		});
	}
	const id = await createImportJob(handle.db, {
		userId: actor.id,
		kind: upload.kind,
		communeCode: upload.communeCode,
		fileName: cleanFileName(upload.fileName),
		sha256: createHash('sha256').update(upload.bytes).digest('hex'),
		content: upload.bytes
	});
	const job = (await findImportJob(handle.db, id))!;
	void dryRun(handle, actor, job, scope, upload.bytes).catch((error: unknown) => failJob(handle, id, error));
	return id;
}

async function failJob(handle: DatabaseHandle, id: string, error: unknown): Promise<void> {
	console.error(`import ${id} failed`, error);
	live.delete(id);
	await updateImportJob(handle.db, id, { status: 'failed' }).catch(() => undefined);
}

/** A report that says only why the file was refused as a whole. */
function refusedReport(job: ImportJobRecord, refused: InputError): ImportReport {
	return {
		kind: job.kind,
		format: null,
		encoding: null,
		rows: 0,
		added: 0,
		updated: 0,
		unchanged: 0,
		errors: [
			{ row: 0, column: '', value: '', code: refused.code, vi: refused.message, en: refused.messageEn }
		],
		warnings: [],
		alreadyImported: null
	};
}

/** Reads and validates the job's file; the validation, or a report refusing the file. */
async function readAndValidate(
	handle: DatabaseHandle,
	job: ImportJobRecord,
	scope: ImportScope,
	bytes: Uint8Array,
	progress: ReturnType<typeof progressReporter>
): Promise<
	{ validation: Validation; format: 'xlsx' | 'csv'; encoding: string | null } | { refused: ImportReport }
> {
	try {
		const table = await readTable(bytes, job.fileName, (rows) => progress.report({ rowsParsed: rows }));
		const reference = await importReference(handle.db, hanoiToday());
		const validation = await validateTable(job.kind, table, reference, scope, (rows) =>
			progress.report({ rowsValidated: rows })
		);
		return { validation, format: table.format, encoding: table.encoding ?? null };
	} catch (thrown) {
		if (thrown instanceof InputError) return { refused: refusedReport(job, thrown) };
		throw thrown;
	}
}

function importTitle(job: ImportJobRecord): string {
	return `${importKindLabel(job.kind, 'vi')} (${importKindLabel(job.kind, 'en')}): ${job.fileName}`;
}

function commitOf(job: ImportJobRecord, validation: Validation) {
	return {
		records: validation.records,
		fileName: job.fileName,
		sha256: job.sha256,
		title: importTitle(job),
		communeCode: job.communeCode
	};
}

async function dryRun(
	handle: DatabaseHandle,
	actor: UserActor,
	job: ImportJobRecord,
	scope: ImportScope,
	bytes: Uint8Array
): Promise<void> {
	const progress = progressReporter(handle, job.id);
	const read = await readAndValidate(handle, job, scope, bytes, progress);
	if ('refused' in read) {
		live.delete(job.id);
		await updateImportJob(handle.db, job.id, { status: 'refused', report: read.refused, ...progress.state });
		return;
	}
	const { validation } = read;
	let outcome: ImportOutcome = { added: 0, updated: 0, unchanged: 0, warnings: [], datasetId: null };
	if (validation.errors.length === 0) {
		// The commit's own writes, then undone: the exact counts and the coverage it would give.
		outcome = await writeImport(handle.db, actor, commitOf(job, validation), {
			dryRun: true,
			onWritten: (rows) => void progress.report({ rowsWritten: rows }, { inTransaction: true })
		});
	}
	const already = await activeImportOfFile(handle.db, job.sha256, job.kind);
	const report: ImportReport = {
		kind: job.kind,
		format: read.format,
		encoding: read.encoding,
		rows: validation.rowCount,
		added: outcome.added,
		updated: outcome.updated,
		unchanged: outcome.unchanged,
		errors: validation.errors,
		warnings: [...validation.warnings, ...outcome.warnings],
		alreadyImported: already
			? { datasetId: already.datasetId, at: already.createdAt.toISOString(), username: already.username }
			: null
	};
	live.delete(job.id);
	// The dry run's writes are not counted as written: nothing was.
	await updateImportJob(handle.db, job.id, {
		status: 'validated',
		report,
		...progress.state,
		rowsWritten: 0
	});
}

/** Whether a report lets its upload be committed: no errors, and something to change. */
function committable(report: ImportReport | null): boolean {
	return report !== null && report.errors.length === 0 && report.added + report.updated > 0;
}

/**
 * Commits a validated job in the background (the page polls it): reads and validates the file again
 * against the database as it is now, then writes it in one transaction. Refuses a job that is not the
 * person's, not validated, or whose dry run found errors or nothing to change.
 */
export async function commitImport(
	handle: DatabaseHandle,
	actor: UserActor,
	jobId: string,
	context: WriteContext
): Promise<void> {
	const job = await ownJob(handle, actor, jobId);
	if (job.status !== 'validated' || !committable(job.report as ImportReport | null)) {
		throw InputError.invalid('not-committable', {
			vi: 'Tệp này không ghi được: còn lỗi, không có gì thay đổi, hoặc đã ghi rồi',
			en: 'This file cannot be committed: it has errors, changes nothing, or was committed already'
		});
	}
	if (!(await claimImportJob(handle.db, job.id, 'validated', 'committing'))) {
		throw InputError.invalid('not-committable', {
			vi: 'Tệp này đang được ghi hoặc đã ghi rồi',
			en: 'This file is being committed or was committed already'
		});
	}
	const scope = importScope(actor, job.communeCode);
	void (async () => {
		const bytes = (await importJobContent(handle.db, job.id))!;
		const progress = progressReporter(handle, job.id);
		const read = await readAndValidate(handle, job, scope, bytes, progress);
		if ('refused' in read || read.validation.errors.length > 0) {
			// The data changed since the dry run (a hamlet removed…): back to a report with the new errors.
			live.delete(job.id);
			const report = job.report as ImportReport;
			const errors = 'refused' in read ? read.refused.errors : read.validation.errors;
			await updateImportJob(handle.db, job.id, { status: 'validated', report: { ...report, errors } });
			return;
		}
		const outcome = await writeImport(handle.db, actor, commitOf(job, read.validation), {
			context,
			onWritten: (rows) => void progress.report({ rowsWritten: rows }, { inTransaction: true })
		});
		live.delete(job.id);
		const report = job.report as ImportReport;
		await updateImportJob(handle.db, job.id, {
			status: 'committed',
			datasetId: outcome.datasetId,
			report: { ...report, added: outcome.added, updated: outcome.updated, unchanged: outcome.unchanged },
			rowsWritten: read.validation.rowCount
		});
	})().catch((error: unknown) => failJob(handle, job.id, error));
}

/** The person's own job (an admin's: any), or a 404. */
export async function ownJob(
	handle: DatabaseHandle,
	actor: UserActor,
	jobId: string
): Promise<ImportJobRecord> {
	const job = /^[0-9a-f-]{36}$/.test(jobId) ? await findImportJob(handle.db, jobId) : undefined;
	if (!job || (job.userId !== actor.id && actor.role !== 'admin')) {
		throw InputError.notFound('unknown-import-job', {
			vi: 'Không có lần tải lên này (hoặc đã quá 24 giờ)',
			en: 'No such upload (or it is more than 24 hours old)'
		});
	}
	return job;
}

/** How long a running job may go without progress before it counts as cut short. */
const STALLED_AFTER_MS = 120_000;

/** A job as the page shows it, with this instance's fresher progress when it runs here. */
export function jobView(job: ImportJobRecord): ImportJobView {
	const fresh = live.get(job.id);
	// A job no instance has moved for two minutes was cut short (its instance stopped): it failed.
	const stalled = !fresh && Date.now() - job.updatedAt.getTime() > STALLED_AFTER_MS;
	const busy = job.status === 'parsing' || job.status === 'committing';
	const running = busy && !stalled;
	const status = busy && stalled ? 'failed' : job.status;
	return {
		id: job.id,
		kind: job.kind,
		communeCode: job.communeCode,
		fileName: job.fileName,
		size: job.size,
		status,
		rowsParsed: Math.max(job.rowsParsed, fresh?.rowsParsed ?? 0),
		rowsValidated: Math.max(job.rowsValidated, fresh?.rowsValidated ?? 0),
		rowsWritten: Math.max(job.rowsWritten, fresh?.rowsWritten ?? 0),
		report: (job.report as ImportReport | null) ?? null,
		datasetId: job.datasetId,
		running
	};
}

/** Waits until a job stops running (tests and the bench; the page polls instead). */
export async function settledJob(
	handle: DatabaseHandle,
	jobId: string,
	timeoutMs = 600_000
): Promise<ImportJobRecord> {
	const started = Date.now();
	for (;;) {
		const job = (await findImportJob(handle.db, jobId))!;
		if (job.status !== 'parsing' && job.status !== 'committing') return job;
		if (Date.now() - started > timeoutMs) throw new Error(`import job ${jobId} did not settle`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}
