import { buildActivities } from './activities';
import { buildHamletProfiles } from './hamlet-profiles';
import { addPriorityGroupCounts } from './priority-groups';
import { buildRosters } from './rosters';
import { Random } from './random';
import { buildSurveys } from './surveys';
import { buildTeams } from './teams';
import type { DemoData, DemoDataInput, DemoDataOptions } from './types';

export type { DemoData, DemoDataInput, DemoDataOptions } from './types';

/** Default options of `generateDemoData`. */
export const DEMO_DATA_DEFAULTS = {
	seed: 'go-tung-nha-2026', // same seed ⇒ byte-identical output
	activityCount: 100_000 // outreach activities in total
} as const;

/**
 * The whole demo dataset (Dữ liệu minh họa) for the given communes and hamlets: demographics per
 * hamlet, teams, monthly skill surveys and outreach activities. Pure and deterministic: no I/O, and
 * the same input and seed give byte-identical JSON. Each part draws from its own seeded stream, so
 * changing `activityCount` leaves hamlets, teams and surveys as they were.
 */
export function generateDemoData(input: DemoDataInput, options: DemoDataOptions = {}): DemoData {
	const seed = options.seed ?? DEMO_DATA_DEFAULTS.seed;
	const activityCount = options.activityCount ?? DEMO_DATA_DEFAULTS.activityCount;
	if (!Number.isInteger(activityCount) || activityCount < 0) {
		throw new Error(`activityCount must be a non-negative integer, got ${activityCount}`);
	}

	const profiles = buildHamletProfiles(input, new Random(`${seed}/hamlets`));
	const minorityCommuneCodes = new Set(
		input.minorityAreas.filter((area) => area.level === 'commune').map((area) => area.communeCode)
	);
	const teamPlan = buildTeams(input.communes, profiles, new Random(`${seed}/teams`), minorityCommuneCodes);
	const surveys = buildSurveys(profiles, new Random(`${seed}/surveys`));
	const { activities, overCoveredHamletIds } = buildActivities(
		profiles,
		teamPlan,
		activityCount,
		new Random(`${seed}/activities`)
	);

	return {
		hamlets: profiles.map((profile) => ({
			id: profile.id,
			households: profile.households,
			adults: profile.adults,
			elderly: profile.elderly,
			minorityShare: profile.minorityShare,
			isRural: profile.isRural
		})),
		teams: teamPlan.teams,
		teamMembers: buildRosters(teamPlan.teams, new Random(`${seed}/rosters`), minorityCommuneCodes),
		surveys,
		activities: addPriorityGroupCounts(activities, profiles, new Random(`${seed}/priority-groups`)),
		overCoveredHamletIds,
		minorityAreaHamletIds: profiles.filter((profile) => profile.inMinorityArea).map((profile) => profile.id)
	};
}
