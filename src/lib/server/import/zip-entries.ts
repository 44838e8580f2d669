// An .xlsx is a zip: before any of it is inflated, its central directory must be whole and declare sizes
// that a spreadsheet can have, so that a truncated file or a zip bomb is refused without reading it.
import { InputError } from '$lib/input-error';

/** The most an .xlsx may inflate to in all (100,000 rows × 14 columns is about 60 MB of XML). */
const MAX_INFLATED_BYTES = 300 * 1024 * 1024;
/** XML compresses well, but not a thousand to one: beyond that it is a zip bomb. */
const MAX_RATIO = 1000;
const MAX_ENTRIES = 10_000;

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

const BROKEN = {
	vi: 'Tệp Excel (.xlsx) bị hỏng hoặc tải lên chưa hết (không đọc được mục lục của tệp nén)',
	en: 'The Excel file (.xlsx) is damaged or incomplete (its zip directory cannot be read)'
};

/** Checks the zip's directory; throws an InputError for a broken zip, zip64, or sizes of a zip bomb. */
export function checkZipEntries(bytes: Uint8Array): void {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	// The end-of-directory record is in the last 22 + 65,535 bytes (its comment is at most that long).
	let end = -1;
	for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
		if (view.getUint32(at, true) === END_OF_DIRECTORY) {
			end = at;
			break;
		}
	}
	if (end < 0) throw InputError.invalid('broken-xlsx', BROKEN);
	const entries = view.getUint16(end + 10, true);
	const directorySize = view.getUint32(end + 12, true);
	const directoryOffset = view.getUint32(end + 16, true);
	if (entries === 0xffff || directoryOffset === 0xffffffff) {
		throw InputError.invalid('zip-bomb', {
			vi: 'Tệp nén quá lớn (zip64): một bảng tính không cần đến vậy',
			en: 'The zip is too large (zip64): no spreadsheet needs that'
		});
	}
	if (entries === 0 || entries > MAX_ENTRIES || directoryOffset + directorySize > end) {
		throw InputError.invalid('broken-xlsx', BROKEN);
	}
	let at = directoryOffset;
	let inflated = 0;
	for (let index = 0; index < entries; index++) {
		if (at + 46 > end || view.getUint32(at, true) !== DIRECTORY_ENTRY) {
			throw InputError.invalid('broken-xlsx', BROKEN);
		}
		const compressed = view.getUint32(at + 20, true);
		const size = view.getUint32(at + 24, true);
		const nameLength = view.getUint16(at + 28, true);
		const extraLength = view.getUint16(at + 30, true);
		const commentLength = view.getUint16(at + 32, true);
		const localHeader = view.getUint32(at + 42, true);
		if (localHeader + 30 + compressed > bytes.length) throw InputError.invalid('broken-xlsx', BROKEN);
		inflated += size;
		if (size > Math.max(compressed, 1024) * MAX_RATIO || inflated > MAX_INFLATED_BYTES) {
			throw InputError.invalid('zip-bomb', {
				vi: `Tệp nén giải ra quá lớn (hơn ${MAX_INFLATED_BYTES / 1024 / 1024} MB hoặc nén quá ${MAX_RATIO} lần): bị từ chối`,
				en: `The zip would inflate too much (over ${MAX_INFLATED_BYTES / 1024 / 1024} MB, or compressed more than ${MAX_RATIO} to 1): refused`
			});
		}
		at += 46 + nameLength + extraLength + commentLength;
	}
}
