import { formatDate, formatMonth, formatNumber } from '$lib/format';
import { readPlanId, unknownPlanError } from '$lib/plans';
import { getAppDatabase } from '$lib/server/db/app-database';
import { withErrorPage } from '$lib/server/input-error-http';
import { planReport } from '$lib/server/plan-report';
import { spreadsheetCsv } from '$lib/spreadsheet-cells';
import type { RequestHandler } from './$types';

const COLUMNS = [
	'STT',
	'Kế hoạch',
	'Từ ngày',
	'Đến ngày',
	'Tổ CĐS',
	'Mã thôn, tổ dân phố',
	'Thôn, tổ dân phố',
	'Số hộ',
	'Hộ đã được tiếp cận',
	'Hộ chưa được tiếp cận',
	'Chỉ số khoảng cách số (0–100)',
	'Lý do',
	'Số liệu tháng'
];

// The file is for the commune's office, whatever the page's language: Vietnamese headers, dates dd/mm/yyyy
// and decimal commas, as Vietnamese readers (and Excel in a Vietnamese locale) expect.
const CSV_LOCALE = 'vi';
const ONE_DECIMAL = { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false };

/** A file name without marks or punctuation, for clients that ignore `filename*`. */
function asciiFileName(name: string): string {
	const ascii = name
		.normalize('NFD')
		.replace(/\p{Mark}/gu, '')
		.replace(/[đĐ]/g, 'd')
		.replace(/[^A-Za-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	return ascii || 'ke-hoach';
}

/**
 * A saved plan as CSV, one row per hamlet in the plan's order, Vietnamese column names (see
 * spreadsheetCsv for the encoding and the escaping of cells).
 */
export const GET: RequestHandler = ({ params }) => withErrorPage(() => planCsv(params.code, params.id));

async function planCsv(code: string, idText: string): Promise<Response> {
	const id = readPlanId(idText);
	if (id === null) throw unknownPlanError('id');
	const { db } = await getAppDatabase();
	const report = await planReport(db, code, id);
	if (!report) throw unknownPlanError('id');
	const { plan } = report;
	const month = report.month ? formatMonth(report.month, CSV_LOCALE) : '';
	const records = report.rows.map((row) => [
		row.position,
		plan.name,
		formatDate(plan.startsOn, CSV_LOCALE),
		formatDate(plan.endsOn, CSV_LOCALE),
		plan.teamName ?? '',
		row.id,
		row.name,
		row.households,
		row.householdsReached,
		row.householdsToReach,
		row.gapIndex === null ? '' : formatNumber(row.gapIndex, ONE_DECIMAL, CSV_LOCALE),
		row.reason[CSV_LOCALE],
		month
	]);
	// Names, notes and reasons are typed by people: escaped so that no cell runs as a formula.
	const csv = spreadsheetCsv(COLUMNS, records);
	const fileName = `ke-hoach-${plan.id}-${asciiFileName(plan.name)}.csv`;
	const unicodeName = encodeURIComponent(`Kế hoạch ${plan.id} - ${plan.name}.csv`);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName}"; filename*=UTF-8''${unicodeName}`,
			'cache-control': 'no-store'
		}
	});
}
