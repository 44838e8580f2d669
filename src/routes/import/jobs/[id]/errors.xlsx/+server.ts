import { errorFileResponse } from '$lib/server/import/downloads';
import type { RequestHandler } from './$types';

/** The uploaded sheet with an error column, as .xlsx. */
export const GET: RequestHandler = ({ locals, params }) => errorFileResponse(locals, params.id, 'xlsx');
