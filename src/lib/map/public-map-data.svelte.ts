// The public map's month data for a page: fetched from its versioned URL whenever the URL changes;
// the previous month stays shown until the next one has arrived, so a switch never blanks the map.
import { fetchPublicMapData, type PublicMapData } from '$lib/public-map';

export class PublicMapDataLoader {
	current = $state.raw<PublicMapData | null>(null);
	failed = $state(false);

	/** Call during a component's initialisation: it follows `url()` for the component's life. */
	constructor(url: () => string | null) {
		$effect(() => {
			const wanted = url();
			if (wanted === null) {
				this.current = null;
				return;
			}
			let cancelled = false;
			fetchPublicMapData(wanted).then(
				(data) => {
					if (cancelled) return;
					this.current = data;
					this.failed = false;
				},
				() => {
					if (!cancelled) this.failed = true;
				}
			);
			return () => {
				cancelled = true;
			};
		});
	}
}
