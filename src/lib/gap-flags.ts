/** Bits of the map's per-hamlet gap flags: one small integer per hamlet instead of three booleans. */
export const GAP_FLAG_BITS = { rural: 1, minority: 2, largestGapCity: 4 } as const;
