import { json } from '@sveltejs/kit';
import { signedInUser } from '$lib/server/auth/actor';
import { getAppDatabase } from '$lib/server/db/app-database';
import { fieldHamlets } from '$lib/server/db/field-activities';
import type { RequestHandler } from './$types';

/**
 * GET /record/hamlets — the hamlets of the user's communes with boundaries and representative points,
 * as the field app has them in its page (for other clients and tests). Per user, so never in a shared cache.
 */
export const GET: RequestHandler = async ({ locals }) => {
	const user = signedInUser(locals);
	const { db } = await getAppDatabase();
	return json(
		{ hamlets: await fieldHamlets(db, user.communeCodes) },
		{ headers: { 'cache-control': 'private, no-cache' } }
	);
};
