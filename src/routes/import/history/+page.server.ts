import { redirect } from '@sveltejs/kit';
import { localized } from '$lib/i18n';
import { InputError } from '$lib/input-error';
import { localizeHref } from '$lib/paraglide/runtime';
import { signedInUser } from '$lib/server/auth/actor';
import { getAppDatabase } from '$lib/server/db/app-database';
import { listImports, withdrawImport } from '$lib/server/db/imports';
import { importCommunes } from '$lib/server/import/import-jobs';
import { importActor } from '$lib/server/import/import-request';
import { failInput } from '$lib/server/input-error-http';
import { writeContext } from '$lib/server/write-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = signedInUser(locals);
	const { db } = await getAppDatabase();
	return {
		imports: await listImports(db, importCommunes(user)),
		withdrawn: url.searchParams.get('withdrawn')
	};
};

export const actions: Actions = {
	/** Withdraws an import: its rows removed, what it replaced put back (audited). */
	withdraw: async (event) => {
		const user = signedInUser(event.locals);
		const form = await event.request.formData();
		const datasetId = String(form.get('dataset') ?? '');
		try {
			const { db } = await getAppDatabase();
			await withdrawImport(db, importActor(user), datasetId, importCommunes(user), writeContext(event));
		} catch (thrown) {
			if (thrown instanceof InputError) return failInput(thrown, { withdrawError: localized(thrown.label) });
			throw thrown;
		}
		redirect(303, localizeHref(`/import/history?withdrawn=${encodeURIComponent(datasetId)}`));
	}
};
