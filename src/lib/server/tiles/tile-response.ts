import { gunzipSync, gzipSync } from 'node:zlib';
import { InputError } from '../../input-error';
import { isTileLayer } from '../../tiles';
import { acceptsGzip } from '../compression';
import type { Database, DatabaseHandle } from '../db/index';
import { currentGeometryRevision } from '../db/revision';
import { etagMatches, IMMUTABLE, notModified, REVALIDATE } from '../http-cache';
import { inputErrorResponse } from '../input-error-http';
import { renderTile, TILE_ENCODER_VERSION } from './render-tile';
import { TileCache } from './tile-cache';
import { parseTileCoordinates } from './tile-math';

/** What the tile route reads from a request. */
export interface TileRequest {
	/** The URL segments: layer name, then z/x/y (the `.mvt` suffix already stripped by the route). */
	layer: string;
	z: string;
	x: string;
	y: string;
	/** The `v` query parameter: the tile version the page built its tile URLs with, if any. */
	version: string | null;
	/** The `If-None-Match` request header, if any. */
	ifNoneMatch: string | null;
	/** The `Accept-Encoding` request header: gzip-capable clients get the stored gzip bytes as they are. */
	acceptEncoding?: string | null;
}

export const MVT_CONTENT_TYPE = 'application/vnd.mapbox-vector-tile';

/** The tile version for a geometry revision tag: changes with every boundary write and with the encoder. */
export function tileVersionOf(tag: string): string {
	return `${TILE_ENCODER_VERSION}-${tag}`;
}

/** The current tile version, for `tileUrlTemplate(layer, version, origin)` in a page's `load`. */
export async function currentTileVersion(db: Database): Promise<string> {
	return tileVersionOf((await currentGeometryRevision(db)).tag);
}

/** The tiles this process has rendered, for every request (per process; a restart starts empty). */
const sharedTileCache = new TileCache();

/**
 * The HTTP response for a tile request: 404 (unknown layer) or 400 (bad z/x/y) with a JSON error,
 * 304 when If-None-Match has the current ETag (nothing is rendered), else 204 for an empty tile or
 * 200 with the MVT. ETag = the current tile version, the same for every tile of one geometry revision.
 * Cache-Control is immutable when `v` is the current version; an old or missing `v` still gets the
 * current tile, but marked to revalidate, so a page built before a data write never pins old tiles.
 */
export async function tileResponse(
	handle: DatabaseHandle,
	request: TileRequest,
	cache: TileCache = sharedTileCache
): Promise<Response> {
	const { layer } = request;
	if (!isTileLayer(layer)) {
		return inputErrorResponse(
			InputError.notFound(
				'unknown-layer',
				{
					vi: `Không có lớp bản đồ "${layer}" (chỉ có hamlets, communes)`,
					en: `No tile layer "${layer}" (the layers are hamlets, communes)`
				},
				'layer'
			)
		);
	}
	const parsed = parseTileCoordinates(request.z, request.x, request.y);
	if (!parsed.ok) return inputErrorResponse(InputError.invalid('invalid-tile', parsed.message, 'z/x/y'));
	const { z, x, y } = parsed.tile;

	const version = tileVersionOf((await currentGeometryRevision(handle.db)).tag);
	const etag = `"${version}"`;
	// A URL with the current `v` never changes; without `v`, or with an old one, the tile may change.
	const headers = {
		ETag: etag,
		'Cache-Control': request.version === version ? IMMUTABLE : REVALIDATE,
		// The body is gzipped or not by the request's Accept-Encoding: a shared cache must key on it.
		Vary: 'Accept-Encoding'
	};
	if (etagMatches(request.ifNoneMatch, etag)) return notModified(headers);

	// The version is read before rendering: a write in between can only make a tile newer than its
	// label, never older, and the next request sees the new version and renders again. Tiles are kept
	// gzipped (a third to half smaller, compressed once), as nearly every client takes them so.
	const gzipped = await cache.get(version, `${layer}/${z}/${x}/${y}`, async () => {
		const bytes = await renderTile(handle, layer, z, x, y);
		return bytes && gzipSync(bytes);
	});
	if (!gzipped) return new Response(null, { status: 204, headers });
	const gzip = acceptsGzip(request.acceptEncoding ?? null);
	return new Response((gzip ? gzipped : gunzipSync(gzipped)) as Uint8Array<ArrayBuffer>, {
		status: 200,
		headers: { ...headers, 'Content-Type': MVT_CONTENT_TYPE, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) }
	});
}
