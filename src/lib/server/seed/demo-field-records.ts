// The demo team account's own field records over the past weeks, so that its history (/record/history)
// shows entries of every age on a fresh demo: two it may still correct (recorded less than 7 days ago)
// and older ones only the commune's staff may change. Dated back from the day the account is created.
import { ACTIVITY_FIRST_DAY, hanoiToday } from '../../activity-input';
import type { ActivityKind, OutreachTopic } from '../../domain';
import {
	fieldTeams,
	hamletChoices,
	loadDemoFieldRecords,
	type DemoFieldRecord
} from '../db/field-activities';
import type { Database } from '../db/index';
import type { Actor } from '../db/write';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Recorded in the late afternoon in Hanoi (10:30 UTC), after the visits, as a member would. */
const RECORDED_AT_UTC = 'T10:30:00Z';

/** One entry per row: how many days before today, and what the member recorded. */
const ENTRIES: readonly {
	daysAgo: number;
	kind: ActivityKind;
	counts: [
		householdsNew: number,
		householdsRevisited: number,
		people: number,
		aged: number,
		minorities: number
	];
	topics: OutreachTopic[];
	note: string;
}[] = [
	{
		daysAgo: 2,
		kind: 'door-to-door',
		counts: [4, 1, 7, 3, 0],
		topics: ['vneid'],
		note: 'Cài VNeID mức 2'
	},
	{
		daysAgo: 5,
		kind: 'class',
		counts: [0, 6, 18, 9, 2],
		topics: ['public-services', 'payment'],
		note: 'Lớp tại nhà văn hóa thôn'
	},
	{
		daysAgo: 9,
		kind: 'door-to-door',
		counts: [3, 2, 6, 2, 0],
		topics: ['safety'],
		note: 'Nhận biết lừa đảo qua mạng'
	},
	{
		daysAgo: 13,
		kind: 'event',
		counts: [0, 0, 35, 12, 4],
		topics: ['e-health', 'vneid'],
		note: 'Ngày hội CĐS'
	},
	{
		daysAgo: 18,
		kind: 'door-to-door',
		counts: [5, 0, 9, 4, 1],
		topics: ['payment'],
		note: 'Thanh toán không tiền mặt'
	},
	{ daysAgo: 24, kind: 'online', counts: [0, 3, 11, 2, 0], topics: ['ai'], note: 'Hỏi đáp qua Zalo' }
];

/**
 * The entries for `now`: in the commune's hamlets in turn, for its first team (the one /record offers
 * first), none before the programme's first day.
 */
export function demoFieldRecords(
	now: Date,
	userId: string,
	hamletIds: readonly number[],
	teamId: number
): DemoFieldRecord[] {
	if (hamletIds.length === 0) return [];
	const today = Date.parse(`${hanoiToday(now)}T00:00:00Z`);
	return ENTRIES.flatMap((entry, index) => {
		const occurredOn = new Date(today - entry.daysAgo * DAY_MS).toISOString().slice(0, 10);
		if (occurredOn < ACTIVITY_FIRST_DAY) return [];
		const [householdsNew, householdsRevisited, peopleGuided, peopleAged60Plus, peopleFromMinorities] =
			entry.counts;
		return [
			{
				hamletId: hamletIds[index % hamletIds.length]!,
				teamId,
				kind: entry.kind,
				occurredOn,
				householdsNew,
				householdsRevisited,
				peopleGuided,
				peopleAged60Plus,
				peopleFromMinorities,
				topics: entry.topics,
				note: entry.note,
				idempotencyKey: `demo-field-${userId}-${index}`,
				recordedAt: new Date(`${occurredOn}${RECORDED_AT_UTC}`)
			}
		];
	});
}

/** Stores the demo team account's entries in its first commune; returns how many. */
export async function seedDemoFieldRecords(
	db: Database,
	actor: Actor,
	user: { id: string; communeCodes: readonly string[] },
	now: Date = new Date()
): Promise<number> {
	const [commune] = user.communeCodes;
	if (commune === undefined) return 0;
	const [team] = await fieldTeams(db, [commune]);
	if (!team) return 0;
	const hamlets = await hamletChoices(db, [commune]);
	return loadDemoFieldRecords(
		db,
		actor,
		user.id,
		demoFieldRecords(
			now,
			user.id,
			hamlets.map((hamlet) => hamlet.id),
			team.id
		)
	);
}
