import seedrandom from 'seedrandom';

/**
 * A seeded stream of pseudo-random draws: the same seed always gives the same sequence.
 * Alea rather than seedrandom's default ARC4 because the demo data draws tens of millions of numbers
 * and Alea is several times faster, with statistical quality far beyond what demo data needs.
 */
export class Random {
	readonly #next: () => number;

	constructor(seed: string) {
		this.#next = seedrandom.alea(seed);
	}

	/** A float in [0, 1). */
	next(): number {
		return this.#next();
	}

	/** A float in [min, max). */
	between(min: number, max: number): number {
		return min + (max - min) * this.#next();
	}

	/** An integer in [min, max], both ends included. */
	integer(min: number, max: number): number {
		return min + Math.floor((max - min + 1) * this.#next());
	}

	/** True with the given probability. */
	chance(probability: number): boolean {
		return this.#next() < probability;
	}

	/** A standard normal draw (Box–Muller). */
	normal(): number {
		// 1 - next() lies in (0, 1], so the logarithm is finite.
		return Math.sqrt(-2 * Math.log(1 - this.#next())) * Math.cos(2 * Math.PI * this.#next());
	}

	/** One item, each equally likely; the list must not be empty. */
	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('Cannot pick from an empty list');
		return items[Math.floor(items.length * this.#next())] as T;
	}

	/** An index drawn with probability proportional to its (non-negative) weight. */
	weightedIndex(weights: readonly number[]): number {
		let total = 0;
		for (const weight of weights) total += weight;
		let remaining = this.#next() * total;
		for (let index = 0; index < weights.length; index++) {
			remaining -= weights[index] as number;
			if (remaining < 0) return index;
		}
		return weights.length - 1;
	}

	/** A shuffled copy (Fisher–Yates). */
	shuffle<T>(items: readonly T[]): T[] {
		const shuffled = [...items];
		for (let index = shuffled.length - 1; index > 0; index--) {
			const other = Math.floor((index + 1) * this.#next());
			[shuffled[index], shuffled[other]] = [shuffled[other] as T, shuffled[index] as T];
		}
		return shuffled;
	}

	/** Successes in `trials` draws of the given probability; normal approximation for large counts. */
	binomial(trials: number, probability: number): number {
		if (trials <= 0 || probability <= 0) return 0;
		if (probability >= 1) return trials;
		if (trials <= 40) {
			let successes = 0;
			for (let trial = 0; trial < trials; trial++) if (this.#next() < probability) successes++;
			return successes;
		}
		const mean = trials * probability;
		const draw = Math.round(mean + Math.sqrt(mean * (1 - probability)) * this.normal());
		return Math.min(trials, Math.max(0, draw));
	}

	/** A version-4 UUID whose 122 random bits come from this stream, so ids repeat with the seed. */
	uuid(): string {
		const bytes = new Array<number>(16);
		for (let index = 0; index < 16; index += 4) {
			const word = Math.floor(this.#next() * 0x100000000);
			bytes[index] = word >>> 24;
			bytes[index + 1] = (word >>> 16) & 0xff;
			bytes[index + 2] = (word >>> 8) & 0xff;
			bytes[index + 3] = word & 0xff;
		}
		// RFC 9562 §5.4: version 4 in the high nibble of byte 6, variant 10 in the top bits of byte 8.
		bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
		bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
		const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
		return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
	}
}
