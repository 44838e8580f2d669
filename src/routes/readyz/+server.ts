import { readiness } from '$lib/server/health';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => readiness();
