// One reader per shared URL parameter: each parses, checks and refuses (InputError) the same way on every
// page and endpoint. Pure, so the readers take what they check against (the data's months) as arguments.
import { DEFAULT_GAP_WEIGHTS } from './analysis/gap-weights';
import type { Label } from './domain';
import { parseWeightsParam, type GapWeights } from './gap-planning';
import { InputError } from './input-error';
import { monthFromParam, monthParam } from './months';
import { hasControlCharacters } from './text';

/** How a month parameter's refusals read. The rule and the codes are the same everywhere. */
interface MonthWording {
	/** Not a month at all (or missing where required). */
	malformed(text: string): Label;
	/** A month the data does not cover; `months` are the data's months, oldest first. */
	noData(text: string, month: string, months: readonly string[]): Label;
	/** After the limit the caller sets (e.g. a comparison month after the month shown). */
	afterLimit(text: string): Label;
	/** The code of a month without data, where an API published its own; default 'unknown-month'. */
	noDataCode?: string;
}

const firstLast = (months: readonly string[]) => ({
	first: months[0]!.slice(0, 7),
	last: months.at(-1)!.slice(0, 7)
});

/**
 * The wordings in use, kept here so that a month is refused by one rule wherever it is read. The APIs
 * and pages published their texts before the readers were shared; their clients and tests read them.
 */
export const MONTH_WORDINGS = {
	/** /api/gap, /api/hotspots and the planner. */
	api: {
		malformed: (text) => ({
			vi: `Tháng không hợp lệ: "${text}" (cần dạng YYYY-MM, ví dụ 2026-11)`,
			en: `Invalid month: "${text}" (expected YYYY-MM, e.g. 2026-11)`
		}),
		noData: (text, _month, months) => {
			if (months.length === 0) return NO_DATA;
			const { first, last } = firstLast(months);
			return {
				vi: `Không có số liệu tháng ${text}: chỉ có ${first} – ${last}`,
				en: `No data for ${text}: only ${first} – ${last}`
			};
		},
		afterLimit: (text) => monthAfterLimit(text)
	},
	/** /api/activities/clusters, where the month is required. */
	clusters: {
		malformed: () => ({
			vi: 'Tham số month phải là một tháng dạng YYYY-MM hoặc YYYY-MM-01, ví dụ 2026-11',
			en: 'The month parameter must be a month as YYYY-MM or YYYY-MM-01, e.g. 2026-11'
		}),
		noData: (_text, month, months) => {
			const shown = month.slice(0, 7);
			if (months.length === 0) {
				return {
					vi: `Không có dữ liệu tháng ${shown}: chưa có dữ liệu nào`,
					en: `No data for ${shown}: there is no data yet`
				};
			}
			const { first, last } = firstLast(months);
			return {
				vi: `Không có dữ liệu tháng ${shown}: dữ liệu có từ tháng ${first} đến tháng ${last}`,
				en: `No data for ${shown}: the data covers ${first} to ${last}`
			};
		},
		afterLimit: (text) => monthAfterLimit(text),
		noDataCode: 'month-out-of-range'
	},
	/** The map page's `month`: one message whatever is wrong, since a person reads it. */
	page: {
		malformed: (text) => pageMonth(text),
		noData: (text) => pageMonth(text),
		afterLimit: (text) => pageMonth(text)
	},
	/** The map page's comparison month `since`. */
	since: {
		malformed: (text) => sinceMonth(text),
		noData: (text) => sinceMonth(text),
		afterLimit: (text) => sinceMonth(text)
	}
} satisfies Record<string, MonthWording>;

function monthAfterLimit(text: string): Label {
	return { vi: `Tháng ${text} sau tháng đang xem`, en: `The month ${text} is after the month shown` };
}

const NO_DATA: Label = { vi: 'Chưa có số liệu tháng nào', en: 'There is no monthly data yet' };

function pageMonth(text: string): Label {
	return {
		vi: `Tháng “${text}” không hợp lệ hoặc chưa có số liệu (viết theo dạng 2026-11).`,
		en: `The month “${text}” is malformed or has no data (write it as 2026-11).`
	};
}

function sinceMonth(text: string): Label {
	return {
		vi: `Tháng so sánh “${text}” không hợp lệ: cần một tháng có số liệu, không sau tháng đang xem.`,
		en: `The comparison month “${text}” is invalid: it must have data and not be after the month shown.`
	};
}

/** What an absent month parameter means. */
type AbsentMonth =
	/** The latest month with data; refused (404, nothing to show) when there is none. */
	| 'latest'
	/** The latest month with data, or undefined when there is none. */
	| 'latest-or-none'
	/** Undefined. */
	| 'none'
	/** Refused as malformed. */
	| 'required';

interface MonthParamOptions {
	/** The parameter's name, the error's path. Default 'month'. */
	name?: string;
	/** Default 'latest'. */
	absent?: AbsentMonth;
	/** The last month allowed (YYYY-MM-01), e.g. the month shown for a comparison month. */
	notAfter?: string;
	/** Default {@link MONTH_WORDINGS}.api. */
	wording?: MonthWording;
}

/**
 * Reads a month parameter's form, YYYY-MM or YYYY-MM-01 (`monthFromParam`), as its first day
 * YYYY-MM-01, without checking the data: {@link readMonthParam} does both. A malformed month is bad
 * input (400, 'invalid-month'); an absent one is undefined unless `absent` is 'required'.
 */
export function readMonthFormat(
	params: URLSearchParams,
	options: MonthParamOptions & { absent: 'required' }
): string;
export function readMonthFormat(params: URLSearchParams, options: MonthParamOptions): string | undefined;
export function readMonthFormat(
	params: URLSearchParams,
	{ name = 'month', absent = 'latest', wording = MONTH_WORDINGS.api }: MonthParamOptions
): string | undefined {
	const text = params.get(name);
	if (text === null) {
		if (absent === 'required') throw InputError.invalid('invalid-month', wording.malformed(''), name);
		return undefined;
	}
	const month = monthFromParam(text);
	if (month === undefined) throw InputError.invalid('invalid-month', wording.malformed(text), name);
	return month;
}

/**
 * Refuses (400) a month (YYYY-MM-01) the data does not cover (`months`, from `dataMonths`): code
 * 'unknown-month' (or the wording's own), or one after `notAfter`: 'month-after-limit'.
 */
export function requireDataMonth(
	month: string,
	months: readonly string[],
	{ name = 'month', notAfter, wording = MONTH_WORDINGS.api }: MonthParamOptions,
	text = monthParam(month)
): string {
	if (!months.includes(month)) {
		throw InputError.invalid(
			wording.noDataCode ?? 'unknown-month',
			wording.noData(text, month, months),
			name
		);
	}
	if (notAfter !== undefined && month > notAfter) {
		throw InputError.invalid('month-after-limit', wording.afterLimit(text), name);
	}
	return month;
}

/**
 * Reads a month parameter: its form ({@link readMonthFormat}), then whether the data covers it
 * ({@link requireDataMonth}). When absent, see {@link AbsentMonth}.
 */
export function readMonthParam(
	params: URLSearchParams,
	months: readonly string[],
	options: MonthParamOptions & { absent?: 'latest' | 'required' }
): string;
export function readMonthParam(
	params: URLSearchParams,
	months: readonly string[],
	options: MonthParamOptions
): string | undefined;
export function readMonthParam(
	params: URLSearchParams,
	months: readonly string[],
	options: MonthParamOptions
): string | undefined {
	const { name = 'month', absent = 'latest' } = options;
	const month = readMonthFormat(params, options);
	if (month !== undefined) return requireDataMonth(month, months, options, params.get(name)!);
	if (absent === 'none') return undefined;
	const latest = months.at(-1);
	if (latest === undefined && absent === 'latest') throw InputError.notFound('no-data', NO_DATA, name);
	return latest;
}

/** No commune has this code (404). */
export function unknownCommuneError(code: string, path = 'commune'): InputError {
	return InputError.notFound(
		'unknown-commune',
		{ vi: `Không có xã/phường mã "${code}"`, en: `No commune has code "${code}"` },
		path
	);
}

/**
 * A commune code: five digits. Anything else names no commune (404, like a code nobody has); whether
 * the commune exists is the caller's lookup, which refuses with {@link unknownCommuneError}.
 */
export function readCommuneCode(text: string, path = 'commune'): string {
	if (!/^\d{5}$/.test(text)) throw unknownCommuneError(text, path);
	return text;
}

/** The optional `commune` parameter: undefined when absent (the whole city). */
export function readCommuneCodeParam(params: URLSearchParams, name = 'commune'): string | undefined {
	const text = params.get(name);
	return text === null ? undefined : readCommuneCode(text, name);
}

/** No hamlet has this id (404). */
function unknownHamletError(text: string, path = 'hamlet'): InputError {
	return InputError.notFound(
		'unknown-hamlet',
		{
			vi: `Không tìm thấy thôn, tổ dân phố có mã “${text}”.`,
			en: `No hamlet has the id “${text}”.`
		},
		path
	);
}

/** The optional `hamlet` parameter, a hamlet id; anything but 1–9 digits names no hamlet (404). */
export function readHamletParam(params: URLSearchParams, name = 'hamlet'): number | undefined {
	const text = params.get(name);
	if (text === null) return undefined;
	if (!/^\d{1,9}$/.test(text)) throw unknownHamletError(text, name);
	return Number(text);
}

/**
 * The optional `weights` parameter, `skills:0.3,coverage:0.2,…` (`parseWeightsParam`), normalised to sum
 * 1; the documented default weights when absent. Every problem is listed in the error's issues.
 */
export function readWeightsParam(params: URLSearchParams, name = 'weights'): GapWeights {
	const text = params.get(name);
	if (text === null) return DEFAULT_GAP_WEIGHTS;
	const parsed = parseWeightsParam(text);
	if (parsed.ok) return parsed.weights;
	const [first] = parsed.errors;
	throw InputError.fromIssues(parsed.errors, {
		code: 'invalid-weights',
		message: { vi: `Trọng số không hợp lệ: ${first!.vi}`, en: `Invalid weights: ${first!.en}` },
		path: name
	});
}

/** An enumerated parameter: one of `values`, or `fallback` when absent. */
export function readChoiceParam<T extends string>(
	params: URLSearchParams,
	name: string,
	values: readonly T[],
	fallback: T,
	refusal: (text: string) => { code: string; message: Label }
): T {
	const text = params.get(name);
	if (text === null) return fallback;
	if ((values as readonly string[]).includes(text)) return text as T;
	const { code, message } = refusal(text);
	throw InputError.invalid(code, message, name);
}

const BBOX_PROBLEMS = {
	format: {
		vi: 'Tham số bbox phải gồm bốn số tây,nam,đông,bắc (độ, WGS 84), ví dụ 105.7,20.9,105.9,21.1',
		en: 'The bbox parameter must be four numbers west,south,east,north (degrees, WGS 84), e.g. 105.7,20.9,105.9,21.1'
	},
	longitude: {
		vi: 'Kinh độ trong bbox phải nằm trong khoảng từ -180 đến 180',
		en: 'Longitudes in bbox must be between -180 and 180'
	},
	latitude: {
		vi: 'Vĩ độ trong bbox phải nằm trong khoảng từ -90 đến 90',
		en: 'Latitudes in bbox must be between -90 and 90'
	},
	westEast: {
		vi: 'Trong bbox, kinh độ phía tây phải nhỏ hơn kinh độ phía đông',
		en: 'In bbox, the west longitude must be less than the east longitude'
	},
	southNorth: {
		vi: 'Trong bbox, vĩ độ phía nam phải nhỏ hơn vĩ độ phía bắc',
		en: 'In bbox, the south latitude must be less than the north latitude'
	}
} satisfies Record<string, Label>;

/** A required bounding box `west,south,east,north` in degrees (plain decimals), west < east, south < north. */
export function readBboxParam(params: URLSearchParams, name = 'bbox'): [number, number, number, number] {
	const refuse = (problem: keyof typeof BBOX_PROBLEMS) =>
		InputError.invalid('invalid-bbox', BBOX_PROBLEMS[problem], name);
	const parts = (params.get(name) ?? '').split(',');
	if (parts.length !== 4 || !parts.every((part) => /^-?\d+(\.\d+)?$/.test(part))) throw refuse('format');
	const [west, south, east, north] = parts.map(Number) as [number, number, number, number];
	if (Math.abs(west) > 180 || Math.abs(east) > 180) throw refuse('longitude');
	if (Math.abs(south) > 90 || Math.abs(north) > 90) throw refuse('latitude');
	if (!(west < east)) throw refuse('westEast');
	if (!(south < north)) throw refuse('southNorth');
	return [west, south, east, north];
}

/** A required map zoom, a whole number 0–22. */
export function readZoomParam(params: URLSearchParams, name = 'zoom'): number {
	const text = params.get(name) ?? '';
	const zoom = /^\d{1,2}$/.test(text) ? Number(text) : Number.NaN;
	if (!(zoom >= 0 && zoom <= 22)) {
		throw InputError.invalid(
			'invalid-zoom',
			{
				vi: 'Tham số zoom phải là một số nguyên từ 0 đến 22',
				en: 'The zoom parameter must be an integer from 0 to 22'
			},
			name
		);
	}
	return zoom;
}

/** An optional day parameter, `YYYY-MM-DD` and a real date; undefined when absent. */
export function readDayParam(params: URLSearchParams, name: string): string | undefined {
	const text = params.get(name);
	if (text === null) return undefined;
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	const day = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
	if (!day || day.toISOString().slice(0, 10) !== text) {
		throw InputError.invalid(
			'invalid-day',
			{ vi: `Ngày không hợp lệ: "${text}" (dạng YYYY-MM-DD)`, en: `Invalid day: "${text}" (YYYY-MM-DD)` },
			name
		);
	}
	return text;
}

/** The optional `page` parameter of a paginated list: a whole number from 1 (default) to 100,000. */
export function readPageParam(params: URLSearchParams, name = 'page'): number {
	const text = params.get(name);
	if (text === null) return 1;
	if (!/^[1-9]\d{0,5}$/.test(text) || Number(text) > 100_000) {
		throw InputError.invalid(
			'invalid-page',
			{
				vi: 'Số trang phải là số nguyên từ 1 đến 100.000',
				en: 'The page must be a whole number from 1 to 100,000'
			},
			name
		);
	}
	return Number(text);
}

/** An optional free-text parameter (a name to filter by): at most `maxLength` characters, no control characters. */
export function readTextParam(params: URLSearchParams, name: string, maxLength: number): string | undefined {
	const text = params.get(name);
	if (text === null) return undefined;
	if (text.length > maxLength || hasControlCharacters(text)) {
		throw InputError.invalid(
			'invalid-text',
			{
				vi: `Tham số ${name} dài quá ${maxLength} ký tự hoặc có ký tự điều khiển`,
				en: `The ${name} parameter is longer than ${maxLength} characters or has control characters`
			},
			name
		);
	}
	return text;
}

/** The parameters of a GET form: an empty field means "not given", as if absent. */
export function givenParams(params: URLSearchParams): URLSearchParams {
	return new URLSearchParams([...params].filter(([, value]) => value !== ''));
}

/** The longest query string a public endpoint reads; a longer one is refused before it is parsed. */
const MAX_QUERY_LENGTH = 2048;

/**
 * A public endpoint's query, read by its one schema: only the `names` it knows, each at most once.
 * An unknown parameter (`constructor`, `__proto__` or a typo) or a repeated one (`month=…&month=…`,
 * which would silently mean its first value) is refused (400) rather than ignored.
 */
export function readStrictParams<const Name extends string>(
	params: URLSearchParams,
	names: readonly Name[]
): Partial<Record<Name, string>> {
	const known = new Set<string>(names);
	const values = new Map<string, string>();
	for (const [name, value] of params) {
		if (!known.has(name)) {
			throw InputError.invalid(
				'unknown-parameter',
				{
					vi: `Tham số không được hỗ trợ: "${name}" (chỉ dùng ${names.join(', ')})`,
					en: `Unsupported parameter: "${name}" (the parameters are ${names.join(', ')})`
				},
				name
			);
		}
		if (values.has(name)) {
			throw InputError.invalid(
				'repeated-parameter',
				{ vi: `Tham số "${name}" chỉ được có một lần`, en: `The parameter "${name}" may appear only once` },
				name
			);
		}
		values.set(name, value);
	}
	return Object.fromEntries(values) as Partial<Record<Name, string>>;
}

/** Refuses (400) a query string longer than {@link MAX_QUERY_LENGTH}. */
export function requireShortQuery(url: URL): void {
	if (url.search.length > MAX_QUERY_LENGTH) {
		throw InputError.invalid('query-too-long', {
			vi: `Chuỗi truy vấn dài quá ${MAX_QUERY_LENGTH} ký tự`,
			en: `The query string is longer than ${MAX_QUERY_LENGTH} characters`
		});
	}
}
