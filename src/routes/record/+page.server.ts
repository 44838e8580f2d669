import { signedInUser } from '$lib/server/auth/actor';
import { getAppDatabase } from '$lib/server/db/app-database';
import { fieldTeams, linkedTeamId } from '$lib/server/db/field-activities';
import type { PageServerLoad } from './$types';

/** The field app: the member's teams to choose from (their own when the roster links them to one). */
export const load: PageServerLoad = async ({ locals }) => {
	const user = signedInUser(locals);
	const { db } = await getAppDatabase();
	const linked = user.role === 'team' ? await linkedTeamId(db, user.id) : null;
	const teams = (await fieldTeams(db, user.communeCodes)).filter(
		(team) => linked === null || team.id === linked
	);
	return { teams, userId: user.id };
};
