import { describe, expect, it } from 'vitest';
import { InputError } from '../input-error';
import { clustersEtag, parseClustersQuery } from './activity-clusters-request';

const GOOD = { month: '2026-11', bbox: '105.7,20.9,105.9,21.1', zoom: '12' };

function parse(overrides: Partial<Record<keyof typeof GOOD, string | undefined>>) {
	const params = new URLSearchParams();
	for (const [name, value] of Object.entries({ ...GOOD, ...overrides })) {
		if (value !== undefined) params.set(name, value);
	}
	return parseClustersQuery(params);
}

/** The error a query is refused with, as the endpoint would send it. */
function refusal(overrides: Partial<Record<keyof typeof GOOD, string | undefined>>) {
	try {
		parse(overrides);
	} catch (error) {
		if (!(error instanceof InputError)) throw error;
		return { code: error.code, message: error.message, messageEn: error.messageEn };
	}
	throw new Error(`accepted: ${JSON.stringify(overrides)}`);
}

describe('parseClustersQuery', () => {
	it('reads month (YYYY-MM or YYYY-MM-01), bbox and zoom', () => {
		expect(parse({})).toEqual({ month: '2026-11-01', bbox: [105.7, 20.9, 105.9, 21.1], zoom: 12 });
		expect(parse({ month: '2026-11-01', bbox: '-180,-90,180,90', zoom: '0' })).toEqual({
			month: '2026-11-01',
			bbox: [-180, -90, 180, 90],
			zoom: 0
		});
		expect(parse({ zoom: '22' }).zoom).toBe(22);
	});

	it.each([
		['missing', undefined],
		['empty', ''],
		['no month', '2026'],
		['month 13', '2026-13'],
		['month 0', '2026-00'],
		['single-digit month', '2026-3'],
		['not the first day', '2026-11-15'],
		['words', 'tháng 11']
	])('refuses a month that is %s', (_, month) => {
		const error = refusal({ month });
		expect(error.code).toBe('invalid-month');
		expect(error.message).toBe('Tham số month phải là một tháng dạng YYYY-MM hoặc YYYY-MM-01, ví dụ 2026-11');
		expect(error.messageEn).toContain('YYYY-MM');
	});

	it.each([
		['missing', undefined, 'bốn số'],
		['three numbers', '105.7,20.9,105.9', 'bốn số'],
		['five numbers', '105.7,20.9,105.9,21.1,3', 'bốn số'],
		['not numbers', 'a,b,c,d', 'bốn số'],
		['an empty number', '105.7,,105.9,21.1', 'bốn số'],
		['exponents', '1e2,20.9,105.9,21.1', 'bốn số'],
		['west = east', '105.9,20.9,105.9,21.1', 'kinh độ phía tây phải nhỏ hơn'],
		['west > east', '106,20.9,105.9,21.1', 'kinh độ phía tây phải nhỏ hơn'],
		['south > north', '105.7,21.2,105.9,21.1', 'vĩ độ phía nam phải nhỏ hơn'],
		['a latitude above 90', '105.7,20.9,105.9,91', 'Vĩ độ trong bbox'],
		['a latitude below -90', '105.7,-90.5,105.9,21.1', 'Vĩ độ trong bbox'],
		['a longitude beyond 180', '105.7,20.9,180.1,21.1', 'Kinh độ trong bbox']
	])('refuses a bbox with %s', (_, bbox, vietnamese) => {
		const error = refusal({ bbox });
		expect(error.code).toBe('invalid-bbox');
		expect(error.message).toContain(vietnamese);
		expect(error.messageEn).toMatch(/bbox/);
	});

	it.each([
		['missing', undefined],
		['negative', '-1'],
		['above 22', '23'],
		['fractional', '12.5'],
		['not a number', 'mười'],
		['empty', '']
	])('refuses a zoom that is %s', (_, zoom) => {
		const error = refusal({ zoom });
		expect(error.code).toBe('invalid-zoom');
		expect(error.message).toBe('Tham số zoom phải là một số nguyên từ 0 đến 22');
		expect(error.messageEn).toBe('The zoom parameter must be an integer from 0 to 22');
	});
});

describe('clustersEtag', () => {
	it('is a strong ETag that changes with the revision and with the query', () => {
		const query = {
			month: '2026-11-01',
			bbox: [105.7, 20.9, 105.9, 21.1] as [number, number, number, number],
			zoom: 12
		};
		const etag = clustersEtag('tag-1', query);
		expect(etag).toMatch(/^"tag-1-[\w-]{16}"$/);
		expect(clustersEtag('tag-1', { ...query })).toBe(etag);
		expect(clustersEtag('tag-2', query)).not.toBe(etag);
		expect(clustersEtag('tag-1', { ...query, zoom: 13 })).not.toBe(etag);
		expect(clustersEtag('tag-1', { ...query, month: '2026-10-01' })).not.toBe(etag);
	});
});
