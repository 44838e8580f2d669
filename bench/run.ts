// npm run bench — performance figures, printed (never asserted). Each figure comes with a ratio
// against a baseline measured in the same run, so machines of different speed compare.
// `npm run bench -- tiles clusters` runs only the named sections.
import { benchAccounts } from './accounts';
import { benchAnalysis } from './analysis';
import { benchBoundaries } from './boundaries';
import { benchClusters } from './clusters';
import { benchField } from './field';
import { benchDashboard } from './dashboard';
import { benchFoundation } from './foundation';
import { benchImport } from './import';
import { benchInstances } from './instances';
import { benchNational } from './national';
import { benchLoad } from './load';
import { benchMap } from './map';
import { benchTiles } from './tiles';
import { reportedRows } from './report';

const SECTIONS: Record<string, () => Promise<void>> = {
	foundation: benchFoundation,
	analysis: benchAnalysis,
	clusters: benchClusters,
	tiles: benchTiles,
	map: benchMap,
	accounts: benchAccounts,
	instances: benchInstances,
	national: benchNational,
	load: benchLoad,
	field: benchField,
	import: benchImport,
	boundaries: benchBoundaries,
	dashboard: benchDashboard
};

/** Opt-in sections: long, and not part of a plain `npm run bench`. */
const OPT_IN = new Set(['national']);

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in SECTIONS));
if (unknown.length > 0) {
	console.error(
		`Unknown bench section(s): ${unknown.join(', ')}. Known: ${Object.keys(SECTIONS).join(', ')}`
	);
	process.exit(1);
}
for (const [name, run] of Object.entries(SECTIONS)) {
	if (requested.length > 0 ? !requested.includes(name) : OPT_IN.has(name)) continue;
	console.log(`— ${name}`);
	await run();
}
console.table(reportedRows());
