import { oEmbedResponse } from '$lib/server/oembed';
import type { RequestHandler } from './$types';

/** GET /oembed?url=…&maxwidth=&maxheight=&format=json — oEmbed 1.0 (type rich) for a view of the map. */
export const GET: RequestHandler = ({ request, url }) => oEmbedResponse(request, url.origin);
