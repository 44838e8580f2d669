import { describe, expect, it } from 'vitest';
import { NameIndex, editDistance } from './name-matching';

const HAMLETS = [
	{ id: 1, communeCode: '09700', name: 'Thôn Đông Cao' },
	{ id: 2, communeCode: '09700', name: 'Thôn Tây Cao' },
	{ id: 3, communeCode: '09700', name: 'Thôn 5' },
	{ id: 4, communeCode: '00004', name: 'Tổ dân phố số 5' },
	{ id: 5, communeCode: '00004', name: 'Tổ dân phố 7' },
	{ id: 6, communeCode: '00004', name: 'Tổ dân phố 7' }
];
const index = new NameIndex(HAMLETS);

describe('matching hamlets by name', () => {
	it('ignores case, tone and vowel marks, and spacing', () => {
		expect(index.find('09700', 'thon dong cao')).toMatchObject({ kind: 'found', item: { id: 1 } });
		expect(index.find('09700', '  THÔN   ĐÔNG CAO ')).toMatchObject({ kind: 'found', item: { id: 1 } });
		expect(index.find('09700', 'Thôn Đông Cao'.normalize('NFD'))).toMatchObject({
			kind: 'found',
			item: { id: 1 }
		});
	});

	it('finds a name written without, or with another, kind word', () => {
		expect(index.find('09700', '5')).toMatchObject({ kind: 'found', item: { id: 3 } });
		expect(index.find('00004', 'TDP 5')).toMatchObject({ kind: 'found', item: { id: 4 } });
		expect(index.find('00004', 'tổ 5')).toMatchObject({ kind: 'found', item: { id: 4 } });
	});

	it('matches within the commune only', () => {
		expect(index.find('00004', 'Thôn Đông Cao').kind).toBe('unknown');
	});

	it('calls a name two hamlets share ambiguous, with both', () => {
		const match = index.find('00004', 'to dan pho 7');
		expect(match.kind).toBe('ambiguous');
		expect(match.kind === 'ambiguous' && match.candidates.map((item) => item.id)).toEqual([5, 6]);
	});

	it('answers an unknown name with the closest names first', () => {
		const match = index.find('09700', 'Thôn Đông Cau');
		expect(match.kind).toBe('unknown');
		expect(match.kind === 'unknown' && match.closest.map((item) => item.id)).toEqual([1, 2, 3]);
	});

	it('measures edit distance', () => {
		expect(editDistance('kitten', 'sitting')).toBe(3);
		expect(editDistance('', 'abc')).toBe(3);
		expect(editDistance('thon', 'thon')).toBe(0);
	});
});
