import { signedInUser } from '$lib/server/auth/actor';
import { getAppDatabase } from '$lib/server/db/app-database';
import { fieldHamlets, fieldTeams, linkedTeamId } from '$lib/server/db/field-activities';
import type { PageServerLoad } from './$types';

/**
 * The field app: the member's teams to choose from (their own when the roster links them to one), and
 * the hamlets of their communes with boundaries, in the page itself: on a slow network a second request
 * would cost another round trip before the form can be used.
 */
export const load: PageServerLoad = async ({ locals }) => {
	const user = signedInUser(locals);
	const { db } = await getAppDatabase();
	const linked = user.role === 'team' ? await linkedTeamId(db, user.id) : null;
	const teams = (await fieldTeams(db, user.communeCodes)).filter(
		(team) => linked === null || team.id === linked
	);
	return { teams, hamlets: await fieldHamlets(db, user.communeCodes), userId: user.id };
};
