import { describe, expect, it } from 'vitest';
import { GAP_COMPONENTS } from './analysis/gap-components';
import { HOT_SPOT_CLASSES } from './analysis/hot-spots';
import { GAP_FLAG_BITS } from './gap-flags';
import { bilingual } from './i18n';
import {
	activityKindLabel,
	bilingualRecord,
	datasetKindLabel,
	flagFilterLabel,
	flagLabel,
	GAP_COMPONENT_MESSAGES,
	gapComponentLabel,
	hotSpotClassLabel,
	HOT_SPOT_CLASS_MESSAGES,
	metricLabel,
	unitTypeName
} from './labels';

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

describe('the vocabularies', () => {
	it('name every gap component and hot-spot class', () => {
		for (const component of GAP_COMPONENTS) expect(gapComponentLabel(component, 'en')).toMatch(/\S/);
		expect(gapComponentLabel('coverage')).toBe('Hộ chưa được tiếp cận');
		for (const hotSpotClass of HOT_SPOT_CLASSES) expect(hotSpotClassLabel(hotSpotClass, 'en')).toMatch(/\S/);
		expect(hotSpotClassLabel('hot-99')).toBe('Điểm nóng (độ tin cậy 99%)');
	});

	it('have a filter for each flag the map can filter by', () => {
		for (const flag of Object.keys(GAP_FLAG_BITS) as (keyof typeof GAP_FLAG_BITS)[])
			expect(flagFilterLabel(flag)).toMatch(/^Chỉ /);
	});

	it('give the JSON answers both languages from the same messages', () => {
		const components = bilingualRecord(GAP_COMPONENT_MESSAGES);
		expect(Object.keys(components)).toEqual([...GAP_COMPONENTS]);
		expect(components.coverage).toEqual({ vi: 'Hộ chưa được tiếp cận', en: 'Households not reached' });
		expect(bilingualRecord(HOT_SPOT_CLASS_MESSAGES)['hot-99']).toEqual(
			bilingual(HOT_SPOT_CLASS_MESSAGES['hot-99'])
		);
	});
});
