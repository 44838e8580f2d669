// Compiles messages/*.json into src/lib/paraglide (generated, not committed). Run by `prepare`,
// `check`, `build` and `test:unit`, so a fresh clone has the module before anything imports it.
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from './paraglide-options.js';

await compile(paraglideOptions);
// The inlang SDK leaves timers running (≈ 27 s before Node exits on its own): stop once written.
process.exit(0);
