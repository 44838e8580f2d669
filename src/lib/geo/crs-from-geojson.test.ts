import { describe, expect, it } from 'vitest';
import { crsFromGeoJson } from './crs-from-geojson';

/** Matches an InputError by its English message (its `message` is Vietnamese). */
const english = (pattern: RegExp) => expect.objectContaining({ messageEn: expect.stringMatching(pattern) });

describe('crsFromGeoJson', () => {
	it('no crs member is WGS 84 (RFC 7946), and so is CRS84', () => {
		expect(crsFromGeoJson(undefined).kind).toBe('wgs84');
		expect(crsFromGeoJson({ type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } }).kind).toBe(
			'wgs84'
		);
	});

	it('reads EPSG codes as GDAL and QGIS write them', () => {
		for (const name of ['urn:ogc:def:crs:EPSG::5897', 'EPSG:5897', 'urn:ogc:def:crs:EPSG:9.1:5897']) {
			expect(crsFromGeoJson({ type: 'name', properties: { name } }).name).toContain('EPSG:5897');
		}
		expect(crsFromGeoJson({ type: 'name', properties: { name: 'EPSG:3405' } }).name).toContain(
			'UTM zone 48N'
		);
	});

	it('refuses an unknown code or shape as unknown-crs', () => {
		expect(() => crsFromGeoJson({ type: 'name', properties: { name: 'EPSG:9210' } })).toThrow(
			english(/not supported/)
		);
		expect(() => crsFromGeoJson({ type: 'link', properties: { href: 'http://x' } })).toThrow(
			english(/not supported/)
		);
	});
});
