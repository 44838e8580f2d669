// The field app's shared pieces, client-safe: what the server answers to a record, the history's rows,
// and who may still correct an entry (the page hides what the server would refuse).
import type { MultiPolygon, Polygon } from 'geojson';
import type { ActivityKind, OutreachTopic } from './domain';
import type { Role } from './roles';

/** A team member may correct or delete their own entry this long after recording it; then only the commune. */
export const OWN_EDIT_WINDOW_DAYS = 7;

/** The history shows this many days back from today. */
export const HISTORY_DAYS = 30;

/** The server's answer to a record: `stored` false when the key was already stored (a replay). */
export interface RecordReceipt {
	id: string;
	stored: boolean;
	hamletName: string;
	teamName: string;
	/** 'phone': the phone's position, inside the hamlet; 'hamlet': the hamlet's representative point. */
	position: 'phone' | 'hamlet';
}

/** A hamlet of the user's communes as the field app caches it: name, commune and boundary. */
export interface FieldHamlet {
	id: number;
	name: string;
	communeCode: string;
	/** GeoJSON Polygon or MultiPolygon, [lng, lat]. */
	geometry: Polygon | MultiPolygon;
	/** The point stored when the phone's position is not inside the hamlet. */
	representativePoint: [number, number];
}

/** An activity of the history. */
export interface HistoryActivity {
	id: string;
	occurredOn: string;
	kind: ActivityKind;
	hamletId: number;
	hamletName: string;
	communeCode: string;
	teamId: number;
	teamName: string;
	householdsNew: number;
	householdsRevisited: number;
	peopleGuided: number;
	/** Null: not recorded (an imported row without the count). */
	peopleAged60Plus: number | null;
	peopleFromMinorities: number | null;
	topics: OutreachTopic[];
	note: string;
	/** The account that recorded it (null: a loaded dataset). */
	recordedBy: string | null;
	recordedByName: string | null;
	/** ISO 8601. */
	recordedAt: string;
}

/** Who is asking, as far as the rule below needs it. */
interface Asker {
	id: string;
	role: Role;
	communeCodes: readonly string[];
}

/**
 * Whether `user` may correct or delete `activity` at `now`: a commune user any activity of their
 * communes; a team member their own entry within OWN_EDIT_WINDOW_DAYS of recording it.
 */
export function canChangeActivity(
	user: Asker,
	activity: Pick<HistoryActivity, 'communeCode' | 'recordedBy' | 'recordedAt'>,
	now: Date = new Date()
): boolean {
	if (!user.communeCodes.includes(activity.communeCode)) return false;
	if (user.role === 'commune') return true;
	if (user.role !== 'team' || activity.recordedBy !== user.id) return false;
	const age = now.getTime() - new Date(activity.recordedAt).getTime();
	return age >= 0 && age < OWN_EDIT_WINDOW_DAYS * 24 * 60 * 60 * 1000;
}
