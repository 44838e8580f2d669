import { describe, expect, it } from 'vitest';
import { readViewState, viewParams, withParams } from './view-state';

describe('the map page’s URL state', () => {
	it('reads the metric and classification, falling back to the defaults on anything unknown', () => {
		expect(
			readViewState(new URL('http://x/?metric=skills&classes=ckmeans&only=minority,rural,bogus'))
		).toEqual({
			metric: 'skills',
			classes: 'ckmeans',
			only: ['rural', 'minority'],
			activities: 'on'
		});
		expect(readViewState(new URL('http://x/?metric=gap&activities=off'))).toMatchObject({
			metric: 'gap',
			classes: 'targets',
			activities: 'off'
		});
		expect(readViewState(new URL('http://x/?metric=%3Cscript%3E&classes=jenks&activities=maybe'))).toEqual({
			metric: 'coverage',
			classes: 'targets',
			only: [],
			activities: 'on'
		});
	});

	it('changes parameters, drops defaults and removed ones, and keeps the camera hash', () => {
		const url = new URL('http://x/?metric=skills&hamlet=4001#map=12/21.03/105.85');
		expect(
			withParams(url, { metric: 'coverage', month: '2026-06', hamlet: null, only: '', activities: 'on' }).href
		).toBe('http://x/?month=2026-06#map=12/21.03/105.85');
	});

	it('writes a change from the controls as parameters, the filters as one list', () => {
		expect(viewParams({ metric: 'gap', month: '2026-06' })).toEqual({ metric: 'gap', month: '2026-06' });
		expect(viewParams({ only: ['rural', 'largest'] })).toEqual({ only: 'rural,largest' });
		const url = new URL('http://x/?only=rural&activities=off');
		expect(withParams(url, viewParams({ only: [], activities: 'on' })).href).toBe('http://x/');
	});
});
