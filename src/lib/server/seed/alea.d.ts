// seedrandom 3 ships no types. Its Alea generator is declared under its own path, so this cannot clash
// with another ambient declaration of the package's main module (geodata/ has one).
declare module 'seedrandom/lib/alea.js' {
	/** A seeded generator: each call returns the next float in [0, 1). */
	interface AleaGenerator {
		(): number;
		int32(): number;
		double(): number;
	}

	/** Alea (Johannes Baagøe): the same seed string always yields the same sequence. */
	function alea(seed?: string): AleaGenerator;
	export default alea;
}
