import { signedInUser } from '$lib/server/auth/actor';
import { getAppDatabase } from '$lib/server/db/app-database';
import { jobView, ownJob } from '$lib/server/import/import-jobs';
import { importActor } from '$lib/server/import/import-request';
import { answerJson } from '$lib/server/input-error-http';
import type { RequestHandler } from './$types';

/** An upload's progress and, once checked, its report: what the import page polls. */
export const GET: RequestHandler = ({ locals, params }) =>
	answerJson(async () => {
		const handle = await getAppDatabase();
		const job = await ownJob(handle, importActor(signedInUser(locals)), params.id);
		return new Response(JSON.stringify(jobView(job)), {
			headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }
		});
	});
