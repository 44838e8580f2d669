// Paraglide's compiler options, shared by `npm run messages` and the dev server's plugin (vite.config.ts).

/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	// Vietnamese at unprefixed URLs, English under /en/. URL first: a cookie first would stop plain links
	// from switching the language.
	strategy: ['url', 'cookie', 'baseLocale'],
	// SvelteKit's default: '/en/' would be redirected to '/en' anyway.
	trailingSlash: 'never',
	// No .d.ts: svelte-check reads the types from the generated JSDoc (allowJs) and still refuses an unknown
	// message, a missing parameter or an unknown locale; emitting declarations doubled the compile time.
	emitTsDeclarations: false,
	// Also in `vite dev`, whose plugin would otherwise write one module per locale: the same output for all.
	outputStructure: 'message-modules'
};
