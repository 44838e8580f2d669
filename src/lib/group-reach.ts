// The plan's priority groups among the people guided (aged 60+, from ethnic minorities), summed from the
// activities that recorded them; the activities that did not are counted apart, so a page says "chưa ghi"
// (not recorded) instead of counting them as nobody.
import { ACTIVITY_KINDS, type ActivityKind } from './domain';
import { formatCount } from './format';
import { m } from './paraglide/messages';

/** A priority group as activities record it. */
export type PriorityGroup = 'aged' | 'minorities';

/** Activities of one kind (any scope and months), with the groups' sums and what was not recorded. */
export interface GroupCountRow {
	kind: ActivityKind;
	activities: number;
	peopleAged60Plus: number;
	agedUnrecorded: number;
	agedUnrecordedPeopleGuided: number;
	peopleFromMinorities: number;
	minoritiesUnrecorded: number;
	minoritiesUnrecordedPeopleGuided: number;
}

/** A group among the people guided: by activity kind (classes against visits…), and what is unknown. */
export interface GroupReach {
	/** People of the group guided, over the activities that recorded it (a person guided twice counts twice). */
	total: number;
	byKind: Record<ActivityKind, number>;
	activities: number;
	/** Activities without the group's count ("chưa ghi"), and the people they guided. */
	unrecordedActivities: number;
	unrecordedPeopleGuided: number;
}

const FIELDS = {
	aged: ['peopleAged60Plus', 'agedUnrecorded', 'agedUnrecordedPeopleGuided'],
	minorities: ['peopleFromMinorities', 'minoritiesUnrecorded', 'minoritiesUnrecordedPeopleGuided']
} as const satisfies Record<PriorityGroup, readonly (keyof GroupCountRow)[]>;

/** Sums `group` over `rows`. */
export function groupReach(rows: Iterable<GroupCountRow>, group: PriorityGroup): GroupReach {
	const [people, unrecorded, unrecordedPeople] = FIELDS[group];
	const reach: GroupReach = {
		total: 0,
		byKind: Object.fromEntries(ACTIVITY_KINDS.map((kind) => [kind, 0])) as Record<ActivityKind, number>,
		activities: 0,
		unrecordedActivities: 0,
		unrecordedPeopleGuided: 0
	};
	for (const row of rows) {
		reach.total += row[people];
		reach.byKind[row.kind] += row[people];
		reach.activities += row.activities;
		reach.unrecordedActivities += row[unrecorded];
		reach.unrecordedPeopleGuided += row[unrecordedPeople];
	}
	return reach;
}

/** A group's count as a sentence shows it: with "(chưa ghi ở N hoạt động)" when some activities left it out. */
export function groupCountText(count: number, unrecordedActivities: number): string {
	if (unrecordedActivities === 0) return formatCount(count);
	return m.group_count_with_unrecorded({
		count: formatCount(count),
		activities: formatCount(unrecordedActivities)
	});
}
