// The import's downloads as HTTP: the templates (per kind, .xlsx or CSV, for a commune) and an upload's
// sheet with its error column. Refused input is an error page (a browser opens these).
import { hanoiToday } from '$lib/activity-input';
import type { ImportReport } from '$lib/import-report';
import { signedInUser } from '../auth/actor';
import { getAppDatabase } from '../db/app-database';
import { hamletList, importJobContent, teamList } from '../db/imports';
import { withErrorPage } from '../input-error-http';
import { errorsCsv, errorsXlsx } from './error-files';
import { ownJob } from './import-jobs';
import { importActor, readImportCommune, readImportKind } from './import-request';
import { templateCsv, templateXlsx } from './templates';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function attachment(body: string | Uint8Array, fileName: string, type: string): Response {
	return new Response(body as BodyInit, {
		headers: {
			'content-type': type,
			'content-disposition': `attachment; filename="${fileName}"`,
			'cache-control': 'no-store'
		}
	});
}

/** A template: `?kind=` and `?commune=` (a commune officer's own; an admin's may be empty: every hamlet). */
export function templateResponse(locals: App.Locals, url: URL, format: 'xlsx' | 'csv'): Promise<Response> {
	return withErrorPage(async () => {
		const user = signedInUser(locals);
		const kind = readImportKind(url.searchParams.get('kind'));
		const communeCode = readImportCommune(url.searchParams.get('commune'), user);
		const { db } = await getAppDatabase();
		const context = {
			communeCode,
			hamlets: await hamletList(db, communeCode),
			teams: await teamList(db, communeCode),
			today: hanoiToday()
		};
		const name = `mau-${kind}${communeCode ? `-${communeCode}` : ''}.${format}`;
		return format === 'xlsx'
			? attachment(await templateXlsx(kind, context), name, XLSX_TYPE)
			: attachment(templateCsv(kind, context), name, 'text/csv; charset=utf-8');
	});
}

/** The uploaded sheet of a job with its error column. */
export function errorFileResponse(
	locals: App.Locals,
	jobId: string,
	format: 'xlsx' | 'csv'
): Promise<Response> {
	return withErrorPage(async () => {
		const handle = await getAppDatabase();
		const job = await ownJob(handle, importActor(signedInUser(locals)), jobId);
		const bytes = (await importJobContent(handle.db, job.id))!;
		const errors = (job.report as ImportReport | null)?.errors ?? [];
		const base = job.fileName.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}._-]+/gu, '-');
		const name = `${base}-loi.${format}`
			.normalize('NFD')
			.replace(/\p{Mark}/gu, '')
			.replace(/[^\w.-]/g, '-');
		return format === 'xlsx'
			? attachment(await errorsXlsx(bytes, job.fileName, errors), name, XLSX_TYPE)
			: attachment(await errorsCsv(bytes, job.fileName, errors), name, 'text/csv; charset=utf-8');
	});
}
