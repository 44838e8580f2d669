import { describe, expect, it } from 'vitest';
import { DEFAULT_GAP_WEIGHTS } from './analysis/gap-weights';
import { InputError, inputErrorStatus } from './input-error';
import {
	MONTH_WORDINGS,
	givenParams,
	readChoiceParam,
	readCommuneCode,
	readCommuneCodeParam,
	readDayParam,
	readHamletParam,
	readMonthParam,
	readPageParam,
	readStrictParams,
	readTextParam,
	readWeightsParam,
	requireShortQuery
} from './params';

const MONTHS = ['2026-03-01', '2026-04-01', '2026-05-01'];
const params = (text: string) => new URLSearchParams(text);

/** What `read` throws, as the HTTP mapping sees it. */
function refusal(read: () => unknown) {
	try {
		read();
	} catch (error) {
		if (!(error instanceof InputError)) throw error;
		return { status: inputErrorStatus(error), code: error.code, path: error.path, message: error.message };
	}
	throw new Error('accepted');
}

describe('readMonthParam', () => {
	it('reads YYYY-MM or YYYY-MM-01 as the first day, and the latest month when absent', () => {
		expect(readMonthParam(params('month=2026-04'), MONTHS, {})).toBe('2026-04-01');
		expect(readMonthParam(params('month=2026-04-01'), MONTHS, {})).toBe('2026-04-01');
		expect(readMonthParam(params(''), MONTHS, {})).toBe('2026-05-01');
		expect(readMonthParam(params(''), MONTHS, { absent: 'none' })).toBeUndefined();
		expect(readMonthParam(params(''), [], { absent: 'latest-or-none' })).toBeUndefined();
	});

	it('refuses a malformed month, a month without data or after the limit with a 400, everywhere alike', () => {
		for (const wording of Object.values(MONTH_WORDINGS)) {
			expect(refusal(() => readMonthParam(params('month=2026-13'), MONTHS, { wording }))).toMatchObject({
				status: 400,
				code: 'invalid-month',
				path: 'month'
			});
			expect(refusal(() => readMonthParam(params('month=2025-12'), MONTHS, { wording }))).toMatchObject({
				status: 400,
				path: 'month'
			});
			expect(
				refusal(() =>
					readMonthParam(params('since=2026-05'), MONTHS, { name: 'since', notAfter: '2026-04-01', wording })
				)
			).toMatchObject({ status: 400, code: 'month-after-limit', path: 'since' });
		}
		expect(refusal(() => readMonthParam(params('month=2025-12'), MONTHS, {}))).toMatchObject({
			code: 'unknown-month',
			message: 'Không có số liệu tháng 2025-12: chỉ có 2026-03 – 2026-05'
		});
	});

	it('refuses a missing required month as malformed, and nothing to show (no data) as a 404', () => {
		expect(refusal(() => readMonthParam(params(''), MONTHS, { absent: 'required' }))).toMatchObject({
			status: 400,
			code: 'invalid-month'
		});
		expect(refusal(() => readMonthParam(params(''), [], {}))).toMatchObject({ status: 404, code: 'no-data' });
		// A month given while there is no data at all is still a bad month.
		expect(refusal(() => readMonthParam(params('month=2026-04'), [], {}))).toMatchObject({ status: 400 });
	});
});

describe('commune and hamlet parameters', () => {
	it('reads a five-digit commune code; anything else names no commune (404)', () => {
		expect(readCommuneCode('00004')).toBe('00004');
		expect(readCommuneCodeParam(params(''))).toBeUndefined();
		expect(readCommuneCodeParam(params('commune=09700'))).toBe('09700');
		expect(refusal(() => readCommuneCodeParam(params('commune=abc')))).toEqual({
			status: 404,
			code: 'unknown-commune',
			path: 'commune',
			message: 'Không có xã/phường mã "abc"'
		});
	});

	it('reads a hamlet id; anything but digits names no hamlet (404)', () => {
		expect(readHamletParam(params('hamlet=4001'))).toBe(4001);
		expect(readHamletParam(params(''))).toBeUndefined();
		expect(refusal(() => readHamletParam(params('hamlet=4x')))).toMatchObject({
			status: 404,
			code: 'unknown-hamlet',
			message: 'Không tìm thấy thôn, tổ dân phố có mã “4x”.'
		});
	});
});

describe('readWeightsParam', () => {
	it('reads and normalises weights, the defaults when absent', () => {
		expect(readWeightsParam(params(''))).toBe(DEFAULT_GAP_WEIGHTS);
		expect(readWeightsParam(params('weights=skills:1,coverage:3'))).toMatchObject({
			skills: 0.25,
			coverage: 0.75
		});
	});

	it('refuses bad weights with a 400 listing every problem', () => {
		let thrown: unknown;
		try {
			readWeightsParam(params('weights=skills:-1,wealth:1'));
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(InputError);
		const error = thrown as InputError;
		expect(inputErrorStatus(error)).toBe(400);
		expect(error).toMatchObject({ code: 'invalid-weights', path: 'weights', listed: true });
		expect(error.message).toBe('Trọng số không hợp lệ: Trọng số không được âm');
		expect(error.issues.map((issue) => [issue.path, issue.code])).toEqual([
			['weights.skills', 'negative'],
			['weights.wealth', 'unknown-component']
		]);
	});
});

describe('strict reading of a public query', () => {
	it('reads the names of the schema, each once', () => {
		expect(readStrictParams(params('month=2026-11&v=abc'), ['month', 'v'])).toEqual({
			month: '2026-11',
			v: 'abc'
		});
		expect(readStrictParams(params(''), ['month'])).toEqual({});
	});

	it('refuses a repeated parameter rather than taking its first value', () => {
		expect(refusal(() => readStrictParams(params('month=2026-11&month=2026-10'), ['month']))).toMatchObject({
			status: 400,
			code: 'repeated-parameter',
			path: 'month'
		});
	});

	it('refuses an unknown parameter, prototype keys included', () => {
		for (const name of ['constructor', '__proto__', 'toString', 'mnth']) {
			expect(refusal(() => readStrictParams(params(`${name}=1`), ['month']))).toMatchObject({
				status: 400,
				code: 'unknown-parameter',
				path: name
			});
		}
	});

	it('refuses an over-long query string', () => {
		expect(
			refusal(() => requireShortQuery(new URL(`http://x/api/search?q=${'a'.repeat(35_000)}`)))
		).toMatchObject({
			status: 400,
			code: 'query-too-long'
		});
		expect(() => requireShortQuery(new URL('http://x/api/search?q=ba'))).not.toThrow();
	});

	it('reads weights as plain decimals: prototype keys are unknown components, 0x10 and 1e1 no numbers', () => {
		expect(refusal(() => readWeightsParam(params('weights=constructor:1')))).toMatchObject({
			code: 'invalid-weights'
		});
		let thrown: InputError | undefined;
		try {
			readWeightsParam(params('weights=skills:0x10,coverage:1e1,valueOf:1'));
		} catch (error) {
			thrown = error as InputError;
		}
		expect(thrown!.issues.map((issue) => [issue.path, issue.code])).toEqual([
			['weights.skills', 'not-a-number'],
			['weights.coverage', 'not-a-number'],
			['weights.valueOf', 'unknown-component']
		]);
		expect(readWeightsParam(params('weights=skills:.5,coverage:0.5'))).toMatchObject({
			skills: 0.5,
			coverage: 0.5
		});
	});
});

describe('readChoiceParam', () => {
	it('reads one of the values, the fallback when absent, and refuses the rest', () => {
		const read = (text: string) =>
			readChoiceParam(params(text), 'format', ['json', 'geojson'] as const, 'json', (value) => ({
				code: 'invalid-format',
				message: { vi: `Không hỗ trợ ${value}`, en: `Unsupported ${value}` }
			}));
		expect(read('')).toBe('json');
		expect(read('format=geojson')).toBe('geojson');
		expect(refusal(() => read('format=csv'))).toEqual({
			status: 400,
			code: 'invalid-format',
			path: 'format',
			message: 'Không hỗ trợ csv'
		});
	});
});

describe('the readers of a filtered, paginated list', () => {
	it('readDayParam: a real YYYY-MM-DD day, or undefined when absent; else a 400', () => {
		expect(readDayParam(params('from=2026-02-28'), 'from')).toBe('2026-02-28');
		expect(readDayParam(params(''), 'from')).toBeUndefined();
		for (const text of ['2026-02-30', '2026-2-1', '0000-00-00', '2026-02-28T00:00', ' 2026-02-28']) {
			const refused = refusal(() => readDayParam(params(`from=${encodeURIComponent(text)}`), 'from'));
			expect({ text, ...refused }).toMatchObject({ text, status: 400, code: 'invalid-day', path: 'from' });
		}
	});

	it('readPageParam: 1 by default, whole numbers 1–100,000 only', () => {
		expect(readPageParam(params(''))).toBe(1);
		expect(readPageParam(params('page=7'))).toBe(7);
		for (const text of ['0', '-1', '0x2', '1.5', '100001', '']) {
			expect(refusal(() => readPageParam(params(`page=${text}`)))?.code).toBe('invalid-page');
		}
	});

	it('readTextParam: bounded, without control characters', () => {
		expect(readTextParam(params('user=canbo.badinh'), 'user', 20)).toBe('canbo.badinh');
		expect(readTextParam(params(''), 'user', 20)).toBeUndefined();
		expect(refusal(() => readTextParam(params(`user=${'x'.repeat(21)}`), 'user', 20))?.code).toBe(
			'invalid-text'
		);
		expect(refusal(() => readTextParam(params('user=a%00b'), 'user', 20))?.code).toBe('invalid-text');
	});

	it('givenParams: the empty fields of a GET form count as absent', () => {
		expect([...givenParams(params('user=&commune=00004&action='))]).toEqual([['commune', '00004']]);
	});
});
