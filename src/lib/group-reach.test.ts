import { describe, expect, it } from 'vitest';
import { groupCountText, groupReach, type GroupCountRow } from './group-reach';

const row = (overrides: Partial<GroupCountRow>): GroupCountRow => ({
	kind: 'door-to-door',
	activities: 0,
	peopleAged60Plus: 0,
	agedUnrecorded: 0,
	agedUnrecordedPeopleGuided: 0,
	peopleFromMinorities: 0,
	minoritiesUnrecorded: 0,
	minoritiesUnrecordedPeopleGuided: 0,
	...overrides
});

describe('groupReach', () => {
	const rows = [
		row({ kind: 'door-to-door', activities: 10, peopleAged60Plus: 12, peopleFromMinorities: 3 }),
		row({ kind: 'class', activities: 4, peopleAged60Plus: 40, peopleFromMinorities: 1 }),
		row({ kind: 'door-to-door', activities: 2, peopleAged60Plus: 5 }),
		row({
			kind: 'event',
			activities: 3,
			agedUnrecorded: 3,
			agedUnrecordedPeopleGuided: 90,
			minoritiesUnrecorded: 2,
			minoritiesUnrecordedPeopleGuided: 50
		})
	];

	it('sums the 60+ by kind, classes apart from visits, and keeps the unrecorded apart', () => {
		expect(groupReach(rows, 'aged')).toEqual({
			total: 57,
			byKind: { 'door-to-door': 17, class: 40, event: 0, online: 0 },
			activities: 19,
			unrecordedActivities: 3,
			unrecordedPeopleGuided: 90
		});
	});

	it('reads the minority counts from their own columns', () => {
		const reach = groupReach(rows, 'minorities');
		expect(reach.total).toBe(4);
		expect(reach.byKind.class).toBe(1);
		expect(reach.unrecordedActivities).toBe(2);
		expect(reach.unrecordedPeopleGuided).toBe(50);
	});

	it('is zero, with nothing unrecorded, without activities', () => {
		expect(groupReach([], 'aged')).toEqual({
			total: 0,
			byKind: { 'door-to-door': 0, class: 0, event: 0, online: 0 },
			activities: 0,
			unrecordedActivities: 0,
			unrecordedPeopleGuided: 0
		});
	});
});

describe('groupCountText', () => {
	it('is the count alone when every activity recorded the group', () => {
		expect(groupCountText(1234, 0)).toBe('1.234');
	});

	it('says how many activities did not record it, never folding them into the count', () => {
		expect(groupCountText(57, 3)).toBe('57 (chưa ghi ở 3 hoạt động)');
	});
});
