// Test and bench helper: a tile's bytes back into plain objects, with @mapbox/vector-tile (a dev
// dependency: never import this from app code).
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

interface DecodedFeature {
	id: number | undefined;
	/** 1 point, 2 line, 3 polygon. */
	type: number;
	properties: Record<string, string | number | boolean>;
	/** Rings (or lines, or points) in tile units. */
	rings: { x: number; y: number }[][];
	/** [minX, minY, maxX, maxY] in tile units. */
	bbox: [number, number, number, number];
}

export interface DecodedLayer {
	version: number;
	extent: number;
	features: DecodedFeature[];
}

/** Decodes every layer of a tile, features in tile order. */
export function decodeTile(bytes: Uint8Array): Record<string, DecodedLayer> {
	const tile = new VectorTile(new PbfReader(bytes));
	const layers: Record<string, DecodedLayer> = {};
	for (const [name, layer] of Object.entries(tile.layers)) {
		const features: DecodedFeature[] = [];
		for (let index = 0; index < layer.length; index++) {
			const feature = layer.feature(index);
			const rings = feature.loadGeometry().map((ring) => ring.map(({ x, y }) => ({ x, y })));
			const bbox: DecodedFeature['bbox'] = [Infinity, Infinity, -Infinity, -Infinity];
			for (const { x, y } of rings.flat()) {
				bbox[0] = Math.min(bbox[0], x);
				bbox[1] = Math.min(bbox[1], y);
				bbox[2] = Math.max(bbox[2], x);
				bbox[3] = Math.max(bbox[3], y);
			}
			features.push({
				id: feature.id,
				type: feature.type,
				properties: { ...feature.properties },
				rings,
				bbox
			});
		}
		layers[name] = { version: layer.version, extent: layer.extent, features };
	}
	return layers;
}
