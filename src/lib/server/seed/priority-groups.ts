import type { ActivityKind } from '../../domain';
import type { HamletProfile } from './hamlet-profiles';
import type { Random } from './random';
import type { DemoActivity } from './types';

/**
 * How likely a person guided by an activity of each kind is aged 60+, relative to the hamlet's share of the
 * elderly among its adults (census age structure): they are at home for door-to-door visits, rarely online.
 */
const ELDERLY_LIKELIHOOD: Record<Exclude<ActivityKind, 'event'>, number> = {
	'door-to-door': 1.15,
	class: 1.1,
	online: 0.3
};

/** Classes on online safety or e-health are the plan's classes for the elderly: most who come are 60+. */
const ELDERLY_CLASS_LIKELIHOOD = 2.6;

/**
 * The people aged 60+ and from ethnic minorities among each activity's people guided, drawn per person from
 * the hamlet's census shares (binomial), so designated minority communes, where most residents are Mường or
 * Dao, show far higher minority counts. Events (festivals, commune gatherings) are counted in total only:
 * their groups stay null, "not recorded", as imports often leave them. A stream of its own, so every
 * other figure of the demo stays as it was.
 */
export function addPriorityGroupCounts(
	activities: readonly DemoActivity[],
	hamlets: readonly HamletProfile[],
	random: Random
): DemoActivity[] {
	const hamletById = new Map(hamlets.map((hamlet) => [hamlet.id, hamlet]));
	return activities.map((activity) => {
		if (activity.kind === 'event') return { ...activity, peopleAged60Plus: null, peopleFromMinorities: null };
		const hamlet = hamletById.get(activity.hamletId);
		if (!hamlet) throw new Error(`Activity ${activity.id}: no hamlet ${activity.hamletId}`);
		const elderlyAmongAdults = hamlet.adults > 0 ? hamlet.elderly / hamlet.adults : 0;
		const forTheElderly =
			activity.kind === 'class' &&
			activity.topics.some((topic) => topic === 'safety' || topic === 'e-health');
		const likelihood = forTheElderly ? ELDERLY_CLASS_LIKELIHOOD : ELDERLY_LIKELIHOOD[activity.kind];
		return {
			...activity,
			peopleAged60Plus: random.binomial(
				activity.peopleGuided,
				Math.min(0.95, elderlyAmongAdults * likelihood)
			),
			peopleFromMinorities: random.binomial(activity.peopleGuided, hamlet.minorityShare)
		};
	});
}
