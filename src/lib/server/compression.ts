// adapter-node precompresses static files but sends pages, JSON and tiles as they are. These shrink
// 3–4×, which matters on a phone in a rural commune, so they are gzipped here with the runtime's own
// CompressionStream unless a proxy in front has done it already.

const COMPRESSIBLE_TYPES =
	/^(text\/|application\/(json|geo\+json|javascript|vnd\.mapbox-vector-tile|x-protobuf)|image\/svg\+xml)/;

/** Below this a gzip header and the CPU cost more than they save. */
const MINIMUM_BYTES = 1024;

/** Whether the client takes gzip: listed, and not with q=0. */
export function acceptsGzip(acceptEncoding: string | null): boolean {
	return (acceptEncoding ?? '').split(',').some((entry) => {
		const [coding, ...parameters] = entry.trim().toLowerCase().split(';');
		if (coding !== 'gzip' && coding !== '*') return false;
		const quality = parameters
			.map((parameter) => parameter.trim())
			.find((parameter) => parameter.startsWith('q='));
		return quality === undefined || Number(quality.slice(2)) > 0;
	});
}

/**
 * `response` gzipped when the request accepts it and the body is worth it. A compressed body is another
 * representation, so its ETag becomes weak (our If-None-Match checks compare weakly) and caches are told
 * that the answer varies with Accept-Encoding.
 */
export function compressResponse(request: Request, response: Response): Response {
	if (!acceptsGzip(request.headers.get('accept-encoding'))) return response;
	const headers = new Headers(response.headers);
	if (!/accept-encoding/i.test(headers.get('vary') ?? '')) headers.append('vary', 'Accept-Encoding');
	const etag = headers.get('etag');
	if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
	const length = Number(headers.get('content-length') ?? Infinity);
	const compressible =
		response.body !== null &&
		response.status !== 204 &&
		response.status !== 304 &&
		!headers.has('content-encoding') &&
		COMPRESSIBLE_TYPES.test(headers.get('content-type') ?? '') &&
		length >= MINIMUM_BYTES;
	if (compressible) {
		headers.set('content-encoding', 'gzip');
		headers.delete('content-length');
	}
	return new Response(
		compressible ? response.body!.pipeThrough(new CompressionStream('gzip')) : response.body,
		{
			status: response.status,
			statusText: response.statusText,
			headers
		}
	);
}
