import { describe, expect, it } from 'vitest';
import { StaleWhileRevalidate } from './stale-while-revalidate';

describe('StaleWhileRevalidate', () => {
	it('reads once per interval, answering with the value at hand while one refresh runs', async () => {
		let clock = 0;
		let reads = 0;
		let release: (() => void) | undefined;
		const value = new StaleWhileRevalidate(
			async () => {
				reads += 1;
				if (reads > 1) await new Promise<void>((resolve) => (release = resolve));
				return reads;
			},
			30_000,
			() => clock
		);
		expect(await value.get()).toBe(1);
		clock = 29_999;
		expect(await value.get()).toBe(1);
		expect(reads).toBe(1);
		clock = 30_000;
		// Stale: answered at once, one refresh started however many callers ask.
		expect(await Promise.all([value.get(), value.get(), value.get()])).toEqual([1, 1, 1]);
		expect(reads).toBe(2);
		release!();
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(await value.get()).toBe(2);
	});

	it('keeps the old value when a refresh fails, and tries again after the next interval', async () => {
		let clock = 0;
		let fail = false;
		let reads = 0;
		const value = new StaleWhileRevalidate(
			async () => {
				reads += 1;
				if (fail) throw new Error('database away');
				return reads;
			},
			10,
			() => clock
		);
		expect(await value.get()).toBe(1);
		fail = true;
		clock = 10;
		expect(await value.get()).toBe(1);
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(await value.get()).toBe(1);
		expect(reads).toBe(2);
		fail = false;
		clock = 20;
		await value.get();
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(await value.get()).toBe(3);
	});

	it('lets the first caller see a failed read', async () => {
		const value = new StaleWhileRevalidate(() => Promise.reject(new Error('no database')), 10);
		await expect(value.get()).rejects.toThrow('no database');
	});
});
