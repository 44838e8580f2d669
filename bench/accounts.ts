// Bench section: what accounts cost. Signing in (scrypt hashing, the throttle check, the session
// written) and the session check a signed-in page pays, both against the same page asked anonymously.
import { randomBytes } from 'node:crypto';
import { buildIfStale, startApp, stopApp } from './app-server';
import { quantileOf, report, timed } from './report';

const PAGE = '/';
const SIGN_INS = 12;
const PAGE_REQUESTS = 40;

/** The session cookie of a sign-in response, as a Cookie header. */
function sessionCookie(response: Response): string {
	return response.headers
		.getSetCookie()
		.map((line) => line.split(';')[0]!)
		.filter((pair) => pair.includes('session_token'))
		.join('; ');
}

export async function benchAccounts(): Promise<void> {
	buildIfStale();
	// A password drawn for this run only: the demo accounts get it (DEMO_PASSWORD).
	const password = randomBytes(12).toString('base64url');
	const { origin, server } = await startApp({
		DATA_DIR: 'memory://',
		DATABASE_URL: '',
		DEMO_PASSWORD: password,
		BETTER_AUTH_SECRET: randomBytes(32).toString('base64url'),
		ORIGIN: 'http://localhost'
	});
	try {
		const page = (cookie?: string) =>
			fetch(`${origin}${PAGE}`, { headers: cookie ? { cookie } : {} }).then(async (response) => {
				await response.arrayBuffer();
				if (response.status !== 200) throw new Error(`${PAGE} answered ${response.status}`);
			});
		const signIn = async () => {
			const response = await fetch(`${origin}/login`, {
				method: 'POST',
				redirect: 'manual',
				// The origin the app was started with (SvelteKit's CSRF check compares it); HTML, as a browser
				// posting the form accepts, so that the answer is the redirect itself.
				headers: {
					origin: 'http://localhost',
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: new URLSearchParams({ username: 'demo.commune', password, redirectTo: '/' })
			});
			if (response.status !== 303) throw new Error(`sign-in answered ${response.status}`);
			return sessionCookie(response);
		};

		const cookie = await signIn();
		// Warm both paths (the page's caches, the session query's plan).
		for (let i = 0; i < 5; i++) {
			await page();
			await page(cookie);
		}
		const anonymous: number[] = [];
		const signedIn: number[] = [];
		// Interleaved, so that both see the same machine load.
		for (let i = 0; i < PAGE_REQUESTS; i++) {
			anonymous.push((await timed(() => page()))[1]);
			signedIn.push((await timed(() => page(cookie)))[1]);
		}
		const signIns: number[] = [];
		for (let i = 0; i < SIGN_INS; i++) signIns.push((await timed(signIn))[1]);

		const baseline = quantileOf(anonymous, 0.5);
		const baselineName = `anonymous GET ${PAGE}, median`;
		report(
			`signed-in GET ${PAGE} (session check), median`,
			quantileOf(signedIn, 0.5),
			baselineName,
			baseline
		);
		report(
			'sign-in POST /login (scrypt + session), median',
			quantileOf(signIns, 0.5),
			baselineName,
			baseline
		);
	} finally {
		await stopApp(server);
	}
}
