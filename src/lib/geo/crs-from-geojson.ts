import { InputError } from '../input-error';
import { KNOWN_EPSG_CODES, WGS84, type Crs, type KnownEpsgCode } from './crs';
import { crsFromEpsg } from './crs-from-epsg';

/**
 * The CRS a GeoJSON file declares in its (pre-RFC 7946) `crs` member, e.g. `{"type": "name",
 * "properties": {"name": "urn:ogc:def:crs:EPSG::5897"}}` as GDAL writes it; none means WGS 84 (RFC 7946).
 * An unreadable or unsupported one is refused ('unknown-crs').
 */
export function crsFromGeoJson(crsMember: unknown): Crs {
	if (crsMember === undefined || crsMember === null) return WGS84;
	const name = (crsMember as { properties?: { name?: unknown } }).properties?.name;
	const text = typeof name === 'string' ? name.trim() : JSON.stringify(crsMember).slice(0, 80);
	if (/^urn:ogc:def:crs:OGC:(1\.3:)?CRS84$/i.test(text)) return WGS84;
	const code = /^(?:urn:ogc:def:crs:EPSG:[\d.]*:|EPSG:{1,2})(\d{4,5})$/i.exec(text)?.[1];
	const known = KNOWN_EPSG_CODES.find((epsg) => String(epsg) === code);
	if (known === undefined) {
		throw InputError.invalid(
			'unknown-crs',
			{
				vi: `Hệ tọa độ "${text}" của tệp GeoJSON không được hỗ trợ: hãy dùng WGS 84 (EPSG:4326) hoặc VN-2000 (EPSG:5897, EPSG:3405)`,
				en: `The GeoJSON's coordinate system "${text}" is not supported: use WGS 84 (EPSG:4326) or VN-2000 (EPSG:5897, EPSG:3405)`
			},
			'crs'
		);
	}
	return crsFromEpsg(known satisfies KnownEpsgCode);
}
