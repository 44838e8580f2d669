import { errorFileResponse } from '$lib/server/import/downloads';
import type { RequestHandler } from './$types';

/** The uploaded sheet with an error column, as CSV. */
export const GET: RequestHandler = ({ locals, params }) => errorFileResponse(locals, params.id, 'csv');
