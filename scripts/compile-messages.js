// Compiles messages/*.json into src/lib/paraglide (generated, not committed). Run by `prepare`,
// `check`, `build` and `test:unit`, so a fresh clone has the module before anything imports it; skipped
// when the output is newer than everything it is made from (`--force` compiles anyway).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from './paraglide-options.js';

/** What the output is made from: the messages, the project's settings, the options and the compiler. */
const INPUTS = [
	...readdirSync('messages').map((name) => join('messages', name)),
	join(paraglideOptions.project, 'settings.json'),
	'scripts/paraglide-options.js',
	'node_modules/@inlang/paraglide-js/package.json'
];
const OUTPUT = join(paraglideOptions.outdir, 'runtime.js');

const newestInput = Math.max(...INPUTS.map((path) => statSync(path).mtimeMs));
if (process.argv.includes('--force') || !existsSync(OUTPUT) || statSync(OUTPUT).mtimeMs < newestInput) {
	await compile(paraglideOptions);
}
// The inlang SDK leaves timers running (≈ 27 s before Node exits on its own): stop once written.
process.exit(0);
