import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// The offline worker (src/service-worker/) is registered by /record only, so no other page is served
		// through it.
		serviceWorker: { register: false },
		// Stylesheets under 8 kB go inline into the page's head: on a phone's slow network each file is a
		// round trip of its own (the field app's first load; README). style-src allows inline styles already.
		inlineStyleThreshold: 8192,
		// SvelteKit adds the hashes of a page's inline scripts to script-src (hashes, not nonces: the public
		// map's pages are rendered once and served to many, src/lib/server/public-page-cache.ts). MapLibre runs its
		// workers from blob: URLs and draws images from data:/blob: URLs. A configured external basemap's
		// origin is added to connect-src at run time (src/lib/server/security-headers.ts).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Svelte renders style attributes; inline styles cannot run code.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['self']
			}
		}
	}
};

export default config;
