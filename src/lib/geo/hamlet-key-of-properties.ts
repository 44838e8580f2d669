import { foldVietnamese } from '../text';

/** Attribute names (folded, letters and digits only) that hold a hamlet's id or name, in order of preference. */
const ID_KEYS = ['id', 'hamletid', 'mathon', 'matdp', 'mato', 'ma'];
const NAME_KEYS = ['name', 'ten', 'tenthon', 'tentdp', 'tento', 'hamletname', 'hamlet', 'thon'];

function foldKey(key: string): string {
	return foldVietnamese(key).replace(/[^a-z0-9]/g, '');
}

/**
 * The hamlet id and name of a feature's attributes, whatever the file calls them ('id', 'MA_THON',
 * 'Tên thôn', 'TEN'…); the name NFC-normalised and trimmed (a CP1258 .dbf decodes to NFD). An id is a
 * positive whole number (or digits in text); anything else is no id.
 */
export function hamletKeyOfProperties(properties: unknown): { id: number | null; name: string | null } {
	if (!properties || typeof properties !== 'object') return { id: null, name: null };
	const byKey = new Map<string, unknown>();
	for (const [key, value] of Object.entries(properties)) {
		const folded = foldKey(key);
		if (!byKey.has(folded)) byKey.set(folded, value);
	}
	const idValue = ID_KEYS.map((key) => byKey.get(key)).find(
		(value) => value !== undefined && value !== null && value !== ''
	);
	const nameValue = NAME_KEYS.map((key) => byKey.get(key)).find(
		(value) => typeof value === 'string' && value.trim() !== ''
	);
	const idText =
		typeof idValue === 'number' ? String(idValue) : typeof idValue === 'string' ? idValue.trim() : '';
	const id = /^[0-9]{1,9}$/.test(idText) && Number(idText) > 0 ? Number(idText) : null;
	const name = typeof nameValue === 'string' ? nameValue.normalize('NFC').trim() : null;
	return { id, name };
}
