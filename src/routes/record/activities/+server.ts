import { json } from '@sveltejs/kit';
import { InputError } from '$lib/input-error';
import { signedInUser } from '$lib/server/auth/actor';
import { getAppDatabase } from '$lib/server/db/app-database';
import { recordActivity } from '$lib/server/db/field-activities';
import { fieldActor, readFieldRecord } from '$lib/server/field-request';
import { answerJson } from '$lib/server/input-error-http';
import { writeContext } from '$lib/server/write-context';
import type { RequestHandler } from './$types';

/**
 * POST /record/activities — one activity from the field app's outbox (JSON). 201 when stored, 200 when
 * its idempotency key was stored before (a replay changes nothing), 400 with every problem otherwise.
 */
export const POST: RequestHandler = (event) =>
	answerJson(async () => {
		const user = signedInUser(event.locals);
		let body: unknown;
		try {
			body = await event.request.json();
		} catch {
			throw InputError.invalid('broken-json', {
				vi: 'Nội dung gửi lên không phải JSON hợp lệ',
				en: 'The request body is not valid JSON'
			});
		}
		const { db } = await getAppDatabase();
		const receipt = await recordActivity(db, fieldActor(user), readFieldRecord(body), writeContext(event));
		return json(receipt, { status: receipt.stored ? 201 : 200, headers: { 'cache-control': 'no-store' } });
	});
