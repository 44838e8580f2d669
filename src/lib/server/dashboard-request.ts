// What the dashboard's and the commune page's pages, reports and files read from a request: the month
// (a month of the data, the latest by default; a bad one is a 400) and the commune (an unknown one a 404).
import type { CityDashboard, CommuneDashboard } from '$lib/dashboard';
import { readCommuneCode, readMonthParam, unknownCommuneError } from '$lib/params';
import { getAppDatabase } from './db/app-database';
import type { Database } from './db/index';
import { databaseSummary } from './db/summary';
import { cityDashboard, communeDashboard, dashboardMonths } from './dashboard';

interface Requested<T> {
	db: Database;
	dashboard: T;
	/** The database holds demo rows: every view and file says so. */
	demo: boolean;
}

async function requestedMonth(db: Database, search: URLSearchParams): Promise<string> {
	return readMonthParam(search, await dashboardMonths(db), { absent: 'latest' });
}

/** The city's dashboard for the request's month. */
export async function cityDashboardRequest(search: URLSearchParams): Promise<Requested<CityDashboard>> {
	const { db } = await getAppDatabase();
	const month = await requestedMonth(db, search);
	const dashboard = await cityDashboard(db, month);
	return { db, dashboard, demo: (await databaseSummary(db)).demoRows > 0 };
}

/** The commune's page for the request's month. */
export async function communeDashboardRequest(
	code: string,
	search: URLSearchParams
): Promise<Requested<CommuneDashboard>> {
	const { db } = await getAppDatabase();
	readCommuneCode(code, 'code');
	const month = await requestedMonth(db, search);
	const dashboard = await communeDashboard(db, code, month);
	if (!dashboard) throw unknownCommuneError(code, 'code');
	return { db, dashboard, demo: (await databaseSummary(db)).demoRows > 0 };
}

/** Today in Hanoi (YYYY-MM-DD), the day a report is made. */
export function hanoiToday(now = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}
