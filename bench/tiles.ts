// Bench section: the vector tile endpoint (issue 3) against the raw ST_AsMVT query, the naive
// all-hamlets GeoJSON, and the PGlite JS-encoder path.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { TileLayer } from '../src/lib/tiles';
import { openMigratedDatabase, selectRows, type DatabaseHandle } from '../src/lib/server/db/index';
import { seedDatabase } from '../src/lib/server/seed/seed-database';
import { renderTile } from '../src/lib/server/tiles/render-tile';
import { tileContaining, type TileCoordinates } from '../src/lib/server/tiles/tile-math';
import { buildIfStale, startApp, stopApp } from './app-server';
import { BENCH_ACTOR, quantileOf, report, reportQuantity, timed } from './report';

interface TileRequest extends TileCoordinates {
	layer: TileLayer;
}

/**
 * 40 tiles from z10 to z15 around five places (the old quarter, the west, Ba Vì, Sóc Sơn, the south),
 * each asked for both layers: 80 requests, as a user zooming into a few places would make.
 */
function benchTileRequests(): TileRequest[] {
	const places: [number, number][] = [
		[105.8342, 21.0278], // Hoàn Kiếm
		[105.78, 21.0], // Cầu Giấy – Thanh Xuân
		[105.41, 21.07], // Ba Vì
		[105.85, 21.25], // Sóc Sơn
		[105.85, 20.8] // Thường Tín
	];
	const perZoom: [number, number][] = [
		[10, 1],
		[11, 1],
		[12, 2],
		[13, 2],
		[14, 1],
		[15, 1]
	];
	const requests: TileRequest[] = [];
	for (const [lng, lat] of places) {
		for (const [z, count] of perZoom) {
			const tile = tileContaining(lng, lat, z);
			for (let offset = 0; offset < count; offset++) {
				for (const layer of ['hamlets', 'communes'] as const)
					requests.push({ ...tile, x: tile.x + offset, layer });
			}
		}
	}
	return requests;
}

/** The minimal ST_AsMVT query a hand-written tile server would run: no simplification, no cache. */
async function rawMvt(handle: DatabaseHandle, { layer, z, x, y }: TileRequest): Promise<number> {
	const envelope = sql`ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int)`;
	const columns =
		layer === 'hamlets'
			? sql`id, name, commune_code AS "communeCode", kind::text AS kind, is_rural AS rural,
				(boundary_source = 'approximate') AS approximate`
			: sql`code::int AS id, code, name, full_name AS "fullName", unit_type::text AS "unitType"`;
	const [row] = await selectRows<{ mvt: Uint8Array | null }>(
		handle.db,
		sql`SELECT ST_AsMVT(t.*, ${layer}::text, 4096, 'geom', 'id') AS mvt FROM (
			SELECT ${columns}, ST_AsMVTGeom(ST_Transform(geom, 3857), ${envelope}, 4096, 64, true) AS geom
			FROM ${sql.identifier(layer)}
			WHERE geom && ST_Transform(${envelope}, 4326)
		) t WHERE t.geom IS NOT NULL`
	);
	return row?.mvt?.byteLength ?? 0;
}

/** Every hamlet as one GeoJSON FeatureCollection with the tile's properties: the naive alternative. */
async function allHamletsGeojson(handle: DatabaseHandle): Promise<number> {
	const [row] = await selectRows<{ geojson: string }>(
		handle.db,
		sql`SELECT json_build_object('type', 'FeatureCollection', 'features', json_agg(json_build_object(
			'type', 'Feature', 'id', id,
			'properties', json_build_object('name', name, 'communeCode', commune_code, 'kind', kind,
				'rural', is_rural, 'approximate', boundary_source = 'approximate'),
			'geometry', ST_AsGeoJSON(geom, 6)::json) ORDER BY id))::text AS geojson
		FROM hamlets`
	);
	return Buffer.byteLength(row!.geojson);
}

/** Per-request times of `passes` passes over the requests; each request's median is kept. */
async function timePerRequest(
	requests: TileRequest[],
	passes: number,
	run: (request: TileRequest) => Promise<unknown>
): Promise<number[]> {
	const samples = requests.map(() => [] as number[]);
	for (let pass = 0; pass < passes; pass++) {
		for (const [index, request] of requests.entries())
			samples[index]!.push((await timed(() => run(request)))[1]);
	}
	return samples.map((times) => quantileOf(times, 0.5));
}

/** A throwaway, migrated PostGIS database on the DATABASE_URL server, with its URL (for the app). */
export async function createThrowawayDatabase(): Promise<{
	url: string;
	handle: DatabaseHandle;
	drop(): Promise<void>;
}> {
	const serverUrl = new URL(process.env.DATABASE_URL!);
	const name = `gtn_bench_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
	const admin = async (statement: string) => {
		const client = new pg.Client({ connectionString: serverUrl.toString() });
		await client.connect();
		await client.query(statement);
		await client.end();
	};
	await admin(`CREATE DATABASE ${name}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const handle = await openMigratedDatabase({ url: url.toString() });
	return {
		url: url.toString(),
		handle,
		async drop() {
			await handle.close();
			await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		}
	};
}

/** The PostGIS side: HTTP cold and warm against the raw ST_AsMVT query, and the naive GeoJSON. */
async function benchPostgis(requests: TileRequest[]): Promise<{ renderTimes: number[] }> {
	const database = await createThrowawayDatabase();
	try {
		await seedDatabase(database.handle.db, BENCH_ACTOR);
		const { handle } = database;
		// Three passes each, median per tile: the database's caches are warm for both.
		const raw = await timePerRequest(requests, 3, (request) => rawMvt(handle, request));
		const renderTimes = await timePerRequest(requests, 3, ({ layer, z, x, y }) =>
			renderTile(handle, layer, z, x, y)
		);

		buildIfStale();
		const { origin, server } = await startApp({ DATABASE_URL: database.url });
		let tileBytes = 0;
		const fetchTile = async ({ layer, z, x, y }: TileRequest) => {
			const response = await fetch(`${origin}/tiles/${layer}/${z}/${x}/${y}.mvt`);
			const body = await response.arrayBuffer();
			if (response.status !== 200 && response.status !== 204) throw new Error(`HTTP ${response.status}`);
			return body.byteLength;
		};
		let cold: number[];
		let warm: number[];
		try {
			// The first request of each tile renders it; the second comes from the server's memory.
			cold = await timePerRequest(requests, 1, async (request) => (tileBytes += await fetchTile(request)));
			warm = await timePerRequest(requests, 1, fetchTile);
		} finally {
			await stopApp(server);
		}
		const label = `${requests.length} tile requests z10–z15 (both layers)`;
		for (const q of [0.5, 0.95]) {
			const name = `p${q * 100}`;
			const rawQ = quantileOf(raw, q);
			report(
				`tiles over HTTP, first request (rendered), ${name}, ${label}`,
				quantileOf(cold, q),
				`raw ST_AsMVT query ${name}`,
				rawQ
			);
			report(
				`tiles over HTTP, repeat (memory cache), ${name}`,
				quantileOf(warm, q),
				`raw ST_AsMVT query ${name}`,
				rawQ
			);
			report(
				`renderTile on PostGIS (simplified), ${name}`,
				quantileOf(renderTimes, q),
				`raw ST_AsMVT query ${name}`,
				rawQ
			);
		}

		const hamletTiles = requests.filter((request) => request.layer === 'hamlets');
		const hamletTileBytes = await Promise.all(
			hamletTiles.map(async ({ z, x, y }) => (await renderTile(handle, 'hamlets', z, x, y))?.byteLength ?? 0)
		);
		const totalTileBytes = hamletTileBytes.reduce((sum, bytes) => sum + bytes, 0);
		const meanTileBytes = Math.round(totalTileBytes / hamletTiles.length);
		const [geojsonBytes, geojsonTime] = await timed(() => allHamletsGeojson(handle));
		reportQuantity(
			'all hamlets as one GeoJSON (naive), bytes',
			geojsonBytes,
			'B',
			'mean hamlet tile',
			meanTileBytes
		);
		reportQuantity(
			'all hamlets as one GeoJSON (naive), bytes',
			geojsonBytes,
			'B',
			`all ${hamletTiles.length} hamlet tiles of this bench`,
			totalTileBytes
		);
		report(
			'all hamlets as one GeoJSON (naive), query time',
			geojsonTime,
			'tile over HTTP, first request p50',
			quantileOf(cold, 0.5)
		);
		console.log(`tiles: ${tileBytes.toLocaleString('en')} bytes over ${requests.length} requests`);
		return { renderTimes };
	} finally {
		await database.drop();
	}
}

/** Issue 3: the tile endpoint's latency and size. Without DATABASE_URL only the PGlite side runs. */
export async function benchTiles(): Promise<void> {
	const requests = benchTileRequests();
	const postgis = process.env.DATABASE_URL ? await benchPostgis(requests) : undefined;

	const pglite = await openMigratedDatabase({ dataDir: 'memory://' });
	try {
		await seedDatabase(pglite.db, BENCH_ACTOR);
		const jsEncoder = await timePerRequest(requests, 3, ({ layer, z, x, y }) =>
			renderTile(pglite, layer, z, x, y)
		);
		for (const q of [0.5, 0.95]) {
			const name = `p${q * 100}`;
			if (postgis) {
				report(
					`renderTile on PGlite (geojson-vt + vt-pbf), ${name}`,
					quantileOf(jsEncoder, q),
					`renderTile on PostGIS (ST_AsMVT) ${name}`,
					quantileOf(postgis.renderTimes, q)
				);
			} else {
				const [, geojsonTime] = await timed(() => allHamletsGeojson(pglite));
				report(
					`renderTile on PGlite (geojson-vt + vt-pbf), ${name}`,
					quantileOf(jsEncoder, q),
					'all hamlets as one GeoJSON on PGlite',
					geojsonTime
				);
			}
		}
		if (!postgis) {
			console.log(
				'DATABASE_URL is unset: only the PGlite encoder was measured (no HTTP, no ST_AsMVT baseline).'
			);
		}
	} finally {
		await pglite.close();
	}
}
