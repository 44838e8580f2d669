// Finding a hamlet (or a team) of a commune by the name a spreadsheet gives it: ignoring case, tone and
// vowel marks, and, when that finds nothing, the kind word before it ('Thôn 3' is '3', 'TDP số 5' is
// 'Tổ dân phố 5'). An unknown or ambiguous name comes back with the closest names, for the message.
import { foldVietnamese } from '$lib/text';

export interface Named {
	id: number;
	communeCode: string;
	name: string;
}

export type NameMatch<T extends Named> =
	{ kind: 'found'; item: T } | { kind: 'ambiguous'; candidates: T[] } | { kind: 'unknown'; closest: T[] };

/** The kind words of hamlets and teams, folded, that a name may carry or leave out. */
const KIND_WORDS =
	/^(to chuyen doi so( cong dong)?|to dan pho|to cds|khu pho|thon|xom|lang|ban|kp|tdp|khu|to)\b\s*(so\b\s*)?/;

function folded(name: string): string {
	return foldVietnamese(name.normalize('NFC'))
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

function bare(name: string): string {
	return folded(name).replace(KIND_WORDS, '').trim();
}

/** Levenshtein distance, for the closest names of an unknown one. */
export function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(
				previous[j]! + 1,
				current[j - 1]! + 1,
				previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
			);
		}
		previous = current;
	}
	return previous[b.length]!;
}

/** Names of each commune, indexed by their folded and their bare form. */
export class NameIndex<T extends Named> {
	private readonly byCommune = new Map<string, T[]>();
	private readonly exact = new Map<string, T[]>();
	private readonly loose = new Map<string, T[]>();

	constructor(items: readonly T[]) {
		for (const item of items) {
			push(this.byCommune, item.communeCode, item);
			push(this.exact, `${item.communeCode}|${folded(item.name)}`, item);
			push(this.loose, `${item.communeCode}|${bare(item.name)}`, item);
		}
	}

	/** The commune's item named `name`, or why not with the closest names (at most 3). */
	find(communeCode: string, name: string): NameMatch<T> {
		for (const [index, key] of [
			[this.exact, folded(name)],
			[this.loose, bare(name)]
		] as const) {
			const found = index.get(`${communeCode}|${key}`) ?? [];
			if (found.length === 1) return { kind: 'found', item: found[0]! };
			if (found.length > 1) return { kind: 'ambiguous', candidates: found };
		}
		const target = folded(name);
		const closest = [...(this.byCommune.get(communeCode) ?? [])]
			.map((item) => ({ item, distance: editDistance(target, folded(item.name)) }))
			.sort((a, b) => a.distance - b.distance || a.item.id - b.item.id)
			.slice(0, 3)
			.map(({ item }) => item);
		return { kind: 'unknown', closest };
	}
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/** 'Thôn Đông (4012), Thôn Tây (4013)': candidates as a message lists them. */
export function listNames(items: readonly Named[]): string {
	return items.map((item) => `${item.name} (${item.id})`).join(', ');
}
