import { unknownPlanError } from '$lib/plans';
import { getAppDatabase } from '$lib/server/db/app-database';
import { withErrorPage } from '$lib/server/input-error-http';
import { planReport } from '$lib/server/plan-report';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) =>
	withErrorPage(async () => {
		const { db } = await getAppDatabase();
		const report = await planReport(db, params.code, Number(params.id));
		if (!report) throw unknownPlanError('id');
		return report;
	});
