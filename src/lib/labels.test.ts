import { describe, expect, it } from 'vitest';
import { GAP_COMPONENT_LABELS, GAP_COMPONENTS } from './analysis/gap-components';
import { HOT_SPOT_CLASS_LABELS } from './analysis/hot-spots';
import { ACTIVITY_KIND_LABELS, ACTIVITY_KINDS, DATASET_KIND_LABELS, DATASET_KINDS } from './domain';
import { formatMonth } from './format';
import { GAP_FLAG_LABELS } from './gap-flags';
import { bilingual, type PlainMessage } from './i18n';
import {
	activityKindLabel,
	ACTIVITY_KIND_MESSAGES,
	DATASET_KIND_MESSAGES,
	datasetKindLabel,
	flagFilterLabel,
	flagLabel,
	GAP_FLAG_MESSAGES,
	GAP_COMPONENT_MESSAGES,
	gapComponentLabel,
	HOT_SPOT_CLASS_MESSAGES,
	metricLabel,
	METRIC_MESSAGES,
	unitTypeName
} from './labels';
import { METRIC_DEFINITIONS, METRICS } from './metrics';
import { monthLabel } from './months';

// The `{ vi, en }` records below are what the map page reads until it moves to messages: they must say
// exactly what messages/*.json says, so that the two pages never name the same thing differently.
describe('the bilingual records the map page still reads agree with the messages', () => {
	it('metrics', () => {
		for (const metric of METRICS) {
			const definition = METRIC_DEFINITIONS[metric];
			const messages = METRIC_MESSAGES[metric];
			expect(definition.label).toEqual(bilingual(messages.label));
			expect(definition.shortLabel).toEqual(bilingual(messages.shortLabel));
			expect(definition.numeratorLabel).toEqual(bilingual(messages.numeratorLabel));
			expect(definition.denominatorLabel).toEqual(bilingual(messages.denominatorLabel));
		}
	});

	it('domain kinds', () => {
		for (const kind of ACTIVITY_KINDS)
			expect(ACTIVITY_KIND_LABELS[kind]).toEqual(bilingual(ACTIVITY_KIND_MESSAGES[kind]));
		for (const kind of DATASET_KINDS)
			expect(DATASET_KIND_LABELS[kind]).toEqual(bilingual(DATASET_KIND_MESSAGES[kind]));
	});

	it('gap components and hot-spot classes', () => {
		for (const component of GAP_COMPONENTS)
			expect(GAP_COMPONENT_LABELS[component]).toEqual(bilingual(GAP_COMPONENT_MESSAGES[component]));
		for (const [hotSpotClass, label] of Object.entries(HOT_SPOT_CLASS_LABELS))
			expect(label).toEqual(
				bilingual(HOT_SPOT_CLASS_MESSAGES[hotSpotClass as keyof typeof HOT_SPOT_CLASS_LABELS])
			);
	});

	it('gap flags', () => {
		for (const [flag, labels] of Object.entries(GAP_FLAG_LABELS)) {
			const messages: Record<string, PlainMessage> = GAP_FLAG_MESSAGES[flag as keyof typeof GAP_FLAG_LABELS];
			expect(Object.keys(messages).sort()).toEqual(Object.keys(labels).sort());
			for (const [text, label] of Object.entries(labels)) expect(label).toEqual(bilingual(messages[text]!));
		}
	});

	it('months', () => {
		for (const month of ['2025-01-01', '2026-06-01', '2026-12-01'])
			expect(monthLabel(month)).toEqual({ vi: formatMonth(month, 'vi'), en: formatMonth(month, 'en') });
	});
});

describe('the accessors', () => {
	it('answer in the locale asked for, Vietnamese by default outside a request', () => {
		expect(metricLabel('coverage')).toBe('Tỷ lệ hộ được tiếp cận');
		expect(metricLabel('coverage', 'shortLabel', 'en')).toBe('Coverage');
		expect(metricLabel('skills', 'denominatorLabel', 'en')).toBe('adults surveyed');
		expect(metricLabel('gap', 'label', 'en')).toBe('Digital gap');
		expect(activityKindLabel('door-to-door', 'en')).toBe('Door-to-door visit');
		expect(datasetKindLabel('demo')).toBe('Dữ liệu minh họa');
		expect(gapComponentLabel('classDistance')).toBe('Xa lớp học');
		expect(unitTypeName('xã')).toBe('xã');
		expect(flagLabel('minority', 'badge')).toBe('DTTS');
		expect(flagLabel('largestGapCommune', 'name', 'en')).toBe('Top 10% in the commune');
		expect(flagFilterLabel('rural', 'en')).toBe('Rural only');
		expect(unitTypeName('phường', 'en')).toBe('ward');
	});
});
