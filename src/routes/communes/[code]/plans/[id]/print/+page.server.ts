import { error } from '@sveltejs/kit';
import { getAppDatabase } from '$lib/server/db/app-database';
import { planReport } from '$lib/server/plan-report';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { db } = await getAppDatabase();
	const report = await planReport(db, params.code, Number(params.id));
	if (!report) {
		error(404, { message: 'Không tìm thấy kế hoạch này', messageEn: 'No such plan' });
	}
	return report;
};
