// Embedding the public map in another site (Datawrapper's and Our World in Data's way): the /embed URL
// of a view, the copy-ready code (a responsive iframe with a title, and a tiny script that sets its
// height from the embed's postMessage), and the oEmbed answer that CMSs ask for. Pure and client-safe.

/** The message the embed posts to its parent with its document's height. */
export const RESIZE_MESSAGE_TYPE = 'gotungnha:resize';

export interface ResizeMessage {
	type: typeof RESIZE_MESSAGE_TYPE;
	height: number;
}

export function isResizeMessage(data: unknown): data is ResizeMessage {
	const message = data as Partial<ResizeMessage> | null;
	return (
		typeof message === 'object' &&
		message !== null &&
		message.type === RESIZE_MESSAGE_TYPE &&
		typeof message.height === 'number' &&
		Number.isFinite(message.height)
	);
}

/** The view parameters an embed keeps; the selection and comparison month are the full map's. */
const EMBED_PARAMS = ['metric', 'month', 'classes', 'only', 'commune', 'controls'];

/** Whether `path` is one of the public map's pages (`/`, `/embed`, in either language). */
export function isPublicMapPath(path: string): boolean {
	return ['/', '/embed', '/en', '/en/embed'].includes(path);
}

/** The /embed URL of a view of the map (`/` or `/embed`, with its query and `#map=` hash). */
export function embedUrlOf(view: URL): URL {
	const english = view.pathname === '/en' || view.pathname.startsWith('/en/');
	const embed = new URL(english ? '/en/embed' : '/embed', view.origin);
	for (const name of EMBED_PARAMS) {
		const value = view.searchParams.get(name);
		if (value !== null) embed.searchParams.set(name, value);
	}
	embed.hash = view.hash;
	return embed;
}

/** The full map at the same view as an embed: what the embed's "Gõ Từng Nhà" link opens. */
export function fullMapUrlOf(embed: URL): URL {
	const english = embed.pathname.startsWith('/en');
	const full = new URL(english ? '/en' : '/', embed.origin);
	for (const name of EMBED_PARAMS) {
		const value = embed.searchParams.get(name);
		if (value !== null && name !== 'controls' && name !== 'commune') full.searchParams.set(name, value);
	}
	full.hash = embed.hash;
	return full;
}

/** The id of the data table under the full map: the embed's text alternative links to it. */
export const DATA_TABLE_ANCHOR = 'bang-so-lieu';

/**
 * The full map's data table for an embed: the same metric and month, the framed commune's panel
 * (`?commune=`) when the embed frames one, scrolled to the table.
 */
export function dataTableUrlOf(embed: URL): URL {
	const full = fullMapUrlOf(embed);
	const commune = embed.searchParams.get('commune');
	if (commune !== null) full.searchParams.set('commune', commune);
	full.hash = DATA_TABLE_ANCHOR;
	return full;
}

const escapeAttribute = (text: string) =>
	text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * The code to paste: an iframe as wide as its column, `height` tall until the embed reports its own
 * height, and the script that listens for that report from this origin only.
 */
export function embedCode(embed: URL, title: string, height = 600): string {
	const iframe =
		`<iframe src="${escapeAttribute(embed.href)}" title="${escapeAttribute(title)}" ` +
		`style="width:100%;height:${Math.round(height)}px;border:0" loading="lazy" data-gotungnha-embed></iframe>`;
	const script =
		`<script>window.addEventListener("message",function(e){` +
		`if(e.origin!==${JSON.stringify(embed.origin)}||!e.data||e.data.type!==${JSON.stringify(RESIZE_MESSAGE_TYPE)})return;` +
		`document.querySelectorAll("iframe[data-gotungnha-embed]").forEach(function(f){` +
		`if(f.contentWindow===e.source)f.style.height=e.data.height+"px"})});</script>`;
	return `${iframe}\n${script}`;
}

/** The default size of an embed, and the smallest an oEmbed consumer may ask for. */
export const EMBED_SIZE = { width: 720, height: 600, minWidth: 280, minHeight: 320 };

/** The oEmbed 1.0 answer (type rich) for a view of the map. */
export interface OEmbedRich {
	version: '1.0';
	type: 'rich';
	provider_name: string;
	provider_url: string;
	title: string;
	html: string;
	width: number;
	height: number;
}

export function oEmbedOf(
	view: URL,
	title: string,
	{ maxWidth, maxHeight }: { maxWidth?: number; maxHeight?: number }
): OEmbedRich {
	const width = Math.max(EMBED_SIZE.minWidth, Math.min(maxWidth ?? EMBED_SIZE.width, EMBED_SIZE.width));
	const height = Math.max(EMBED_SIZE.minHeight, Math.min(maxHeight ?? EMBED_SIZE.height, EMBED_SIZE.height));
	return {
		version: '1.0',
		type: 'rich',
		provider_name: 'Gõ Từng Nhà',
		provider_url: `${view.origin}/`,
		title,
		html: embedCode(embedUrlOf(view), title, height),
		width,
		height
	};
}

/** The oEmbed discovery link's target for a page of the map. */
export function oEmbedHref(view: URL): string {
	const url = new URL(view.pathname + view.search, view.origin);
	return `/oembed?${new URLSearchParams({ url: url.href, format: 'json' })}`;
}
