// oEmbed 1.0 (https://oembed.com): a CMS given a link to the map asks here for the code to embed it.
import { embedUrlOf, isPublicMapPath, oEmbedOf } from '$lib/embed';
import { InputError } from '$lib/input-error';
import { metricLabel } from '$lib/labels';
import { readViewState } from '$lib/map/view-state';
import { m } from '$lib/paraglide/messages';
import { readStrictParams } from '$lib/params';
import { answerJson } from './input-error-http';

const OEMBED_PARAMS = ['url', 'maxwidth', 'maxheight', 'format'] as const;

/** A size limit: digits only, 1–10,000 px; absent is no limit. */
function readSize(text: string | undefined, name: string): number | undefined {
	if (text === undefined) return undefined;
	if (!/^\d{1,5}$/.test(text) || Number(text) < 1 || Number(text) > 10_000) {
		throw InputError.invalid(
			'invalid-size',
			{
				vi: `${name} phải là số nguyên từ 1 đến 10000 (điểm ảnh)`,
				en: `${name} must be a whole number from 1 to 10000 (pixels)`
			},
			name
		);
	}
	return Number(text);
}

/** The answer for a URL of this site's map (`/` or `/embed`), JSON only (XML: 501, as the spec says). */
export function oEmbedResponse(request: Request, origin: string): Promise<Response> {
	return answerJson(async () => {
		const params = readStrictParams(new URL(request.url).searchParams, OEMBED_PARAMS);
		const format = params.format ?? 'json';
		if (format === 'xml') {
			return new Response(null, { status: 501 });
		}
		if (format !== 'json') {
			throw InputError.invalid(
				'invalid-format',
				{
					vi: `Định dạng không hỗ trợ: "${format}" (dùng json)`,
					en: `Unsupported format: "${format}" (use json)`
				},
				'format'
			);
		}
		let view: URL | undefined;
		try {
			view = params.url === undefined ? undefined : new URL(params.url);
		} catch {
			view = undefined;
		}
		if (!view || view.origin !== origin || !isPublicMapPath(view.pathname)) {
			// oEmbed answers 404 for a URL the provider does not embed.
			throw InputError.notFound(
				'not-embeddable',
				{
					vi: `Không nhúng được địa chỉ này: chỉ nhúng được bản đồ của ${origin}/`,
					en: `This address cannot be embedded: only the map at ${origin}/ can`
				},
				'url'
			);
		}
		const locale = embedUrlOf(view).pathname.startsWith('/en') ? 'en' : 'vi';
		const title = m.embed_frame_title(
			{
				metric: metricLabel(readViewState(view).metric, 'label', locale),
				month: view.searchParams.get('month') ?? ''
			},
			{ locale }
		);
		const body = oEmbedOf(view, title.replace(/, $/, ''), {
			maxWidth: readSize(params.maxwidth, 'maxwidth'),
			maxHeight: readSize(params.maxheight, 'maxheight')
		});
		return new Response(JSON.stringify(body), {
			headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=3600' }
		});
	});
}
