import { templateResponse } from '$lib/server/import/downloads';
import type { RequestHandler } from './$types';

/** The CSV template of a kind (`?kind=activities&commune=09700`). */
export const GET: RequestHandler = ({ locals, url }) => templateResponse(locals, url, 'csv');
