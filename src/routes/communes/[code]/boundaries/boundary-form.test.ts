import { describe, expect, it } from 'vitest';
import { InputError } from '$lib/input-error';
import { readBoundaryForm } from './boundary-form';

function form(entries: Record<string, string | File>): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(entries)) data.append(name, value);
	return data;
}
const file = new File(['{}'], 'a.geojson');

describe('readBoundaryForm', () => {
	it('reads the file, the CRS, the repair switch and the targets', () => {
		const read = readBoundaryForm(
			form({ file, crs: '5897', repair: 'on', 'target.0': '9700015', 'target.1': 'new', 'target.2': '' })
		);
		expect(read.crs).toBe('5897');
		expect(read.repair).toBe(true);
		expect(read.retire).toEqual([]);
		expect([...read.targets]).toEqual([
			[0, { kind: 'hamlet', hamletId: 9700015 }],
			[1, { kind: 'new' }]
		]);
	});

	it('reads the hamlets to retire once each, and refuses a bad one', () => {
		const data = form({ file });
		for (const id of ['9700010', '9700010', '9700011']) data.append('retire', id);
		expect(readBoundaryForm(data).retire).toEqual([9700010, 9700011]);
		data.append('retire', '1e3');
		expect(() => readBoundaryForm(data)).toThrow(InputError);
	});

	it('refuses no file, an unknown CRS and bad targets, all at once', () => {
		let error: unknown;
		try {
			readBoundaryForm(form({ crs: 'EPSG:9999', 'target.0': '0x1', 'target.x': '3', 'target.1': '-2' }));
		} catch (thrown) {
			error = thrown;
		}
		expect(error).toBeInstanceOf(InputError);
		expect((error as InputError).issues.map((issue) => issue.path)).toEqual([
			'file',
			'crs',
			'target.0',
			'target.x',
			'target.1'
		]);
	});
});
