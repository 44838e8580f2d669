// The UI's words for the fixed vocabularies (metrics, domain kinds, gap components, hot spots, flags),
// in the page's language or the one asked for. The texts live in messages/*.json, and only there: the
// JSON endpoints that carry both languages build them from the same messages (`bilingualRecord`).
import type { ProjectionStatus } from './analysis/project-to-target';
import type { GapComponent, HotSpotClass } from './analysis/types';
import type {
	ActivityKind,
	DatasetKind,
	ImportKind,
	Label,
	OutreachTopic,
	TeamMemberRole,
	UnitType
} from './domain';
import type { GapFlag } from './gap-flags';
import { bilingual, type Locale, type PlainMessage } from './i18n';
import type { MetricId } from './metrics';
import { m } from './paraglide/messages';
import { getLocale } from './paraglide/runtime';
import type { KpiId } from './target-progress';

/** Which of a metric's texts: its title, a few words for buttons, or the counts' nouns. */
export type MetricText = 'label' | 'shortLabel' | 'numeratorLabel' | 'denominatorLabel';

const METRIC_MESSAGES: Record<MetricId, Record<MetricText, PlainMessage>> = {
	coverage: {
		label: m.metric_coverage_label,
		shortLabel: m.metric_coverage_short,
		numeratorLabel: m.metric_coverage_numerator,
		denominatorLabel: m.metric_coverage_denominator
	},
	skills: {
		label: m.metric_skills_label,
		shortLabel: m.metric_skills_short,
		numeratorLabel: m.metric_skills_numerator,
		denominatorLabel: m.metric_adults_surveyed
	},
	smartphone: {
		label: m.metric_smartphone_label,
		shortLabel: m.metric_smartphone_short,
		numeratorLabel: m.metric_smartphone_numerator,
		denominatorLabel: m.metric_adults_surveyed
	},
	epayment: {
		label: m.metric_epayment_label,
		shortLabel: m.metric_epayment_short,
		numeratorLabel: m.metric_epayment_numerator,
		denominatorLabel: m.metric_adults_surveyed
	},
	vneid: {
		label: m.metric_vneid_label,
		shortLabel: m.metric_vneid_short,
		numeratorLabel: m.metric_vneid_numerator,
		denominatorLabel: m.metric_adults_surveyed
	}
};

/**
 * 'Tỷ lệ hộ được tiếp cận' / 'Outreach coverage', or another of the metric's texts. The map also shades
 * by the gap index, 'gap', which has one name for its title and buttons.
 */
export function metricLabel(
	metric: MetricId | 'gap',
	text: Exclude<MetricText, 'numeratorLabel' | 'denominatorLabel'>,
	locale?: Locale
): string;
export function metricLabel(metric: MetricId, text?: MetricText, locale?: Locale): string;
export function metricLabel(
	metric: MetricId | 'gap',
	text: MetricText = 'label',
	locale: Locale = getLocale()
): string {
	return metric === 'gap' ? m.metric_gap({}, { locale }) : METRIC_MESSAGES[metric][text]({}, { locale });
}

const ACTIVITY_KIND_MESSAGES: Record<ActivityKind, PlainMessage> = {
	'door-to-door': m.activity_kind_door_to_door,
	class: m.activity_kind_class,
	event: m.activity_kind_event,
	online: m.activity_kind_online
};

const OUTREACH_TOPIC_MESSAGES: Record<OutreachTopic, PlainMessage> = {
	vneid: m.topic_vneid,
	'public-services': m.topic_public_services,
	payment: m.topic_payment,
	safety: m.topic_safety,
	'e-health': m.topic_e_health,
	ai: m.topic_ai
};

const TEAM_MEMBER_ROLE_MESSAGES: Record<TeamMemberRole, PlainMessage> = {
	leader: m.team_role_leader,
	deputy: m.team_role_deputy,
	member: m.team_role_member
};

const IMPORT_KIND_MESSAGES: Record<ImportKind, PlainMessage> = {
	activities: m.import_kind_activities,
	surveys: m.import_kind_surveys,
	teams: m.import_kind_teams,
	register: m.import_kind_register
};

const DATASET_KIND_MESSAGES: Record<DatasetKind, PlainMessage> = {
	official: m.dataset_kind_official,
	demo: m.dataset_kind_demo,
	uploaded: m.dataset_kind_uploaded
};

export const GAP_COMPONENT_MESSAGES: Record<GapComponent, PlainMessage> = {
	skills: m.gap_component_skills,
	coverage: m.gap_component_coverage,
	device: m.gap_component_device,
	payment: m.gap_component_payment,
	elderly: m.gap_component_elderly,
	minority: m.gap_component_minority,
	rurality: m.gap_component_rurality,
	classDistance: m.gap_component_class_distance
};

export const HOT_SPOT_CLASS_MESSAGES: Record<HotSpotClass, PlainMessage> = {
	'hot-99': m.hot_spot_hot_99,
	'hot-95': m.hot_spot_hot_95,
	'hot-90': m.hot_spot_hot_90,
	'cold-99': m.hot_spot_cold_99,
	'cold-95': m.hot_spot_cold_95,
	'cold-90': m.hot_spot_cold_90,
	none: m.hot_spot_none
};

/** Which of a flag's texts: what it says of a hamlet, its badge in a dense table, the map's filter. */
type FlagText = 'name' | 'badge' | 'filter';

/** The flags' texts; the two "largest" flags share a badge, and only the map's filters have a filter text. */
const GAP_FLAG_MESSAGES = {
	rural: { name: m.flag_rural, badge: m.flag_rural, filter: m.flag_filter_rural },
	minority: { name: m.flag_minority, badge: m.flag_minority_badge, filter: m.flag_filter_minority },
	largestGapCity: {
		name: m.flag_largest_gap_city,
		badge: m.flag_largest_gap_badge,
		filter: m.flag_filter_largest
	},
	largestGapCommune: { name: m.flag_largest_gap_commune, badge: m.flag_largest_gap_badge }
} as const satisfies Record<
	GapFlag,
	Partial<Record<FlagText, PlainMessage>> & Record<'name' | 'badge', PlainMessage>
>;

/** A flag's name ('Nông thôn' / 'Rural') or badge ('DTTS' / 'Ethnic minorities'). */
export function flagLabel(
	flag: GapFlag,
	text: 'name' | 'badge' = 'name',
	locale: Locale = getLocale()
): string {
	return GAP_FLAG_MESSAGES[flag][text]({}, { locale });
}

/** The map's filter by a flag: 'Chỉ nông thôn' / 'Rural only'. */
export function flagFilterLabel(
	flag: 'rural' | 'minority' | 'largestGapCity',
	locale: Locale = getLocale()
): string {
	return GAP_FLAG_MESSAGES[flag].filter({}, { locale });
}

const TOPIC_MESSAGES: Record<OutreachTopic, PlainMessage> = {
	vneid: m.topic_vneid,
	'public-services': m.topic_public_services,
	payment: m.topic_payment,
	safety: m.topic_safety,
	'e-health': m.topic_e_health,
	ai: m.topic_ai
};

const UNIT_TYPE_MESSAGES: Record<UnitType, PlainMessage> = { phường: m.unit_ward, xã: m.unit_commune };

type Lookup<K extends string> = (key: K, locale?: Locale) => string;

function lookup<K extends string>(messages: Record<K, PlainMessage>): Lookup<K> {
	return (key, locale = getLocale()) => messages[key]({}, { locale });
}

export const activityKindLabel = lookup(ACTIVITY_KIND_MESSAGES);
export const outreachTopicLabel = lookup(OUTREACH_TOPIC_MESSAGES);
export const importKindLabel = lookup(IMPORT_KIND_MESSAGES);
export const datasetKindLabel = lookup(DATASET_KIND_MESSAGES);
export const teamMemberRoleLabel = lookup(TEAM_MEMBER_ROLE_MESSAGES);
export const gapComponentLabel = lookup(GAP_COMPONENT_MESSAGES);
export const hotSpotClassLabel = lookup(HOT_SPOT_CLASS_MESSAGES);
/** An outreach topic: 'An toàn trên không gian mạng' / 'Online safety'. */
export const topicLabel = lookup(TOPIC_MESSAGES);
/** 'phường' / 'ward', 'xã' / 'commune': the unit in running text. */
export const unitTypeName = lookup(UNIT_TYPE_MESSAGES);

/** A dashboard target's title ('label') or its few words ('short'); training is no map metric. */
export function kpiLabel(
	kpi: KpiId | MetricId,
	text: 'label' | 'short' = 'label',
	locale: Locale = getLocale()
): string {
	if (kpi === 'training')
		return (text === 'label' ? m.kpi_training_label : m.kpi_training_short)({}, { locale });
	return metricLabel(kpi, text === 'label' ? 'label' : 'shortLabel', locale);
}

const PROJECTION_STATUS_MESSAGES: Record<ProjectionStatus, PlainMessage> = {
	reached: m.projection_status_reached,
	'on-track': m.projection_status_on_track,
	'at-risk': m.projection_status_at_risk,
	'off-track': m.projection_status_off_track,
	'no-data': m.projection_status_no_data
};

/** 'Đúng tiến độ' / 'On track' and the other projection statuses. */
export const projectionStatusLabel = lookup(PROJECTION_STATUS_MESSAGES);

/** Every key's text in both languages, for JSON answers that carry `{ vi, en }` (the gap API's legend). */
export function bilingualRecord<K extends string>(messages: Record<K, PlainMessage>): Record<K, Label> {
	return Object.fromEntries(
		Object.entries<PlainMessage>(messages).map(([key, message]) => [key, bilingual(message)])
	) as Record<K, Label>;
}
