// What an import's dry run and its progress look like to the page (/import) and its downloads: client-safe
// types shared by the server that makes them and the components that show them.
import type { ImportKind } from './domain';

/** One problem of an upload: where (spreadsheet row, column header as written, the cell's value) and why. */
export interface ImportIssue {
	/** The row as the spreadsheet numbers it (CSV: the line); 0 for the file as a whole. */
	row: number;
	column: string;
	value: string;
	code: string;
	vi: string;
	en: string;
}

/** The dry run's answer: what a commit would do, and everything that stops it or deserves a look. */
export interface ImportReport {
	kind: ImportKind;
	format: 'xlsx' | 'csv' | null;
	/** For CSV, the encoding the file was read in ('windows-1258' and 'tcvn3' are decoded legacy files). */
	encoding: string | null;
	/** Data rows read. */
	rows: number;
	added: number;
	updated: number;
	unchanged: number;
	/** Errors (at most 5,000 listed); any error means nothing can be committed. */
	errors: ImportIssue[];
	warnings: ImportIssue[];
	/** When this very file (same SHA-256) is already imported and not withdrawn. */
	alreadyImported: { datasetId: string; at: string; username: string } | null;
}

export const IMPORT_JOB_STATUSES = [
	'parsing',
	'validated',
	'refused',
	'committing',
	'committed',
	'failed'
] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

/** An upload's state as the page polls it (GET /import/jobs/{id}). */
export interface ImportJobView {
	id: string;
	kind: ImportKind;
	communeCode: string | null;
	fileName: string;
	size: number;
	status: ImportJobStatus;
	rowsParsed: number;
	rowsValidated: number;
	rowsWritten: number;
	report: ImportReport | null;
	datasetId: string | null;
	/** The job is still working (parsing, validating or committing). */
	running: boolean;
}

/** A past import as /import/history lists it. */
export interface ImportHistoryRow {
	datasetId: string;
	title: string;
	kind: ImportKind;
	communeCode: string | null;
	fileName: string;
	sha256: string;
	username: string;
	createdAt: string;
	added: number;
	updated: number;
	unchanged: number;
	withdrawnAt: string | null;
	withdrawnBy: string | null;
}
