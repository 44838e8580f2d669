import { describe, expect, it } from 'vitest';
import {
	EMBED_SIZE,
	embedCode,
	embedUrlOf,
	dataTableUrlOf,
	fullMapUrlOf,
	isPublicMapPath,
	isResizeMessage,
	oEmbedHref,
	oEmbedOf,
	RESIZE_MESSAGE_TYPE
} from './embed';

const VIEW = new URL(
	'https://gotungnha.vn/?metric=skills&month=2026-06&hamlet=4001&since=2026-01#map=13.5/21.0386/105.838'
);

describe('the embed of a view', () => {
	it('keeps the view (metric, month, camera) and leaves out the selection', () => {
		const embed = embedUrlOf(VIEW);
		expect(embed.pathname).toBe('/embed');
		expect(embed.searchParams.get('metric')).toBe('skills');
		expect(embed.searchParams.get('month')).toBe('2026-06');
		expect(embed.searchParams.has('hamlet')).toBe(false);
		expect(embed.hash).toBe('#map=13.5/21.0386/105.838');
		expect(embedUrlOf(new URL('https://gotungnha.vn/en?metric=gap')).pathname).toBe('/en/embed');
	});

	it('links back to the full map at the same view, in the same language', () => {
		const full = fullMapUrlOf(
			new URL('https://gotungnha.vn/en/embed?metric=gap&controls=none#map=12/21/105.8')
		);
		expect(full.pathname).toBe('/en');
		expect(full.search).toBe('?metric=gap');
		expect(full.hash).toBe('#map=12/21/105.8');
	});

	it('links to the full map’s data table as the map’s text alternative, keeping a framed commune', () => {
		const table = dataTableUrlOf(
			new URL('https://gotungnha.vn/embed?metric=skills&month=2026-06&commune=09700#map=12/21/105.8')
		);
		expect(table.pathname).toBe('/');
		expect(Object.fromEntries(table.searchParams)).toEqual({
			metric: 'skills',
			month: '2026-06',
			commune: '09700'
		});
		expect(table.hash).toBe('#bang-so-lieu');
	});

	it('gives an iframe with a title and a script that only listens to this origin', () => {
		const code = embedCode(embedUrlOf(VIEW), 'Bản đồ "kỹ năng" <số>');
		expect(code).toContain(
			'<iframe src="https://gotungnha.vn/embed?metric=skills&amp;month=2026-06#map=13.5/21.0386/105.838"'
		);
		expect(code).toContain('title="Bản đồ &quot;kỹ năng&quot; &lt;số&gt;"');
		expect(code).toContain('style="width:100%;height:600px;border:0"');
		expect(code).toContain('e.origin!=="https://gotungnha.vn"');
		expect(code).toContain(RESIZE_MESSAGE_TYPE);
	});

	it('recognises only well-formed resize messages', () => {
		expect(isResizeMessage({ type: RESIZE_MESSAGE_TYPE, height: 640 })).toBe(true);
		expect(isResizeMessage({ type: RESIZE_MESSAGE_TYPE, height: '640' })).toBe(false);
		expect(isResizeMessage({ type: 'other', height: 640 })).toBe(false);
		expect(isResizeMessage(null)).toBe(false);
	});
});

describe('oEmbed', () => {
	it('answers type rich within the consumer’s maximum size, never below the smallest usable', () => {
		const answer = oEmbedOf(VIEW, 'Bản đồ', { maxWidth: 500, maxHeight: 100 });
		expect(answer).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Gõ Từng Nhà', width: 500 });
		expect(answer.height).toBe(EMBED_SIZE.minHeight);
		expect(answer.html).toContain('<iframe src="https://gotungnha.vn/embed?');
		expect(oEmbedOf(VIEW, 'Bản đồ', {})).toMatchObject({
			width: EMBED_SIZE.width,
			height: EMBED_SIZE.height
		});
	});

	it('is discovered from the map’s pages, and only they are embeddable', () => {
		expect(oEmbedHref(VIEW)).toBe(
			`/oembed?url=${encodeURIComponent('https://gotungnha.vn/?metric=skills&month=2026-06&hamlet=4001&since=2026-01')}&format=json`
		);
		expect(['/', '/embed', '/en', '/en/embed'].every(isPublicMapPath)).toBe(true);
		expect(isPublicMapPath('/communes/09700/plan')).toBe(false);
	});
});
