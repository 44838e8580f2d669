// The one place where permissions are enforced: every request is matched to its route's entry in
// permissions.ts before any load, action or endpoint runs.
import { dev } from '$app/environment';
import { error, type Handle, type RequestEvent } from '@sveltejs/kit';
import { bilingual, localized } from '../../i18n';
import { m } from '../../paraglide/messages';
import { localizeHref } from '../../paraglide/runtime';
import { apiErrorResponse } from '../input-error-http';
import { decide, PERMISSIONS, ruleFor, type Decision } from './permissions';

/** The form action a POST names (`?/save`), as SvelteKit reads it; 'default' when unnamed. */
function actionName(url: URL): string {
	for (const [name] of url.searchParams) if (name.startsWith('/')) return name.slice(1);
	return 'default';
}

/** Pages a user with a temporary password may still use: where they change it, and the sign-in. */
const WHILE_PASSWORD_TEMPORARY = new Set(['/account', '/login']);

const REFUSALS = {
	'sign-in': { status: 401, code: 'sign-in-required', message: m.error_sign_in_required },
	forbidden: { status: 403, code: 'forbidden', message: m.error_forbidden_text }
} as const;

/** A JSON answer (SvelteKit's data and action-result formats), never cached. */
function json(body: unknown, status = 200): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }
	});
}

/** Whether a POST comes from an enhanced form, which expects an action result in JSON (as SvelteKit tells). */
const wantsActionJson = (event: RequestEvent) =>
	event.request.method === 'POST' && (event.request.headers.get('accept') ?? '').includes('application/json');

/**
 * The refusal as a response, in the form the asker understands. Returned rather than thrown, so that the
 * outer handles (security headers, compression) still apply; the HTML 403 page is rendered by the root
 * layout from `locals.refusal`, so it too goes through them.
 */
function refuse(
	event: RequestEvent,
	decision: Exclude<Decision, 'allow'>,
	kind: 'page' | 'endpoint' | 'download',
	resolve: () => Response | Promise<Response>
): Response | Promise<Response> {
	const refusal = REFUSALS[decision];
	const label = bilingual(refusal.message);
	// JSON carries both languages, Vietnamese first; the fallback HTML page shows `message`, so a page
	// gets it in its own language.
	const body = { code: refusal.code, message: label.vi, messageEn: label.en };
	if (kind === 'endpoint' || (kind === 'download' && decision === 'forbidden')) {
		return apiErrorResponse(refusal.status, body);
	}
	if (decision === 'sign-in') {
		const location = `${localizeHref('/login')}?${new URLSearchParams({ redirectTo: event.url.pathname + event.url.search })}`;
		if (event.isDataRequest) return json({ type: 'redirect', location });
		if (wantsActionJson(event)) return json({ type: 'redirect', status: 303, location });
		return new Response(null, { status: 303, headers: { location } });
	}
	// The client renders its error page from a failed data request's JSON body.
	if (event.isDataRequest) return json(body, refusal.status);
	if (wantsActionJson(event)) return json({ type: 'error', error: body }, refusal.status);
	if (event.request.method === 'POST') {
		// A form posted without JavaScript: the action must not run, so no page is rendered either.
		return new Response(localized(label), {
			status: refusal.status,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}
	event.locals.refusal = { status: refusal.status, ...body, message: localized(label) };
	return resolve();
}

export const authorize: Handle = async ({ event, resolve }) => {
	const routeId = event.route.id;
	// No route: SvelteKit answers 404 itself, with nothing to protect.
	if (routeId === null) return resolve(event);
	const entry = PERMISSIONS[routeId];
	const kind = entry?.kind ?? 'page';
	const endpoint = kind !== 'page';
	const method = event.request.method;
	const rule = ruleFor(routeId, method, method === 'POST' && !endpoint ? actionName(event.url) : null);
	if (!rule) {
		// Fail closed. A route or action missing from the table is a programming error: loud in dev.
		if (dev) error(500, { message: `No permission entry for ${method} ${routeId}` });
		return refuse(event, 'forbidden', kind, () => resolve(event));
	}
	const user = event.locals.user;
	if (
		user?.mustChangePassword &&
		!WHILE_PASSWORD_TEMPORARY.has(routeId) &&
		!(endpoint && rule.who === 'anyone')
	) {
		if (!endpoint && (method === 'GET' || method === 'HEAD')) {
			const location = localizeHref('/account');
			return event.isDataRequest
				? json({ type: 'redirect', location })
				: new Response(null, { status: 303, headers: { location } });
		}
		return refuse(event, 'forbidden', kind, () => resolve(event));
	}
	const decision = decide(rule, user, event.params);
	return decision === 'allow' ? resolve(event) : refuse(event, decision, kind, () => resolve(event));
};
