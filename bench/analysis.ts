// Bench section: the digital-gap analysis (gap index, contiguity, Gi*) on Hanoi's hamlets and on
// synthetic grids. Figures are printed with ratios against baselines of the same run, never asserted.
import { bbox } from '@turf/bbox';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import seedrandom from 'seedrandom';
import { allPairsNeighbours, contiguityNeighbours } from '../src/lib/analysis/contiguity';
import { gapIndex } from '../src/lib/analysis/gap-index';
import { getisOrdGiStar, hotSpots } from '../src/lib/analysis/hot-spots';
import { squarePolygon } from '../src/lib/analysis/test-squares';
import type { ClassFeature, HamletFeature } from '../src/lib/analysis/types';
import { report, reportQuantity, timed } from './report';

const AS_OF = '2026-03-31';

type Geometry = Feature<Polygon | MultiPolygon, { communeCode: string; kind?: string }>;

/** Deterministic, plausible figures for a month (seeded by the hamlet's position). */
function withFigures(features: Geometry[], seed: string): HamletFeature[] {
	const random = seedrandom.alea(seed);
	return features.map((feature, id) => {
		const households = 300 + Math.floor(random() * 500);
		const adults = Math.floor(households * 2.4);
		const assessed = random() < 0.1 ? 0 : 5 + Math.floor(random() * 80);
		const share = (base: number) => Math.floor(assessed * Math.min(1, base + random() * 0.3));
		const rural = feature.properties.kind === 'thôn';
		return {
			type: 'Feature',
			properties: {
				id,
				name: `Hamlet ${id}`,
				communeCode: feature.properties.communeCode,
				isWard: !rural,
				isRural: rural,
				designatedMinority: random() < 0.02,
				households,
				adults,
				elderly: Math.floor(adults * (0.1 + random() * 0.15)),
				minorityShare: random() < 0.05 ? random() : 0,
				householdsReached: Math.floor(households * random() * 1.05),
				adultsAssessed: assessed,
				withBasicSkills: share(0.4),
				withSmartphone: share(0.6),
				withEpayment: share(0.3),
				withVneidLevel2: share(0.5)
			},
			geometry: feature.geometry
		};
	});
}

/** One class per ten hamlets, at random places and days of the last half-year, inside the bbox. */
function syntheticClasses(hamlets: HamletFeature[], seed: string): ClassFeature[] {
	const random = seedrandom.alea(seed);
	const [west, south, east, north] = bbox({ type: 'FeatureCollection', features: hamlets });
	return Array.from({ length: Math.ceil(hamlets.length / 10) }, () => {
		const day = new Date(Date.UTC(2026, 2, 31) - Math.floor(random() * 180) * 86_400_000);
		return {
			type: 'Feature',
			properties: { occurredOn: day.toISOString().slice(0, 10) },
			geometry: {
				type: 'Point',
				coordinates: [west + random() * (east - west), south + random() * (north - south)]
			}
		};
	});
}

/** columns × rows squares of 0.002° (≈ 200 m) near Hanoi; each 10 × 10 block is one commune. */
function squareGrid(columns: number, rows: number): Geometry[] {
	const size = 0.002;
	const features: Geometry[] = [];
	for (let row = 0; row < rows; row++)
		for (let column = 0; column < columns; column++) {
			const [lng, lat] = [105.5 + column * size, 20.8 + row * size];
			features.push({
				type: 'Feature',
				properties: {
					communeCode: `${Math.floor(row / 10)}-${Math.floor(column / 10)}`,
					kind: (row + column) % 3 === 0 ? 'thôn' : 'tổ dân phố'
				},
				geometry: squarePolygon(lng, lat, size)
			});
		}
	return features;
}

/** The whole analysis a map view asks for: gap index, then contiguity and Gi* on it. */
function gapAndHotSpots(hamlets: HamletFeature[], classes: ClassFeature[]) {
	return hotSpots(gapIndex(hamlets, classes, { asOf: AS_OF }));
}

/** Median of `rounds` timings, after one warm-up run. */
async function medianTime(action: () => unknown, rounds = 5): Promise<number> {
	action();
	const times: number[] = [];
	for (let round = 0; round < rounds; round++) times.push((await timed(action))[1]);
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)]!;
}

/** Issue 4: the gap analysis for the whole city, its parts, and how it scales. */
export async function benchAnalysis(): Promise<void> {
	const file = JSON.parse(readFileSync('geodata/hamlets-approximate.geojson', 'utf8')) as FeatureCollection<
		MultiPolygon,
		{ communeCode: string; kind: string }
	>;
	const hanoi = withFigures(file.features, 'bench-hanoi');
	const hanoiClasses = syntheticClasses(hanoi, 'bench-hanoi-classes');
	const n = hanoi.length;

	// Baseline: one pass over every vertex (the bbox of each hamlet), the least any analysis costs.
	const vertexPass = await medianTime(() => hanoi.map((hamlet) => bbox(hamlet)));
	const baseline = `bbox of ${n.toLocaleString('en')} hamlets`;
	const pipeline = await medianTime(() => gapAndHotSpots(hanoi, hanoiClasses));
	report(
		`gap index + Gi* (incl. contiguity), ${n.toLocaleString('en')} Hanoi hamlets (goal < 300 ms)`,
		pipeline,
		baseline,
		vertexPass
	);
	const indexOnly = await medianTime(() => gapIndex(hanoi, hanoiClasses, { asOf: AS_OF }));
	report(`  gap index only, ${n.toLocaleString('en')} hamlets`, indexOnly, baseline, vertexPass);
	const contiguity = await medianTime(() => contiguityNeighbours(hanoi));
	report(`  contiguity (Flatbush), ${n.toLocaleString('en')} hamlets`, contiguity, baseline, vertexPass);
	const neighbours = contiguityNeighbours(hanoi);
	const values = hanoi.map((_, i) => i % 100);
	const giStar = await medianTime(() => getisOrdGiStar(values, neighbours));
	report(`  Gi* + FDR on given neighbours, ${n.toLocaleString('en')} hamlets`, giStar, baseline, vertexPass);
	const [, naiveHanoi] = await timed(() => allPairsNeighbours(hanoi));
	report(
		`all-pairs neighbours, ${n.toLocaleString('en')} hamlets`,
		naiveHanoi,
		'contiguity (Flatbush)',
		contiguity
	);

	// Scaling on synthetic square grids: 100 × 100 and 250 × 400.
	const grid10k = withFigures(squareGrid(100, 100), 'bench-grid-10k');
	const classes10k = syntheticClasses(grid10k, 'bench-grid-10k-classes');
	const pipeline10k = await medianTime(() => gapAndHotSpots(grid10k, classes10k), 3);
	report('gap index + Gi*, 10,000-hamlet grid', pipeline10k, baseline, vertexPass);
	const grid100k = withFigures(squareGrid(250, 400), 'bench-grid-100k');
	const classes100k = syntheticClasses(grid100k, 'bench-grid-100k-classes');
	const pipeline100k = await medianTime(() => gapAndHotSpots(grid100k, classes100k), 1);
	report(
		'gap index + Gi*, 100,000-hamlet grid (goal < 10 s)',
		pipeline100k,
		'the 10,000-hamlet grid',
		pipeline10k
	);
	// n log n predicts 10 × log(100,000) ÷ log(10,000) = 10 × 5/4 = 12.5 times the 10k time.
	reportQuantity(
		'100k ÷ 10k time ratio, measured',
		Math.round((pipeline100k / pipeline10k) * 100) / 100,
		'×',
		'n·log n expectation',
		12.5
	);

	const contiguity10k = await medianTime(() => contiguityNeighbours(grid10k), 3);
	const contiguity100k = await medianTime(() => contiguityNeighbours(grid100k), 1);
	report(
		'contiguity (Flatbush), 100,000-hamlet grid',
		contiguity100k,
		'the 10,000-hamlet grid',
		contiguity10k
	);
	const [, naive10k] = await timed(() => allPairsNeighbours(grid10k));
	report('all-pairs neighbours, 10,000-hamlet grid', naive10k, 'contiguity (Flatbush), 10k', contiguity10k);
	// Not run at 100k (about 5 × 10⁹ pairs): estimated from the n² growth, 100 × the 10k time.
	report(
		'all-pairs neighbours, 100,000-hamlet grid — ESTIMATED (10k time × 100, n²), not run',
		naive10k * 100,
		'contiguity (Flatbush), 100k',
		contiguity100k
	);
}
