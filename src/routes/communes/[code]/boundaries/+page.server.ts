import {
	BOUNDARY_UPLOAD_LIMITS,
	COMMUNE_TOLERANCE_DEGREES,
	OVERLAP_REFUSED_SHARE
} from '$lib/boundary-upload';
import { InputError } from '$lib/input-error';
import { readCommuneCode, unknownCommuneError } from '$lib/params';
import { actorOf, signedInUser } from '$lib/server/auth/actor';
import { commitBoundaryUpload, previewBoundaryUpload } from '$lib/server/boundaries/boundary-upload';
import { getAppDatabase } from '$lib/server/db/app-database';
import { findCommune } from '$lib/server/db/communes';
import { communeBoundaryLayers } from '$lib/server/db/hamlet-boundaries';
import {
	boundaryUploadHistory,
	restoreRetiredHamlet,
	retiredHamlets,
	undoBoundaryUpload
} from '$lib/server/db/boundary-history';
import { failInput, withErrorPage } from '$lib/server/input-error-http';
import { currentTileVersion } from '$lib/server/tiles/tile-response';
import { writeContext } from '$lib/server/write-context';
import type { Actions, PageServerLoad } from './$types';
import { readBoundaryForm, readHistoryId } from './boundary-form';

export const load: PageServerLoad = ({ params }) =>
	withErrorPage(async () => {
		const { db } = await getAppDatabase();
		const commune = await findCommune(db, readCommuneCode(params.code, 'code'));
		if (!commune) throw unknownCommuneError(params.code, 'code');
		const layers = (await communeBoundaryLayers(db, commune.code))!;
		return {
			commune,
			layers,
			history: await boundaryUploadHistory(db, commune.code),
			retired: await retiredHamlets(db, commune.code),
			tileVersion: await currentTileVersion(db),
			limits: BOUNDARY_UPLOAD_LIMITS,
			// Degrees of longitude at Hanoi's latitude (21°N), to the nearest 10 m: about 50 m.
			toleranceMetres:
				Math.round((COMMUNE_TOLERANCE_DEGREES * 111_320 * Math.cos((21 * Math.PI) / 180)) / 10) * 10,
			overlapRefusedShare: OVERLAP_REFUSED_SHARE
		};
	});

/** A refused upload: every problem, in both languages (the page shows its own). */
function refusal(thrown: unknown) {
	if (!(thrown instanceof InputError)) throw thrown;
	return failInput(thrown, {
		refused: {
			code: thrown.code,
			issues: thrown.issues.map(({ path, code, vi, en }) => ({ path, code, vi, en }))
		}
	});
}

export const actions: Actions = {
	/** Reads, matches and checks the file with the mapping so far; writes nothing. */
	preview: async ({ params, request }) => {
		const { db } = await getAppDatabase();
		try {
			const form = readBoundaryForm(await request.formData());
			const bytes = new Uint8Array(await form.file.arrayBuffer());
			const preview = await previewBoundaryUpload(db, params.code, { bytes, name: form.file.name }, form);
			return { preview, targets: Object.fromEntries(form.targets), retire: form.retire };
		} catch (thrown) {
			return refusal(thrown);
		}
	},

	/** Reads and checks the file again, then commits it with the mapping, all or nothing. */
	commit: async (event) => {
		const { params, request } = event;
		const { db } = await getAppDatabase();
		// The guard (permissions.ts) let only the commune's staff and the admin get here.
		const actor = actorOf(signedInUser(event.locals));
		try {
			const form = readBoundaryForm(await request.formData());
			const bytes = new Uint8Array(await form.file.arrayBuffer());
			const committed = await commitBoundaryUpload(
				db,
				actor,
				params.code,
				{ bytes, name: form.file.name },
				form,
				{
					context: writeContext(event)
				}
			);
			return { committed };
		} catch (thrown) {
			return refusal(thrown);
		}
	},

	/** Undoes the commune's latest upload: former boundaries back, retired hamlets current, new ones gone. */
	undo: async (event) => {
		const { db } = await getAppDatabase();
		const actor = actorOf(signedInUser(event.locals));
		try {
			const uploadId = readHistoryId(await event.request.formData(), 'upload');
			const code = readCommuneCode(event.params.code, 'code');
			const undone = await undoBoundaryUpload(db, actor, code, uploadId, { context: writeContext(event) });
			return { undone };
		} catch (thrown) {
			return refusal(thrown);
		}
	},

	/** Brings one retired hamlet back. */
	restore: async (event) => {
		const { db } = await getAppDatabase();
		const actor = actorOf(signedInUser(event.locals));
		try {
			const hamletId = readHistoryId(await event.request.formData(), 'hamlet');
			const code = readCommuneCode(event.params.code, 'code');
			const restored = await restoreRetiredHamlet(db, actor, code, hamletId, {
				context: writeContext(event)
			});
			return { restored };
		} catch (thrown) {
			return refusal(thrown);
		}
	}
};
