import { redirect } from '@sveltejs/kit';
import { IMPORT_KINDS } from '$lib/domain';
import { localized } from '$lib/i18n';
import { InputError } from '$lib/input-error';
import { localizeHref } from '$lib/paraglide/runtime';
import { signedInUser } from '$lib/server/auth/actor';
import { getAppDatabase } from '$lib/server/db/app-database';
import { listCommunes } from '$lib/server/db/communes';
import { commitImport, importCommunes, jobView, ownJob, startImport } from '$lib/server/import/import-jobs';
import {
	importActor,
	readImportCommune,
	readImportKind,
	readUploadedFile
} from '$lib/server/import/import-request';
import { IMPORT_LIMITS } from '$lib/server/import/read-table';
import { failInput, withErrorPage } from '$lib/server/input-error-http';
import { writeContext } from '$lib/server/write-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) =>
	withErrorPage(async () => {
		const user = signedInUser(locals);
		const handle = await getAppDatabase();
		const allowed = importCommunes(user);
		const communes = (await listCommunes(handle.db)).filter(
			(commune) => allowed === 'all' || allowed.includes(commune.code)
		);
		const jobId = url.searchParams.get('job');
		const job = jobId === null ? null : jobView(await ownJob(handle, importActor(user), jobId));
		return {
			communes: communes.map(({ code, name }) => ({ code, name })),
			allCommunes: allowed === 'all',
			kinds: IMPORT_KINDS,
			limits: { fileBytes: IMPORT_LIMITS.fileBytes, rows: IMPORT_LIMITS.rows },
			job
		};
	});

export const actions: Actions = {
	/** Stores the file and starts its dry run; the page then follows the job. */
	upload: async (event) => {
		const user = signedInUser(event.locals);
		const form = await event.request.formData();
		let jobId: string;
		try {
			const kind = readImportKind(form.get('kind') as string | null);
			const communeCode = readImportCommune(form.get('commune') as string | null, user);
			const { fileName, bytes } = await readUploadedFile(form);
			jobId = await startImport(await getAppDatabase(), importActor(user), {
				kind,
				communeCode,
				fileName,
				bytes
			});
		} catch (thrown) {
			if (thrown instanceof InputError) return failInput(thrown, { uploadError: localized(thrown.label) });
			throw thrown;
		}
		redirect(303, localizeHref(`/import?job=${jobId}`));
	},

	/** Commits a dry-run job with no errors (in the background; the page follows it). */
	commit: async (event) => {
		const user = signedInUser(event.locals);
		const form = await event.request.formData();
		const jobId = String(form.get('job') ?? '');
		try {
			await commitImport(await getAppDatabase(), importActor(user), jobId, writeContext(event));
		} catch (thrown) {
			if (thrown instanceof InputError) return failInput(thrown, { commitError: localized(thrown.label) });
			throw thrown;
		}
		redirect(303, localizeHref(`/import?job=${jobId}`));
	}
};
