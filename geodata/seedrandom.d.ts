// seedrandom 3 ships no types and @types/seedrandom is not installed; this covers the one call geodata/ makes.
declare module 'seedrandom' {
	/** A seeded generator of floats in [0, 1). */
	type PRNG = () => number;
	/** Creates the ARC4-based generator; the same seed string always yields the same sequence. */
	function seedrandom(seed: string): PRNG;
	export default seedrandom;
}
