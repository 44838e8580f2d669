import { readPlanId, unknownPlanError } from '$lib/plans';
import { getAppDatabase } from '$lib/server/db/app-database';
import { withErrorPage } from '$lib/server/input-error-http';
import { planReport } from '$lib/server/plan-report';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) =>
	withErrorPage(async () => {
		const id = readPlanId(params.id);
		if (id === null) throw unknownPlanError('id');
		const { db } = await getAppDatabase();
		const report = await planReport(db, params.code, id);
		if (!report) throw unknownPlanError('id');
		return report;
	});
